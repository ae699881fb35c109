import { strict as assert } from 'node:assert';
import type { Template } from '../../../server/src/service';
import { analyze, applyFix, findingsWith, md } from '../helpers';

// The structure rules at the edges of what they decide: which of two headings counts, which
// section a field belongs to, what each finding says and what its fix is called.

const codeAt = (text: string, code: string, options = {}) => findingsWith(analyze(text, options), code).map((d) => [d.range.start.line + 1, d.data] as const);

describe('rules: missing-section says what is missing', () => {
  it('names the section, says what it is for, and offers to insert it by name', () => {
    const [d] = findingsWith(analyze(md('# Postmortem: x', '', '## Timeline', '- 10:00 UTC – alert')), 'missing-section');
    assert.match(d.message, /^Missing section "Issue Summary": \S/);
    assert.deepEqual(
      d.fixes.map((f) => [f.kind, f.title]),
      [['insert-section', 'Insert the missing "Issue Summary" section']],
    );
  });
});

describe('rules: missing-field at the edges', () => {
  it('names the section and the field, says what a good value is, and offers to add it', () => {
    const [d] = findingsWith(analyze(md('# Postmortem', '', '## Issue Summary', '- Duration: 2 hours', '- Impact: x')), 'missing-field');
    assert.deepEqual(d.data, { sectionId: 'summary', fieldId: 'root-cause' });
    assert.match(d.message, /^"Issue Summary" is missing its Root cause: One or two sentences on what caused the outage/);
    assert.deepEqual(
      d.fixes.map((f) => [f.kind, f.title]),
      [['insert-field', 'Add "Root cause" to Issue Summary']],
    );
  });

  it('reads the fields of a summary written twice when only the first heading is empty', () => {
    const text = md('# Postmortem', '', '## Issue Summary', '', '## Issue Summary', 'The queue stalled.');
    assert.deepEqual(
      codeAt(text, 'missing-field').map(([, data]) => data?.fieldId),
      ['duration', 'impact', 'root-cause'],
    );
  });

  it('asks for no field of a section whose every heading is empty (empty-section says it)', () => {
    const text = md('# Postmortem', '', '## Issue Summary', '', '## Timeline', '- 10:00 UTC – alert');
    assert.deepEqual(codeAt(text, 'missing-field'), []);
    assert.deepEqual(codeAt(text, 'empty-section'), [[3, { sectionId: 'summary' }]]);
  });

  it('counts a Start and an End field as the duration even when neither can be read', () => {
    const text = md('# Postmortem', '', '## Issue Summary', '- Start: TBD', '- End: TBD', '- Impact: x', '- Root cause: y');
    assert.deepEqual(codeAt(text, 'missing-field'), []);
  });

  it('asks for the duration when only an unreadable Start is given', () => {
    const text = md('# Postmortem', '', '## Issue Summary', '- Start: TBD', '- Impact: x', '- Root cause: y');
    assert.deepEqual(codeAt(text, 'missing-field'), [[3, { sectionId: 'summary', fieldId: 'duration' }]]);
  });

  it('does not ask for the duration when a start time is read from the summary', () => {
    const text = md('# Postmortem', '', '## Issue Summary', 'It began at 2024-02-01 10:00 UTC and lasted until 12:00 UTC.', '- Impact: x', '- Root cause: y');
    assert.deepEqual(
      codeAt(text, 'missing-field').filter(([, data]) => data?.fieldId === 'duration'),
      [],
    );
  });

  it('takes an Impact section with content for the summary’s impact, but not an empty one', () => {
    const summary = ['# Postmortem', '', '## Issue Summary', '- Duration: 2 hours', '- Root cause: y', ''];
    assert.deepEqual(codeAt(md(...summary, '## Impact', 'All users.'), 'missing-field'), []);
    assert.deepEqual(codeAt(md(...summary, '## Impact', ''), 'missing-field'), [[3, { sectionId: 'summary', fieldId: 'impact' }]]);
  });

  it('lets an Impact section answer only for the impact, not for the other fields', () => {
    const text = md('# Postmortem', '', '## Issue Summary', '- Duration: 2 hours', '', '## Impact', 'All users.');
    assert.deepEqual(codeAt(text, 'missing-field'), [[3, { sectionId: 'summary', fieldId: 'root-cause' }]]);
  });

  it('does not count a field written in another section', () => {
    // A template where two sections each require an Owner: the first section's Owner does not answer for the second.
    const customTemplates: Template[] = [
      {
        id: 'owners',
        name: 'Owners',
        description: '',
        source: 'test',
        sections: ['Fault', 'Fix'].map((name) => ({
          id: name.toLowerCase(),
          name,
          aliases: [],
          required: true,
          fields: [{ id: 'owner', name: 'Owner', aliases: [], required: true, hover: 'Who owns it.', placeholder: '…' }],
          hover: '',
          checklist: [],
          example: '',
          skeleton: '',
        })),
      },
    ];
    const text = md('# Postmortem', '', '## Fault', '- **Owner:** Ada', '', '## Fix', 'Rolled back.');
    assert.deepEqual(codeAt(text, 'missing-field', { settings: { template: 'owners' }, customTemplates }), [[6, { sectionId: 'fix', fieldId: 'owner' }]]);
  });
});

describe('rules: empty-section at the edges', () => {
  it('says what the section should hold and offers the skeleton under the template’s name', () => {
    const [timeline, lessons] = findingsWith(analyze(md('# Postmortem', '', '## Timeline', '', '## Lessons', '')), 'empty-section');
    assert.equal(
      timeline.message,
      'Section "Timeline" is empty. It should hold: When the issue was detected and how (alert, engineer, customer report); Actions taken: what was investigated and what was assumed; Misleading investigation or debugging paths; Who the incident was escalated to; How and when the incident was resolved.',
    );
    assert.deepEqual(lessons.data, { sectionId: 'lessons-learned' });
    assert.match(lessons.message, /^Section "Lessons" is empty\. It should hold: What went well; /);
    assert.deepEqual(
      lessons.fixes.map((f) => [f.kind, f.title]),
      [['fill-section', 'Fill "Lessons Learned" with the template\'s skeleton']],
    );
  });

  it('says nothing about an empty heading when the same section has content under another heading', () => {
    assert.deepEqual(codeAt(md('# Postmortem', '', '## Impact', '', '## Impact', 'All users.'), 'empty-section'), []);
  });

  it('reports an empty heading once for each empty heading when no heading of the section has content', () => {
    assert.deepEqual(codeAt(md('# Postmortem', '', '## Impact', '', '## Impact', ''), 'empty-section'), [
      [3, { sectionId: 'impact' }],
      [5, { sectionId: 'impact' }],
    ]);
  });
});

describe('rules: duplicate-section at the edges', () => {
  it('names the template’s section and the line it started on, whatever the second heading calls it', () => {
    const [d, ...rest] = findingsWith(analyze(md('# Postmortem', '', '## Issue Summary', 'A.', '', '## Summary', 'B.')), 'duplicate-section');
    assert.deepEqual(rest, []);
    assert.equal(d.range.start.line, 5);
    assert.deepEqual(d.data, { sectionId: 'summary', firstLine: 2 });
    assert.equal(d.message, '"Summary" repeats the Issue Summary section already started on line 3. Merge the two so readers find everything in one place.');
    assert.deepEqual(d.fixes, []);
  });

  it('lets the two parts of a combined section stand under headings of their own', () => {
    assert.deepEqual(codeAt(md('# Postmortem', '', '## Root Cause', 'A bug.', '', '## Resolution', 'Rolled back.'), 'duplicate-section'), []);
  });

  it('reports one part written twice, and the whole section after one of its parts', () => {
    assert.deepEqual(codeAt(md('# Postmortem', '', '## Root Cause', 'A bug.', '', '## Root Cause', 'Again.'), 'duplicate-section'), [
      [6, { sectionId: 'root-cause', firstLine: 2 }],
    ]);
    const [whole] = findingsWith(
      analyze(md('# Postmortem', '', '## Resolution', 'Rolled back.', '', '## Root Cause and Resolution', 'Again.')),
      'duplicate-section',
    );
    assert.match(whole.message, /^"Root Cause and Resolution" repeats the Root Cause and Resolution section already started on line 3\./);
    assert.deepEqual(codeAt(md('# Postmortem', '', '## Resolution', 'Rolled back.', '', '## Root Cause and Resolution', 'Again.'), 'duplicate-section'), [
      [6, { sectionId: 'root-cause', firstLine: 2 }],
    ]);
    assert.deepEqual(codeAt(md('# Postmortem', '', '## Root Cause and Resolution', 'Both.', '', '## Resolution', 'Again.'), 'duplicate-section'), [
      [6, { sectionId: 'root-cause', firstLine: 2 }],
    ]);
  });
});

describe('rules: duplicate-section and a section written in its halves', () => {
  const halves = (between: string[]) =>
    md(
      '# Postmortem',
      '',
      '**Corrective and Preventative Measures:**',
      '',
      ...between,
      '**Corrective Measures:**',
      '',
      '1. Fix the config.',
      '',
      '**Preventative Measures:**',
      '',
      '- Review configs.',
    );

  it('reads the halves right under the whole as parts of it, not repeats', () => {
    const a = analyze(halves([]));
    assert.deepEqual(codeAt(halves([]), 'duplicate-section'), []);
    assert.deepEqual(
      a.document.sections.map((s) => [s.id, s.headingRange.start.line]),
      [['corrective-actions', 2]],
    );
    assert.equal(a.document.sections[0].bodyEndLine, 10, 'the section runs to the last line');
  });

  it('reports them when the section says something of its own first', () => {
    assert.deepEqual(
      codeAt(halves(['We will change three things.', '']), 'duplicate-section').map(([line]) => line),
      [7, 11],
    );
  });
});

describe('rules: heading-space puts the space after every #', () => {
  it('fixes "##Root Cause" and an indented "#Timeline" with the space after the last #', () => {
    const text = md('# Postmortem', '', '   #Timeline', '- 10:00 UTC - x', '', '##Root Cause and Resolution', 'A bug.');
    const analysis = analyze(text);
    const found = findingsWith(analysis, 'heading-space');
    assert.deepEqual(
      found.map((d) => [d.range.start.line + 1, d.data]),
      [
        [3, { sectionId: 'timeline' }],
        [6, { sectionId: 'root-cause' }],
      ],
    );
    assert.equal(found[1].message, '"##Root Cause and Resolution" is meant as a heading but renders as text: add a space after the "#".');
    assert.equal(found[0].fixes[0].title, 'Add a space after "#"');
    const fixedTimeline = applyFix(text, analysis, found[0].fixes[0]).split('\n');
    assert.equal(fixedTimeline[2], '   # Timeline');
    const fixedRootCause = applyFix(text, analysis, found[1].fixes[0]).split('\n');
    assert.equal(fixedRootCause[5], '## Root Cause and Resolution');
  });
});

describe('rules: unparsed-time says what it could not read', () => {
  it('names the time, the reason and an example', () => {
    const [d] = findingsWith(analyze(md('# Postmortem', '', '## Timeline', '- 25:00 UTC - x')), 'unparsed-time');
    assert.deepEqual(d.data, { text: '25:00', example: '23:00 UTC' });
    assert.equal(d.message, 'The timeline time "25:00" cannot be read (hour 25 out of range): write it like 23:00 UTC.');
  });
});

describe('rules: mojibake on whole lines', () => {
  // The grouping of findings belongs to the rule; the repair itself is tested in text/mojibake.
  for (const [what, line, repaired] of [
    ['a line that is nothing but mis-decoded text', 'â€™', '’'],
    ['a line with text around it', 'We didnâ€™t see it', 'We didn’t see it'],
  ] as const) {
    it(`repairs ${what} with its safe fix`, () => {
      const text = md('# Postmortem', '', '## Issue Summary', line);
      const analysis = analyze(text);
      const [d] = findingsWith(analysis, 'mojibake');
      assert.ok(d, 'a mojibake finding');
      assert.match(d.message, /’/);
      const fix = d.fixes[0];
      assert.ok(fix && fix.kind === 'replace' && fix.safe === true, JSON.stringify(d.fixes));
      assert.match(fix.title, /’/);
      assert.equal(applyFix(text, analysis, fix).split('\n')[3], repaired);
    });
  }

  it('reports nothing on lines of plain ASCII or of real accented words', () => {
    assert.deepEqual(findingsWith(analyze(md('# Postmortem', '', '## Issue Summary', 'Plain text.', 'Résumé of the café outage.')), 'mojibake'), []);
  });
});
