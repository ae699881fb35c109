// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${1:…}` here is VS Code snippet syntax, not a template literal.
import { strict as assert } from 'node:assert';
import type { Analysis } from '../../server/src/service';
import { analyze, applyFix, assertFixWorks, assertKeepsEveryLine, crlf, findingsWith, md, sectionIds, service, splitLines } from './helpers';

// Every quick fix is proven the markdownlint way: apply it, analyse again, the finding is gone and
// every original line is still there, in order.

function missingFix(analysis: Analysis, sectionId: string) {
  const finding = findingsWith(analysis, 'missing-section').find((d) => d.data?.sectionId === sectionId);
  assert.ok(finding, `no missing-section for ${sectionId}`);
  return { finding, fix: finding.fixes[0] };
}

/** Inserts the missing section and returns the new lines, after checking the fix works. */
function insertSection(text: string, sectionId: string): string[] {
  const analysis = analyze(text);
  const { finding, fix } = missingFix(analysis, sectionId);
  assert.equal(fix.kind, 'insert-section');
  return splitLines(assertFixWorks(text, {}, finding, fix));
}

describe('fixes: insert a missing section', () => {
  it('inserts an ATX section at the level of its neighbours, after the section before it and before the one after it', () => {
    const lines = insertSection(
      md(
        '# Postmortem: DNS',
        '',
        '### Issue Summary',
        'Lookups failed.',
        '',
        '### Root Cause and Resolution',
        'A bad zone file.',
        '',
        '### Corrective and Preventative Measures',
        '- Lint zone files.',
      ),
      'timeline',
    );
    const at = lines.indexOf('### Timeline');
    assert.ok(at > lines.indexOf('Lookups failed.'));
    assert.ok(at < lines.indexOf('### Root Cause and Resolution'));
    // No zone in the document: the skeleton writes UTC, never the words "time zone".
    assert.deepEqual(lines.slice(at - 1, at + 3), ['', '### Timeline', '', '- **HH:MM UTC** – The issue is detected: how, and by whom.']);
  });

  it('inserts a bold pseudo-heading with its colon inside the bold in a document of bold headings', () => {
    const lines = insertSection(md('**Issue Summary:**', 'Lookups failed.', '', '**Root Cause and Resolution:**', 'A bad zone file.'), 'timeline');
    const at = lines.indexOf('**Timeline:**');
    assert.ok(at > 1 && at < lines.indexOf('**Root Cause and Resolution:**'));
  });

  it('inserts a bold pseudo-heading with its colon outside when the document writes them so', () => {
    const lines = insertSection(md('**Issue Summary**:', 'Lookups failed.', '', '**Timeline**:', '- 10:00 UTC - alert'), 'root-cause');
    assert.equal(lines.at(-5), '**Root Cause and Resolution**:');
  });

  it('inserts a plain "Name:" line in a document of plain headings', () => {
    const lines = insertSection(
      md('Issue Summary:', 'Lookups failed.', '', 'Timeline:', '- 10:00 UTC - alert', '', 'Corrective and Preventative Measures:', '- Lint zone files.'),
      'root-cause',
    );
    const at = lines.indexOf('Root Cause and Resolution:');
    assert.ok(at > lines.indexOf('- 10:00 UTC - alert') && at < lines.indexOf('Corrective and Preventative Measures:'));
  });

  it('inserts a setext section with an underline as long as its name', () => {
    const lines = insertSection(
      md('Issue Summary', '-------------', '', 'Lookups failed.', '', 'Timeline', '--------', '', '- 10:00 UTC - alert'),
      'root-cause',
    );
    const at = lines.indexOf('Root Cause and Resolution');
    assert.equal(lines[at + 1], '-'.repeat('Root Cause and Resolution'.length));
  });

  it('inserts a section the template puts first before the first section, under the title', () => {
    const lines = insertSection(md('# Postmortem: DNS', '', '## Timeline', '- 10:00 UTC - alert'), 'summary');
    assert.deepEqual(lines.slice(0, 3), ['# Postmortem: DNS', '', '## Issue Summary']);
    assert.ok(lines.indexOf('## Issue Summary') < lines.indexOf('## Timeline'));
  });

  it('appends a section with a level-two heading to a document with no section at all', () => {
    const lines = insertSection(md('# Postmortem: DNS', '', 'Lookups failed for an hour.', ''), 'timeline');
    assert.equal(lines[4], '## Timeline');
    assert.equal(lines.at(-1), '');
  });

  it('inserts after a section that ends the file without a final line break', () => {
    const lines = insertSection(md('## Issue Summary', 'Lookups failed.', '', '## Timeline', '- 10:00 UTC - alert'), 'root-cause');
    assert.ok(lines.indexOf('## Root Cause and Resolution') > lines.indexOf('- 10:00 UTC - alert'));
  });

  it('inserts CRLF line breaks into a CRLF document', () => {
    const text = crlf('# Postmortem: DNS', '', '## Issue Summary', 'Lookups failed.', '', '## Root Cause and Resolution', 'A bad zone file.', '');
    const analysis = analyze(text);
    const { fix } = missingFix(analysis, 'timeline');
    const fixed = applyFix(text, analysis, fix);
    assert.ok(fixed.includes('\r\n## Timeline\r\n'));
    assert.ok(!/[^\r]\n/.test(fixed), 'every line break is CRLF');
  });

  it('keeps a byte order mark first when inserting before a heading on the first line', () => {
    const text = `\uFEFF${md('## Timeline', '- 10:00 UTC - alert')}`;
    const analysis = analyze(text);
    const fixed = applyFix(text, analysis, missingFix(analysis, 'summary').fix);
    assert.ok(fixed.startsWith('\uFEFF## Issue Summary\n'));
    assert.equal(fixed.lastIndexOf('\uFEFF'), 0);
  });
});

describe('fixes: insert after a block left open', () => {
  for (const [name, text, closer] of [
    ['an unclosed code fence', md('## Issue Summary', 'Lookups failed.', '', '```', 'dig example.com'), '```'],
    ['an unclosed tilde fence with a shorter closing line', md('## Issue Summary', 'Lookups failed.', '', '~~~~', 'dig example.com', '~~~', ''), '~~~~'],
    ['an unclosed HTML comment', md('## Issue Summary', 'Lookups failed.', '', '<!--', 'draft notes'), '-->'],
  ]) {
    it(`closes ${name} before inserting sections after it, so that they are sections`, () => {
      const analysis = analyze(text);
      const fixed = service.applyEdits(text, analysis, service.insertAllMissingSections(analysis));
      assertKeepsEveryLine(text, fixed);
      const count = (t: string) => splitLines(t).filter((l) => l === closer).length;
      assert.equal(count(fixed), count(text) + 1, fixed);
      assert.deepEqual(analyze(fixed).missingSections, []);
    });
  }

  it('leaves a closed fence as it is', () => {
    const text = md('## Issue Summary', 'Lookups failed.', '', '```', 'dig example.com', '```', '');
    const analysis = analyze(text);
    const fixed = service.applyEdits(text, analysis, service.insertAllMissingSections(analysis));
    assert.equal(splitLines(fixed).filter((l) => l === '```').length, 2);
  });

  it('lets fix-all converge on a document that ends in an open fence', () => {
    const { text: fixed } = service.fixAll(md('```', ''), { force: true });
    assert.deepEqual(analyze(fixed).missingSections, []);
    assert.equal(splitLines(fixed).filter((l) => l === '## Timeline').length, 1);
  });
});

describe('fixes: insert all missing sections', () => {
  const text = md('# Postmortem: DNS', '', '### Timeline', '- 10:00 UTC - alert', '', '### Corrective and Preventative Measures', '- Lint zone files.');

  it('inserts every missing section in template order as one set of edits', () => {
    const analysis = analyze(text);
    const edits = service.insertAllMissingSections(analysis);
    assert.equal(edits.length, 2);
    const fixed = service.applyEdits(text, analysis, edits);
    assertKeepsEveryLine(text, fixed);
    const after = analyze(fixed);
    assert.deepEqual(sectionIds(after), ['summary', 'timeline', 'root-cause', 'corrective-actions']);
    assert.deepEqual(findingsWith(after, 'missing-section'), []);
    assert.ok(after.document.sections.every((s) => s.style === 'atx' && s.level === 3));
  });

  it('writes sections at several places as plain text: snippets there would be filled in all at once', () => {
    const edits = service.insertAllMissingSections(analyze(text));
    assert.deepEqual(
      edits.map((e) => e.snippet),
      [undefined, undefined],
    );
  });

  it('joins sections inserted at the same point into one edit, in template order, with one run of tab stops', () => {
    const bare = md('# Postmortem: DNS', '', '## Issue Summary', 'Lookups failed.');
    const analysis = analyze(bare);
    const edits = service.insertAllMissingSections(analysis);
    assert.equal(edits.length, 1);
    const stops = [...(edits[0].snippet ?? '').matchAll(/\$\{(\d+):/g)].map((m) => Number(m[1]));
    assert.ok(stops.length > 5);
    assert.equal(new Set(stops).size, stops.length, 'no tab stop repeats across the sections (a repeat would mirror)');
    const after = analyze(service.applyEdits(bare, analysis, edits));
    assert.deepEqual(sectionIds(after), ['summary', 'timeline', 'root-cause', 'corrective-actions']);
  });
});

describe('fixes: missing fields', () => {
  function fixField(text: string, fieldId: string): string[] {
    const analysis = analyze(text);
    const finding = findingsWith(analysis, 'missing-field').find((d) => d.data?.fieldId === fieldId);
    assert.ok(finding, `no missing-field for ${fieldId}`);
    return splitLines(assertFixWorks(text, {}, finding, finding.fixes[0]));
  }

  it('adds a field in the markup of its siblings, after the last of them', () => {
    const lines = fixField(
      md('## Issue Summary', '- **Duration:** 50 minutes', '- **Impact:** 12% of lookups failed', '', '## Timeline', '- 10:00 UTC - alert'),
      'root-cause',
    );
    assert.equal(lines[3], '- **Root cause:** The underlying cause, in one or two sentences');
  });

  it('adds Impact where the template puts it, between Duration and Root cause, ending like its neighbour', () => {
    const lines = fixField(
      md(
        '## Issue Summary',
        '- **Duration:** 2024-01-01 10:00 – 11:00 UTC (1 hour).',
        '- **Root cause:** A bad deploy.',
        '',
        '## Timeline',
        '- 10:00 UTC alert',
      ),
      'impact',
    );
    assert.deepEqual(lines.slice(1, 4), [
      '- **Duration:** 2024-01-01 10:00 – 11:00 UTC (1 hour).',
      '- **Impact:** Which service was down or slow, what users saw, and what share of users was affected.',
      '- **Root cause:** A bad deploy.',
    ]);
  });

  it('keeps the neighbour’s colon outside the bold', () => {
    const lines = fixField(
      md('## Issue Summary', '- **Impact**: 12% of lookups failed', '- **Root cause**: a bad zone file', '', '## Timeline', '- 10:00 UTC alert'),
      'duration',
    );
    assert.equal(lines[1], '- **Duration**: HH:MM – HH:MM UTC, N hours N minutes');
  });

  it('adds a field before the first sibling when the template puts it first', () => {
    const lines = fixField(
      md('## Issue Summary', '- **Impact:** 12% of lookups failed', '- **Root cause:** a bad zone file', '', '## Timeline', '- 10:00 UTC alert'),
      'duration',
    );
    assert.deepEqual(lines.slice(1, 3), ['- **Duration:** HH:MM – HH:MM UTC, N hours N minutes', '- **Impact:** 12% of lookups failed']);
  });

  it('carries the inserted field as a snippet with its times as the first tab stops', () => {
    const text = md('## Issue Summary', '- **Impact:** 12% of lookups failed', '- **Root cause:** a bad zone file', '', '## Timeline', '- 10:00 UTC alert');
    const analysis = analyze(text);
    const finding = findingsWith(analysis, 'missing-field')[0];
    const [edit] = service.editsForFix(analysis, finding.fixes[0]);
    assert.equal(edit.snippet, '- **Duration:** ${1:HH:MM} – ${2:HH:MM} UTC, ${3:N hours N minutes}\n');
  });

  it('adds a plain field after plain siblings', () => {
    const lines = fixField(md('Issue Summary:', 'Duration: 50 minutes', 'Impact: 12% of lookups failed'), 'root-cause');
    assert.equal(lines[3], 'Root cause: The underlying cause, in one or two sentences');
  });

  it('adds a field as its own list under a summary of prose, without swallowing the prose', () => {
    const text = md('**Issue Summary:**', 'Lookups failed for 50 minutes for 12% of users.', '', '**Timeline:**', '- 10:00 UTC - alert');
    const lines = fixField(text, 'root-cause');
    assert.deepEqual(lines.slice(0, 5), [
      '**Issue Summary:**',
      '',
      '- **Root cause:** The underlying cause, in one or two sentences',
      '',
      'Lookups failed for 50 minutes for 12% of users.',
    ]);
  });
});

describe('fixes: fill an empty section', () => {
  it('fills an empty section with the template skeleton', () => {
    const text = md('## Issue Summary', 'Lookups failed.', '', '## Timeline', '', '## Root Cause and Resolution', 'A bad zone file.');
    const analysis = analyze(text);
    const finding = findingsWith(analysis, 'empty-section')[0];
    const lines = splitLines(assertFixWorks(text, {}, finding, finding.fixes[0]));
    assert.equal(lines[5], '- **HH:MM UTC** – The issue is detected: how, and by whom.');
  });

  it('keeps a thematic break under the filled section from turning the skeleton into a heading', () => {
    const text = md(
      '## Issue Summary',
      'Lookups failed.',
      '',
      '## Root Cause and Resolution',
      '---',
      '## Corrective and Preventative Measures',
      '- Lint zone files.',
    );
    const analysis = analyze(text);
    const finding = findingsWith(analysis, 'empty-section')[0];
    const fixed = assertFixWorks(text, {}, finding, finding.fixes[0]);
    const after = analyze(fixed);
    assert.deepEqual(findingsWith(after, 'duplicate-section'), []);
    assert.deepEqual(sectionIds(after), ['summary', 'root-cause', 'corrective-actions']);
  });
});

describe('fixes: fix all', () => {
  const fixable = ['missing-section', 'empty-section', 'missing-field', 'heading-space'];
  const documents: [string, string][] = [
    [
      'an ATX document',
      md('# Postmortem: DNS', '', '## Issue Summary', 'Lookups failed.', '', '#Timeline', '', '## Corrective Measures', '- Lint zone files.'),
    ],
    ['a bold document', md('Outage of the resolver', '', '**Issue Summary:**', 'Lookups failed.', '', '**Root Cause:**', 'A bad zone file.')],
    ['a CRLF document', crlf('Issue Summary:', '- Duration: 50 minutes', '', 'Timeline:', '', 'Root Cause and Resolution:', 'A bad zone file.', '')],
    ['an empty document', ''],
  ];

  for (const [name, text] of documents) {
    it(`converges on ${name}: nothing fixable is left and every line is kept`, () => {
      const { text: fixed, applied } = service.fixAll(text, { force: true });
      assert.ok(applied > 0);
      assertKeepsEveryLine(text, fixed);
      assert.deepEqual(
        analyze(fixed)
          .diagnostics.filter((d) => fixable.includes(d.code))
          .map((d) => `${d.code}@${d.range.start.line + 1}`),
        [],
        fixed,
      );
      assert.deepEqual(service.fixAll(fixed, { force: true }), { text: fixed, applied: 0 }, 'a second run changes nothing');
      if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(fixed), 'CRLF stays CRLF');
    });
  }
});
