import { strict as assert } from 'node:assert';
import { analyze, findingsWith, md } from '../helpers';

// mojibake, duplicate-section and word-count, exactly: message, range, data, related places, fix.

const at = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
const cause = (...lines: string[]) => md('# Postmortem', '', '## Root Cause and Resolution', '', ...lines);

describe('mojibake: one finding for the file', () => {
  it('names one place and repairs it', () => {
    const [finding, ...rest] = findingsWith(analyze(cause('The cache didnâ€™t expire.')), 'mojibake');
    assert.deepEqual(rest, []);
    assert.deepEqual(
      { range: finding.range, message: finding.message, data: finding.data, related: finding.related, fixes: finding.fixes },
      {
        range: at(4, 14, 17),
        message: '"â€™" looks like "’" decoded with the wrong character set.',
        data: { repaired: '’', places: 1 },
        related: undefined,
        fixes: [{ kind: 'replace', title: 'Repair to "’"', range: at(4, 14, 17), newText: '’', safe: true }],
      },
    );
  });

  it('counts every place, shows three different ones, relates the others and repairs them all at once', () => {
    const text = cause('The cache didnâ€™t expire â€” it was the â€œwarmâ€ path.', 'The cafÃ© and the cafÃ© again.');
    const [finding, ...rest] = findingsWith(analyze(text), 'mojibake');
    assert.deepEqual(rest, []);
    assert.deepEqual(
      { range: finding.range, message: finding.message, data: finding.data, related: finding.related, fixes: finding.fixes },
      {
        range: at(4, 14, 17),
        message:
          '5 places look decoded with the wrong character set ("â€™" for "’", "â€”" for "—", "â€œ" for "“", …): the text went through a copy that misread its encoding.',
        data: { repaired: '’', places: 5 },
        related: [
          { range: at(4, 26, 29), message: '"â€”" for "—"' },
          { range: at(4, 41, 44), message: '"â€œ" for "“"' },
          { range: at(5, 7, 9), message: '"Ã©" for "é"' },
          { range: at(5, 21, 23), message: '"Ã©" for "é"' },
        ],
        fixes: [
          {
            kind: 'replace-all',
            title: 'Repair all mis-decoded text (5 places)',
            edits: [
              { range: at(4, 14, 17), newText: '’' },
              { range: at(4, 26, 29), newText: '—' },
              { range: at(4, 41, 44), newText: '“' },
              { range: at(5, 7, 9), newText: 'é' },
              { range: at(5, 21, 23), newText: 'é' },
            ],
            safe: true,
          },
        ],
      },
    );
  });

  it('lists each text once and leaves out the ellipsis when every place is shown', () => {
    const [finding] = findingsWith(analyze(cause('The cafÃ© and the cafÃ© again.')), 'mojibake');
    assert.equal(finding.message, '2 places look decoded with the wrong character set ("Ã©" for "é"): the text went through a copy that misread its encoding.');
  });
});

describe('duplicate-section: a repeat inside the first heading is not one', () => {
  const repeats = (text: string) => findingsWith(analyze(text), 'duplicate-section').map((d) => ({ range: d.range, message: d.message, data: d.data }));
  const message = '"Timeline" repeats the Timeline section already started on line 3. Merge the two so readers find everything in one place.';

  it('lets a subheading of the same name go on inside the first, and flags the same heading after another section', () => {
    const text = md(
      '# Postmortem',
      '',
      '## Timeline',
      '',
      '- 10:00 start',
      '',
      '### Timeline',
      '',
      '- 10:05 sub',
      '',
      '## Impact',
      '',
      'Users.',
      '',
      '## Timeline',
      '',
      '- 11:00 again',
    );
    assert.deepEqual(repeats(text), [{ range: at(14, 0, 11), message, data: { sectionId: 'timeline', firstLine: 2 } }]);
  });

  it("flags a subheading that comes after a section of the first one's level", () => {
    const text = md('# Postmortem', '', '## Timeline', '', '- 10:00 start', '', '## Impact', '', 'Users.', '', '### Timeline', '', '- 11:00 again');
    assert.deepEqual(repeats(text), [{ range: at(10, 0, 12), message, data: { sectionId: 'timeline', firstLine: 2 } }]);
  });

  it('ranks a bold pseudo-heading below every real heading', () => {
    assert.deepEqual(repeats(md('# Postmortem', '', '**Timeline**', '', '- 10:00 start', '', '## Timeline', '', '- 11:00 again')), [
      { range: at(6, 0, 11), message, data: { sectionId: 'timeline', firstLine: 2 } },
    ]);
    assert.deepEqual(repeats(md('# Postmortem', '', '## Timeline', '', '- 10:00 start', '', '**Timeline**', '', '- 11:00 again')), []);
  });
});

describe('duplicate-section: contributing factors beside the root cause', () => {
  const repeats = (text: string, template?: string) =>
    findingsWith(analyze(text, template ? { settings: { template } } : {}), 'duplicate-section').map((d) => ({ line: d.range.start.line, data: d.data }));
  const doc = (...headings: string[]) => md('# Postmortem', '', ...headings.flatMap((h) => [h, '', 'The pool was too small.', '']));

  for (const template of ['standard', 'google-sre', 'atlassian']) {
    it(`does not flag Contributing Factors after a Root Cause heading (${template})`, () => {
      assert.deepEqual(repeats(doc('## Root Cause', '## Contributing Factors'), template), []);
      assert.deepEqual(repeats(doc('## Contributing Factors', '## Root Causes'), template), []);
      assert.deepEqual(repeats(doc('## Root Cause and Resolution', '## Contributing factors'), template), []);
    });

    it(`flags Contributing Factors written twice (${template})`, () => {
      assert.deepEqual(repeats(doc('## Root Cause', '## Contributing Factors', '## Timeline', '## Contributing factors'), template), [
        { line: 14, data: { sectionId: 'root-cause', firstLine: 6 } },
      ]);
    });
  }

  it('does not flag a Five Whys section beside the Root Cause, in either order', () => {
    assert.deepEqual(repeats(doc('## Five whys', '## Root cause')), []);
    assert.deepEqual(repeats(doc('## Root cause', '## 5 Whys')), []);
    assert.deepEqual(repeats(doc('## Five whys', '## Timeline', '## Five Whys')), [{ line: 10, data: { sectionId: 'root-cause', firstLine: 2 } }]);
  });

  it('reads the part a heading names first: "Contributing causes" beside a root cause, "Root cause and contributing factors" as the whole section', () => {
    assert.deepEqual(repeats(doc('## Root Cause', '## Contributing causes')), []);
    assert.deepEqual(repeats(doc('## Root Cause', '## Root cause and contributing factors')), [{ line: 6, data: { sectionId: 'root-cause', firstLine: 2 } }]);
    const parts = analyze(doc('## Contributing causes', '## Root cause and contributing factors')).document.sections.map((s) => s.part);
    assert.deepEqual(parts, ['contributing factors', undefined]);
  });
});

describe('word-count: the message', () => {
  it('gives the count, the range the template asks for and what to add', () => {
    const [finding] = findingsWith(analyze(md('# Postmortem', '', '## Issue Summary', '', 'Short.')), 'word-count');
    assert.equal(
      finding.message,
      '4 words of prose: the standard template asks for 400–600 (code, tables of logs and front matter not counted). Say more about what happened, why, and what will change.',
    );
    assert.deepEqual(finding.data, { words: 4, min: 400, max: 600 });
  });
});

describe('unparsed-time: a placeholder elsewhere does not hide a broken time', () => {
  const broken = (text: string) => findingsWith(analyze(text), 'unparsed-time').map((d) => ({ range: d.range, message: d.message, data: d.data }));
  const found = (line: number, from: number) => ({
    range: at(line, from, from + 5),
    message: 'The duration "25:61" cannot be read (hour 25 and minute 61 out of range): write it like 23:59 UTC.',
    data: { text: '25:61', example: '23:59 UTC' },
  });
  const summary = (...lines: string[]) => md('# Postmortem: login outage', '', '## Issue Summary', '', ...lines);

  it('on other lines', () => {
    assert.deepEqual(broken(summary('Duration: 10:00 to 25:61 UTC', 'Impact: TBD', '', '## Timeline', '', '- HH:MM - paged', '- 10:05 - restarted')), [
      found(4, 19),
    ]);
  });

  it('on the same line, before it or after it', () => {
    assert.deepEqual(broken(summary('Duration: 25:61 to HH:MM UTC', 'Impact: users could not log in.')), [found(4, 10)]);
    assert.deepEqual(broken(summary('Duration: HH:MM to 25:61 UTC', 'Impact: users could not log in.')), [found(4, 19)]);
  });
});
