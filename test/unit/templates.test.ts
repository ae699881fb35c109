import { strict as assert } from 'node:assert';
import { builtinTemplates } from '../../server/src/service';
import { analyze, findingsWith, md, sectionIds } from './helpers';

// A complete document for each built-in template, and what happens when one of its sections goes.

/** A document as [heading, body] pairs, so a test can leave one section out. */
type Outline = [heading: string, body: string][];

function render(title: string, outline: Outline): string {
  return [title, ...outline.map(([heading, body]) => `${heading}\n\n${body}`)].join('\n\n') + '\n';
}

const structuralCodes = ['missing-section', 'empty-section', 'duplicate-section', 'missing-field', 'heading-space'];

const complete: Record<string, { title: string; outline: Outline }> = {
  standard: {
    title: '# Postmortem: image uploads failed for 95 minutes',
    outline: [
      [
        '## Issue Summary',
        md(
          '- **Duration:** 2024-04-09 13:05 – 14:40 UTC (1 hour 35 minutes)',
          '- **Impact:** Image uploads returned HTTP 500 for 62% of users; about 18,000 uploads failed.',
          '- **Root cause:** An expired TLS certificate on the internal object-store endpoint.',
        ),
      ],
      [
        '## Timeline',
        md('- 13:05 UTC - Upload error rate alert fires.', '- 13:20 UTC - On-call rules out the CDN.', '- 14:40 UTC - New certificate deployed; errors stop.'),
      ],
      [
        '## Root Cause and Resolution',
        'The object-store certificate was issued by hand two years ago and never added to renewal. We issued a new one and rolled it out.',
      ],
      [
        '## Corrective and Preventative Measures',
        md('- [ ] Move every internal certificate to automatic renewal.', '- [ ] Alert 21 days before any certificate expires.'),
      ],
    ],
  },
  'google-sre': {
    title: '# Search suggestions outage (incident #112)',
    outline: [
      ['## Summary', 'Search suggestions were empty for 40 minutes on 2024-02-14 between 09:10 and 09:50 UTC.'],
      ['## Impact', 'About 1.2 million suggestion requests returned nothing; search itself kept working.'],
      ['## Root Causes', 'The suggestion index builder dropped every entry whose score had become negative after a model change.'],
      ['## Trigger', 'The new ranking model rolled out to all regions at 09:05 UTC.'],
      ['## Resolution', 'We rolled the ranking model back and rebuilt the index.'],
      ['## Detection', 'The empty-response SLO alert paged the on-call engineer at 09:14 UTC.'],
      [
        '## Action Items',
        md('| Action Item | Type | Owner | Bug |', '|---|---|---|---|', '| Reject negative scores at build time | prevent | mira | SUG-77 |'),
      ],
      ['## Lessons Learned', md('**What went well:** the alert fired within four minutes.', '', '**What went wrong:** the rollback took 25 minutes.')],
      ['## Timeline', md('- 09:05 UTC - New model rolled out.', '- 09:14 UTC - Alert pages on-call.', '- 09:50 UTC - Rollback complete.')],
    ],
  },
  pagerduty: {
    title: '# Postmortem: delayed SMS notifications',
    outline: [
      ['## Overview', 'SMS notifications were delayed by up to 25 minutes for 70 minutes because one SMS provider throttled us.'],
      ['## What Happened', 'At 16:00 UTC the provider began rejecting a third of our requests; our retries piled up in the queue.'],
      ['## Contributing Factors', md('- No per-provider rate limit on our side.', '- Failover to the second provider needed a manual switch.')],
      ['## Resolution', 'We switched traffic to the second provider at 16:55 UTC and drained the queue by 17:10 UTC.'],
      ['## Impact', 'About 41,000 SMS notifications were delivered outside our 2-minute SLA.'],
      [
        '## Timeline',
        md(
          '| Time (UTC) | Event |',
          '|---|---|',
          '| 16:00 | Provider starts throttling. |',
          '| 16:12 | Queue-depth alert pages on-call. |',
          '| 17:10 | Queue drained. |',
        ),
      ],
      ["## How'd We Do?", md('**What went well?** Paging was fast.', '', "**What didn't go so well?** The failover was manual.")],
      ['## Action Items', md('- [OPS-311] Automatic provider failover (owner: lee)', '- [OPS-312] Per-provider rate limits (owner: sam)')],
    ],
  },
  atlassian: {
    title: '# Incident review: wiki pages failed to save',
    outline: [
      [
        '## Incident summary',
        'Between 11:00 and 12:15 UTC on 2024-07-03, 30% of page saves failed. The trigger was a schema migration. This SEV-2 incident lasted 75 minutes.',
      ],
      ['## Leadup', 'A migration adding a column to the revisions table was scheduled for the morning.'],
      ['## Fault', 'The migration took a table lock that blocked writes for minutes at a time.'],
      ['## Impact', 'About 9,400 saves failed; 120 support tickets were raised.'],
      ['## Detection', 'The save error-rate alert fired at 11:06 UTC.'],
      ['## Response', 'The on-call database engineer joined at 11:10 UTC and paused the migration at 11:40 UTC.'],
      ['## Recovery', 'The migration was cancelled and rerun online with a lock timeout; saves recovered at 12:15 UTC.'],
      ['## Timeline', md('- 11:00 UTC - Migration starts.', '- 11:06 UTC - Alert fires.', '- 12:15 UTC - Saves recover.')],
      ['## Five whys', md('1. Saves failed because the table was locked.', '2. It was locked because the migration was not run online.')],
      ['## Root cause', 'Our migration tooling does not default to online schema changes.'],
      ['## Lessons learned', 'Run every migration through the online tool, even small ones.'],
      ['## Corrective actions', md('- Default the tooling to online changes (owner: kim, due 2024-08-01, JIRA DB-90).')],
    ],
  },
};

describe('templates: complete documents', () => {
  it('has a complete document for every built-in template', () => {
    assert.deepEqual(Object.keys(complete).sort(), builtinTemplates.map((t) => t.id).sort());
  });

  for (const [templateId, { title, outline }] of Object.entries(complete)) {
    const text = render(title, outline);
    const template = builtinTemplates.find((t) => t.id === templateId)!;

    it(`finds every section of a complete ${templateId} document and reports no missing section`, () => {
      const analysis = analyze(text, { settings: { template: templateId } });
      assert.equal(analysis.template.id, templateId);
      assert.deepEqual(analysis.missingSections, []);
      assert.deepEqual(findingsWith(analysis, 'missing-section'), []);
      assert.equal(analysis.document.sections.length, outline.length, 'one section per heading');
      const required = template.sections.filter((s) => s.required).map((s) => s.id);
      assert.deepEqual(
        required.filter((id) => !sectionIds(analysis).includes(id)),
        [],
      );
    });

    it(`reports no structural finding on a complete ${templateId} document`, () => {
      const analysis = analyze(text, { settings: { template: templateId } });
      assert.deepEqual(
        analysis.diagnostics.filter((d) => structuralCodes.includes(d.code)).map((d) => `${d.code}@${d.range.start.line + 1}`),
        [],
      );
    });

    it(`classifies the complete ${templateId} document as a postmortem`, () => {
      assert.equal(analyze(text, { settings: { template: templateId } }).classification.isPostmortem, true);
    });

    // Which section each heading is comes from the template's own names, not from the analysis,
    // so a misreading cannot take a test away.
    const sectionOf = (heading: string) => template.sections.find((s) => s.name.toLowerCase() === heading.replace(/^#+\s*/, '').toLowerCase());

    it(`names a section of the ${templateId} template in every heading, every required one included`, () => {
      assert.deepEqual(
        outline.map(([heading]) => heading).filter((heading) => !sectionOf(heading)),
        [],
      );
      assert.deepEqual(
        template.sections.filter((s) => s.required && !outline.some(([heading]) => sectionOf(heading) === s)).map((s) => s.id),
        [],
      );
    });

    outline.forEach(([heading], index) => {
      const id = sectionOf(heading)?.id;
      if (!sectionOf(heading)?.required) return;
      it(`reports exactly one missing-section (${id}) when "${heading}" is removed from the ${templateId} document`, () => {
        const without = render(
          title,
          outline.filter((_, i) => i !== index),
        );
        const analysis = analyze(without, { settings: { template: templateId } });
        assert.deepEqual(
          findingsWith(analysis, 'missing-section').map((d) => d.data?.sectionId),
          [id],
        );
        assert.deepEqual(analysis.missingSections, [id]);
      });
    });
  }
});

describe('templates: standard aliases', () => {
  const text = md(
    '# Postmortem: the queue that would not drain',
    '',
    '## Issue Summary',
    '- **Duration:** 45 minutes',
    '- **Impact:** all webhooks delayed',
    '- **Root cause:** a stuck consumer',
    '',
    '## Timeline',
    '- 10:00 UTC - backlog alert',
    '',
    '## Contributing Factors',
    'The consumer had no liveness probe.',
    '',
    '## Action Items',
    '- Add a liveness probe.',
  );

  it('counts "Contributing Factors" as the root cause (its contributing factors part) and "Action Items" as the corrective actions', () => {
    const analysis = analyze(text);
    assert.deepEqual(sectionIds(analysis), ['summary', 'timeline', 'root-cause', 'corrective-actions']);
    assert.deepEqual(analysis.missingSections, []);
    assert.equal(analysis.document.sections[2].part, 'contributing factors');
    assert.equal(analysis.document.sections[3].part, 'actions');
  });
});

describe('templates: labels', () => {
  it('gives every built-in template a short display name, and leaves the sections to its description', () => {
    for (const t of builtinTemplates) {
      assert.ok(t.name.length <= 20 && !/[(,:]/.test(t.name), `${t.id}: "${t.name}" is a label, not a description`);
      assert.ok(t.description.includes(t.sections[0].name), `${t.id}: the description names the sections`);
    }
    assert.equal(builtinTemplates.find((t) => t.id === 'standard')?.name, 'Standard');
  });
});

describe('templates: choosing the template', () => {
  const sreDoc = render(complete['google-sre'].title, complete['google-sre'].outline);
  const pagerdutyDoc = render(complete.pagerduty.title, complete.pagerduty.outline);

  it('uses the standard template by default', () => {
    assert.equal(analyze(sreDoc).template.id, 'standard');
  });

  it('uses the template named in the settings', () => {
    const analysis = analyze(sreDoc, { settings: { template: 'google-sre' } });
    assert.equal(analysis.template.id, 'google-sre');
    assert.deepEqual(analysis.missingSections, []);
  });

  it('uses the template of front matter written as a flow mapping, over the settings', () => {
    const analysis = analyze(`---\npostmortem: { template: pagerduty }\n---\n${pagerdutyDoc}`, { settings: { template: 'google-sre' } });
    assert.equal(analysis.template.id, 'pagerduty');
    assert.deepEqual(analysis.missingSections, []);
  });

  it('uses the template of front matter written as a block mapping', () => {
    const analysis = analyze(`---\ntitle: SMS delays\npostmortem:\n  template: pagerduty\n---\n${pagerdutyDoc}`);
    assert.equal(analysis.template.id, 'pagerduty');
    assert.equal(analysis.document.frontMatter?.declaresPostmortem, true);
    assert.deepEqual(analysis.missingSections, []);
  });

  it('reports an unknown template in front matter on the front matter and falls back to standard', () => {
    const analysis = analyze(`---\npostmortem:\n  template: netflix\n---\n${pagerdutyDoc}`);
    assert.equal(analysis.template.id, 'standard');
    const unknown = findingsWith(analysis, 'unknown-template');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].range.start.line, 0);
    assert.match(unknown[0].message, /netflix/);
  });

  it("does not take a site generator's layout file (template: post.html) for a postmortem template", () => {
    const analysis = analyze(`---\nlayout: post\ntemplate: post.html\n---\n${pagerdutyDoc}`);
    assert.equal(analysis.document.frontMatter?.template, undefined);
    assert.equal(analysis.template.id, 'standard');
    assert.deepEqual(findingsWith(analysis, 'unknown-template'), []);
  });

  it('reads Hugo TOML front matter: its title, its template and its incident keys', () => {
    const analysis = analyze(`+++\ntitle = "Elevated errors"\ntemplate = "pagerduty"\ndate = 2021-05-04T08:12:00Z\n+++\n${pagerdutyDoc}`);
    const fm = analysis.document.frontMatter;
    assert.equal(fm?.endLine, 4);
    assert.equal(fm?.template, 'pagerduty');
    assert.deepEqual(fm?.title, { text: 'Elevated errors', line: 1 });
    assert.deepEqual(
      fm?.incidentKeys?.map((k) => [k.key, k.value]),
      [['date', '2021-05-04T08:12:00Z']],
    );
    assert.equal(analysis.template.id, 'pagerduty');
  });

  it('takes tags naming postmortem as evidence, not a declaration; a severity of planned maintenance declares nothing', () => {
    const tagged = analyze(`---\ntitle: Jam weekend\ntags:\n  - post-mortem\n---\n\nWe made a small game.\n`).document.frontMatter;
    assert.equal(tagged?.declaresPostmortem, false);
    assert.equal(tagged?.taggedPostmortem, true);
    const inline = analyze(`---\ntags: [games, postmortem]\n---\n\nWe made a small game.\n`).document.frontMatter;
    assert.deepEqual([inline?.declaresPostmortem, inline?.taggedPostmortem], [false, true]);
    const maintenance = analyze(`+++\nseverity = "under-maintenance"\n+++\n\nWe will be performing maintenance.\n`).document.frontMatter;
    assert.equal(maintenance?.declaresPostmortem, false);
    const incident = analyze(`+++\nseverity = "partial-outage"\n+++\n\nErrors are elevated.\n`).document.frontMatter;
    assert.equal(incident?.declaresPostmortem, true);
    const unset = analyze(`---\ntitle: Planned Maintenance Notice\nseverity: \n---\n\nWe will upgrade storage.\n`).document.frontMatter;
    assert.equal(unset?.declaresPostmortem, false, 'an empty severity declares nothing');
    const record = analyze(`---\nstart_time: ""\n---\n\nA fire took down an exchange.\n`).document.frontMatter;
    assert.equal(record?.declaresPostmortem, true, "an incident record's keys declare one, even empty");
  });

  it('uses a valid custom template passed to analyze', () => {
    const customTemplates = [
      {
        id: 'tiny',
        name: 'Tiny',
        description: '',
        source: 'test',
        sections: [
          { id: 'what', name: 'What Happened', aliases: [], required: true, fields: [], hover: '', checklist: [], example: '', skeleton: 'What happened.' },
          { id: 'next', name: 'Next Steps', aliases: ['Follow-ups'], required: true, fields: [], hover: '', checklist: [], example: '', skeleton: '- A step.' },
        ],
      },
    ];
    const analysis = analyze(md('## What Happened', 'The queue stalled.'), { settings: { template: 'tiny' }, customTemplates });
    assert.equal(analysis.template.id, 'tiny');
    assert.deepEqual(sectionIds(analysis), ['what']);
    assert.deepEqual(
      findingsWith(analysis, 'missing-section').map((d) => d.data?.sectionId),
      ['next'],
    );
  });
});
