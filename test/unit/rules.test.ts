import { strict as assert } from 'node:assert';
import { allRules } from '../../server/src/service';
import { analyze, assertKeepsEveryLine, crlf, findings, findingsWith, md, sameFinding, service } from './helpers';

// One describe per diagnostic, then severities and suppression.

const complete = [
  '# Postmortem: payment webhooks delayed',
  '',
  '## Issue Summary',
  '- **Duration:** 2024-03-02 08:00 – 08:50 UTC (50 minutes)',
  '- **Impact:** 12% of payment webhooks arrived late.',
  '- **Root cause:** a consumer stuck on a poison message.',
  '',
  '## Timeline',
  '- 08:00 UTC - backlog starts growing',
  '- 08:50 UTC - consumer restarted',
  '',
  '## Root Cause and Resolution',
  'A malformed payload crashed the consumer in a loop; we skipped it and restarted.',
  '',
  '## Corrective and Preventative Measures',
  '- [ ] Send poison messages to a dead-letter queue.',
];

describe('rules: metadata', () => {
  it('gives every rule a kebab-case code, a description and a default severity', () => {
    for (const rule of allRules) {
      assert.match(rule.code, /^[a-z]+(?:-[a-z]+)*$/);
      assert.ok(rule.description.length > 10, rule.code);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(rule.defaultSeverity), rule.code);
    }
  });

  it('reports nothing structural on a complete document', () => {
    assert.deepEqual(
      findings(analyze(md(...complete))).filter((f) => /^(?:missing|empty|duplicate|heading)-/.test(f)),
      [],
    );
  });
});

describe('rules: missing-section', () => {
  const text = md(...complete.slice(0, 10));

  it('reports each missing required section as an error on the title, with its section id and an insert fix', () => {
    const missing = findingsWith(analyze(text), 'missing-section');
    assert.deepEqual(
      missing.map((d) => [d.data?.sectionId, d.severity, d.range.start.line, d.fixes[0]?.kind]),
      [
        ['root-cause', 'error', 0, 'insert-section'],
        ['corrective-actions', 'error', 0, 'insert-section'],
      ],
    );
  });

  it('anchors document findings on the first line with text when there is no title', () => {
    const missing = findingsWith(analyze(md('', '', 'Timeline:', '- 10:00 UTC - alert')), 'missing-section');
    assert.ok(missing.length > 0);
    assert.ok(missing.every((d) => d.range.start.line === 2));
  });
});

describe('rules: missing-field', () => {
  it('reports the summary missing its duration, impact and root cause on the summary heading', () => {
    const analysis = analyze(md('## Issue Summary', 'Webhooks were late for a while.', '', '## Timeline', '- 08:00 UTC - backlog'));
    assert.deepEqual(
      findingsWith(analysis, 'missing-field').map((d) => [d.data?.fieldId, d.range.start.line, d.severity]),
      [
        ['duration', 0, 'warning'],
        ['impact', 0, 'warning'],
        ['root-cause', 0, 'warning'],
      ],
    );
  });

  it('accepts start and end fields in place of a duration', () => {
    const analysis = analyze(
      md(
        '## Issue Summary',
        '**Start:** 2024-03-02 08:00 UTC',
        '**End:** 2024-03-02 08:50 UTC',
        '**Impact:** 12% of webhooks late',
        '**Root cause:** a stuck consumer',
      ),
    );
    assert.deepEqual(findingsWith(analysis, 'missing-field'), []);
  });

  it('accepts an Impact section of its own for the summary impact', () => {
    const analysis = analyze(md('## Issue Summary', '- Duration: 50 minutes', '- Root cause: a stuck consumer', '', '## Impact', '12% of webhooks were late.'));
    assert.deepEqual(findingsWith(analysis, 'missing-field'), []);
  });

  it('does not ask an empty summary for its fields (empty-section says it)', () => {
    const analysis = analyze(md('## Issue Summary', '', '## Timeline', '- 08:00 UTC - backlog'));
    assert.deepEqual(findingsWith(analysis, 'missing-field'), []);
    assert.equal(findingsWith(analysis, 'empty-section').length, 1);
  });
});

describe('rules: empty-section', () => {
  it('reports a heading with only blank lines and a thematic break under it', () => {
    const analysis = analyze(md('## Issue Summary', '', '---', '', '## Timeline', '- 08:00 UTC - backlog'));
    const empty = findingsWith(analysis, 'empty-section');
    assert.deepEqual(
      empty.map((d) => [d.data?.sectionId, d.range.start.line, d.fixes[0]?.kind]),
      [['summary', 0, 'fill-section']],
    );
  });

  it('reports a heading followed directly by the next heading, and one at the end of the file', () => {
    const analysis = analyze(md('## Timeline', '## Root Cause and Resolution', 'A stuck consumer.', '', '## Corrective and Preventative Measures', '', ''));
    assert.deepEqual(
      findingsWith(analysis, 'empty-section').map((d) => d.data?.sectionId),
      ['timeline', 'corrective-actions'],
    );
  });

  it('counts a comment-only body as empty', () => {
    const analysis = analyze(md('## Timeline', '<!-- fill in later -->', '', '## Issue Summary', 'Text.'));
    assert.deepEqual(
      findingsWith(analysis, 'empty-section').map((d) => d.data?.sectionId),
      ['timeline'],
    );
  });

  it('does not report a section with a sub-heading and text under it', () => {
    const analysis = analyze(md('## Timeline', '### Morning', '- 08:00 UTC - backlog'));
    assert.deepEqual(findingsWith(analysis, 'empty-section'), []);
  });
});

describe('rules: duplicate-section', () => {
  it('reports the second of two timelines on its heading, naming the line of the first', () => {
    const analysis = analyze(md('## Timeline', '- 08:00 UTC - backlog', '', '## Timeline', '- 08:50 UTC - restarted'));
    const duplicates = findingsWith(analysis, 'duplicate-section');
    assert.deepEqual(
      duplicates.map((d) => [d.range.start.line, d.data?.sectionId, d.data?.firstLine]),
      [[3, 'timeline', 0]],
    );
    assert.match(duplicates[0].message, /line 1/);
  });

  it('does not report "Root Cause" and "Resolution and Recovery" as duplicates: they are two parts of one section', () => {
    const analysis = analyze(md('## Root Cause', 'A stuck consumer.', '', '## Resolution and Recovery', 'We restarted it.'));
    assert.deepEqual(findingsWith(analysis, 'duplicate-section'), []);
    assert.deepEqual(
      analysis.document.sections.map((s) => s.part),
      ['cause', 'resolution'],
    );
  });

  it('reports the same part twice', () => {
    const analysis = analyze(md('## Root Cause', 'A stuck consumer.', '', '## Resolution', 'Restarted.', '', '## Root Cause', 'Also the alert.'));
    assert.deepEqual(
      findingsWith(analysis, 'duplicate-section').map((d) => d.range.start.line),
      [6],
    );
  });

  it('does not report a part heading nested under its whole section', () => {
    const analysis = analyze(md('## Root Cause and Resolution', '### Root Cause', 'A stuck consumer.', '### Resolution', 'Restarted.'));
    assert.deepEqual(findingsWith(analysis, 'duplicate-section'), []);
  });
});

describe('rules: severities', () => {
  const text = md('## Issue Summary', 'Webhooks were late.', '', '## Timeline', '- 08:00 UTC - backlog');

  it('turns a rule off with the severity "off"', () => {
    assert.deepEqual(findingsWith(analyze(text, { settings: { rules: { 'missing-field': 'off' } } }), 'missing-field'), []);
  });

  it('raises a warning to an error', () => {
    const fields = findingsWith(analyze(text, { settings: { rules: { 'missing-field': 'error' } } }), 'missing-field');
    assert.equal(fields.length, 3);
    assert.ok(fields.every((d) => d.severity === 'error'));
  });

  it('lowers an error to a hint', () => {
    const sections = findingsWith(analyze(text, { settings: { rules: { 'missing-section': 'hint' } } }), 'missing-section');
    assert.ok(sections.length > 0);
    assert.ok(sections.every((d) => d.severity === 'hint'));
  });
});

describe('rules: suppression comments', () => {
  it('turns a rule off for the next line with postmortem-disable-next-line', () => {
    const analysis = analyze(
      md('<!-- postmortem-disable-next-line missing-field -->', '## Issue Summary', 'Webhooks were late.', '', '## Timeline', '- 08:00 UTC - backlog'),
    );
    assert.deepEqual(findingsWith(analysis, 'missing-field'), []);
    assert.equal(findingsWith(analysis, 'missing-section').length, 2);
  });

  it('skips blank lines to find the next line', () => {
    const analysis = analyze(md('<!-- postmortem-disable-next-line missing-field -->', '', '## Issue Summary', 'Webhooks were late.'));
    assert.deepEqual(findingsWith(analysis, 'missing-field'), []);
  });

  it('leaves other rules on that line alone', () => {
    const analysis = analyze(md('<!-- postmortem-disable-next-line empty-section -->', '## Issue Summary', 'Webhooks were late.'));
    assert.equal(findingsWith(analysis, 'missing-field').length, 3);
  });

  it('turns every rule off for the next line when no rule is named', () => {
    const analysis = analyze(md('# Title', '', '<!-- postmortem-disable-next-line -->', '## Issue Summary', 'Webhooks were late.'));
    assert.deepEqual(findingsWith(analysis, 'missing-field'), []);
    assert.ok(findingsWith(analysis, 'missing-section').length > 0);
  });

  it('turns a rule off on its own line with postmortem-disable-line', () => {
    const analysis = analyze(md('## Issue Summary <!-- postmortem-disable-line missing-field -->', 'Webhooks were late.'));
    assert.deepEqual(findingsWith(analysis, 'missing-field'), []);
  });

  it('turns a rule off for the whole file with postmortem-disable-file', () => {
    const analysis = analyze(md('# Webhooks', '', '<!-- postmortem-disable-file missing-section -->', '', '## Issue Summary', 'Webhooks were late.'));
    assert.deepEqual(findingsWith(analysis, 'missing-section'), []);
    assert.equal(findingsWith(analysis, 'missing-field').length, 3);
  });

  it('takes several rules in one comment', () => {
    const analysis = analyze(md('<!-- postmortem-disable-file missing-section, missing-field, word-count -->', '## Issue Summary', 'Webhooks were late.'));
    assert.deepEqual(analysis.diagnostics, []);
  });

  it('does not treat a suppression shown in a code block as a directive', () => {
    const analysis = analyze(md('```', '<!-- postmortem-disable-file missing-section -->', '```', '', '## Issue Summary', 'Webhooks were late.'));
    assert.ok(findingsWith(analysis, 'missing-section').length > 0);
  });
});

describe('rules: the suppress() edit', () => {
  const cases: [string, string][] = [
    [
      'an LF document',
      md('# Postmortem: webhooks', '', '## Issue Summary', 'Webhooks were late.', '', '## Timeline', '', '## Timeline', '- 08:00 UTC - backlog'),
    ],
    ['a CRLF document', crlf('# Postmortem: webhooks', '', '## Issue Summary', 'Webhooks were late.', '', '#Timeline', '- 08:00 UTC - backlog')],
    [
      'a document with a byte order mark and a heading on its first line',
      `\uFEFF${md('## Issue Summary', 'Webhooks were late.', '', '## Timeline', '- 08:00 UTC - backlog')}`,
    ],
    ['a document with front matter', md('---', 'postmortem:', '  template: nope', '---', '# Webhooks', '## Issue Summary', 'Webhooks were late.')],
    ['a document with an indented finding', md('# Webhooks', '', '- Notes', '', '   ## Timeline', '', '## Issue Summary', 'Webhooks were late.')],
  ];

  /** Findings on the document as a whole sit on its first line with text, which a comment above would take over. */
  const documentLevel = (code: string) => code === 'missing-section' || code === 'unknown-template';

  for (const [name, text] of cases) {
    for (const scope of ['line', 'file'] as const) {
      it(`makes each finding of ${name} disappear with a ${scope} comment, keeping every line`, () => {
        const analysis = analyze(text);
        const targets = analysis.diagnostics.filter((d) => scope === 'file' || !documentLevel(d.code) || analysis.document.title);
        assert.ok(targets.length > 0);
        for (const finding of targets) {
          const edit = service.suppress(analysis, finding, scope);
          const after = service.applyEdits(text, analysis, [edit]);
          assertKeepsEveryLine(text, after);
          const left = analyze(after).diagnostics.filter((d) => sameFinding(d, finding));
          assert.deepEqual(left, [], `${finding.code} on line ${finding.range.start.line + 1} is still reported:\n${after}`);
          assert.ok(analyze(after).diagnostics.length < analysis.diagnostics.length);
          if (text.startsWith('\uFEFF')) assert.equal(after.lastIndexOf('\uFEFF'), 0, 'the byte order mark stays first and single');
          if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(after), 'CRLF stays CRLF');
        }
      });
    }
  }

  it('writes a next-line comment with the indentation of the finding line', () => {
    const text = md('# Webhooks', '', '   ## Timeline', '', '## Issue Summary', 'Webhooks were late.');
    const analysis = analyze(text);
    const edit = service.suppress(analysis, findingsWith(analysis, 'empty-section')[0], 'line');
    assert.equal(edit.newText, '   <!-- postmortem-disable-next-line empty-section -->\n');
    assert.deepEqual(edit.range.start, { line: 2, character: 0 });
  });

  it('writes a file comment after front matter', () => {
    const text = md('---', 'postmortem: true', '---', '## Issue Summary', 'Webhooks were late.');
    const analysis = analyze(text);
    const edit = service.suppress(analysis, findingsWith(analysis, 'missing-field')[0], 'file');
    assert.deepEqual(edit, {
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
      newText: '<!-- postmortem-disable-file missing-field -->\n',
    });
  });

  it('keeps front matter intact when suppressing a finding on it (a comment cannot go inside)', () => {
    const text = md('---', 'postmortem:', '  template: nope', '---', '## Issue Summary', 'Webhooks were late.');
    const analysis = analyze(text);
    const unknown = findingsWith(analysis, 'unknown-template')[0];
    const after = service.applyEdits(text, analysis, [service.suppress(analysis, unknown, 'line')]);
    assert.ok(after.startsWith('---\npostmortem:\n  template: nope\n---\n<!-- postmortem-disable-file unknown-template -->\n'));
    assert.deepEqual(findingsWith(analyze(after), 'unknown-template'), []);
  });

  it('suppresses a document-level finding with a line comment when the document has no title', () => {
    // The finding sits on the first line with text; the inserted comment must not become that line.
    const text = md('## Issue Summary', 'Webhooks were late.', '', '## Timeline', '- 08:00 UTC - backlog');
    const analysis = analyze(text);
    const missing = findingsWith(analysis, 'missing-section')[0];
    const after = service.applyEdits(text, analysis, [service.suppress(analysis, missing, 'line')]);
    assert.deepEqual(
      analyze(after).diagnostics.filter((d) => sameFinding(d, missing)),
      [],
      after,
    );
  });
});
