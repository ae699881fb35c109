import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Analysis, builtinTemplates, gapsOf } from '../../server/src/service';
import { placeholderTokens } from '../../server/src/service/completeness';
import { analyze, findingsWith, md, repoRoot, service } from './helpers';

// The one evaluation of what a postmortem has filled in, and the findings, status and hover that read it.

const summaryWith = (...fields: string[]) =>
  md('# Postmortem: checkout outage', '', '## Issue Summary', '', ...fields, '', '## Timeline', '', '- 10:00 UTC alert', '- 11:00 UTC fixed');

function fieldStatus(analysis: Analysis, fieldId: string): string | undefined {
  return analysis.completeness.sections.find((s) => s.section.id === 'summary')?.fields.find((f) => f.field.id === fieldId)?.status;
}

describe('completeness: placeholders in a line', () => {
  const tokens = (line: string) => placeholderTokens(line).map((t) => t.text);

  it('finds the placeholders templates write', () => {
    assert.deepEqual(tokens('- **HH:MM** – What was done next.'), ['HH:MM']);
    assert.deepEqual(tokens('YYYY-MM-DD hh:mm AM, XX:XX, ??:??'), ['YYYY-MM-DD', 'hh:mm AM', 'XX:XX', '??:??']);
    assert.deepEqual(tokens('<describe> the impact on <service name>'), ['<describe>', '<service name>']);
    assert.deepEqual(tokens('- [what happened] at [TICKET-ID]'), ['[what happened]', '[TICKET-ID]']);
    assert.deepEqual(tokens('N hours N minutes, SEV-N (time zone)'), ['N hours', 'N minutes', 'SEV-N', '(time zone)']);
  });

  it('leaves real text alone: times, links, checkboxes, HTML, notes, code and editorial brackets', () => {
    for (const line of [
      '- 14:05 UTC – rolled back',
      '- [ ] Add an alert',
      '- [x] Done',
      'See [the dashboard](https://example.com) and [runbook][1]',
      'Wrapped in <details> and <br> tags',
      'Footnote[^1] and a note > [!NOTE]',
      'Quote: "the [REDACTED] service [sic]"',
      'Run `HH:MM` in code',
      '<https://example.com>',
      '14:?? is half written, not a template placeholder',
      'nginx: [emerg] invalid number of arguments',
      '# Postmortem: pages did not load [Postmortem]',
      '[W 2017-09-28 16:20:51.785 JupyterHub base:350] Failed login',
      'found this [blog] (https://example.com/post)',
      'File "app.py", line 1, in <module>',
    ]) {
      assert.deepEqual(tokens(line), [], line);
    }
  });

  it('treats a bracket that names a link reference as a link', () => {
    const defined = new Set(['status page']);
    assert.deepEqual(
      placeholderTokens('See [status page].', defined).map((t) => t.text),
      [],
    );
  });
});

describe('completeness: fields', () => {
  it('counts a field as present only when nothing in it is a placeholder', () => {
    const analysis = analyze(
      summaryWith('- **Duration:** 2024-01-19 10:00 – HH:MM UTC', '- **Impact:** TBD', '- **Root cause:** A deploy removed the pool limit.'),
    );
    assert.equal(fieldStatus(analysis, 'duration'), 'placeholder');
    assert.equal(fieldStatus(analysis, 'impact'), 'placeholder');
    assert.equal(fieldStatus(analysis, 'root-cause'), 'present');
  });

  it("reads the template's own value, and a label with nothing after it, as unfilled", () => {
    const analysis = analyze(
      summaryWith(
        '- **Duration:** 2024-01-19 10:00 – 11:00 UTC',
        '- **Impact:** Which service was down or slow, what users saw, and what share of users was affected.',
        '- **Root cause:**',
      ),
    );
    assert.equal(fieldStatus(analysis, 'impact'), 'placeholder');
    assert.equal(fieldStatus(analysis, 'root-cause'), 'placeholder');
    assert.deepEqual(
      findingsWith(analysis, 'placeholder').map((d) => d.range.start.line + 1),
      [6, 7],
    );
    assert.deepEqual(findingsWith(analysis, 'missing-field'), [], 'a field that is there is not missing: its fix would duplicate it');
  });

  it('reads a label over its own fields or a nested list as a label, not as an empty field', () => {
    const analysis = analyze(
      summaryWith(
        '**Duration:**',
        'Start Time: January 25, 2024 - 10:30 AM UTC',
        'End Time: January 25, 2024 - 12:45 PM UTC',
        '',
        '- **Impact:**',
        '  - 78% of users saw a complete outage.',
        '- **Root cause:** A deploy removed the pool limit.',
      ),
    );
    assert.deepEqual(findingsWith(analysis, 'placeholder'), []);
    assert.equal(fieldStatus(analysis, 'impact'), 'present');
  });

  it('lets Start and End answer for the Duration, and an Impact section for the summary’s impact', () => {
    const analysis = analyze(
      md(
        '# Postmortem',
        '',
        '## Issue Summary',
        '',
        '- **Start:** 2024-01-19 10:00 UTC',
        '- **End:** 2024-01-19 11:00 UTC',
        '- **Root cause:** A deploy removed the pool limit.',
        '',
        '## Impact',
        '',
        '- 30% of users could not pay for an hour.',
      ),
    );
    const summary = analysis.completeness.sections.find((s) => s.section.id === 'summary');
    assert.deepEqual(
      summary?.fields.map((f) => [f.field.id, f.status, f.answeredBy ?? '']),
      [
        ['duration', 'present', 'the Start and End fields'],
        ['start', 'present', ''],
        ['end', 'present', ''],
        ['impact', 'present', 'the Impact section'],
        ['root-cause', 'present', ''],
      ],
    );
    assert.equal(summary?.complete, true);
  });
});

describe('completeness: sections', () => {
  it('calls a section holding nothing but its skeleton a placeholder, one finding on its heading', () => {
    const timeline = builtinTemplates[0].sections.find((s) => s.id === 'timeline');
    assert.ok(timeline);
    const analysis = analyze(md('# Postmortem: x', '', '## Timeline', '', timeline.skeleton.replace('(time zone)', 'UTC')));
    const status = analysis.completeness.sections.find((s) => s.section.id === 'timeline');
    assert.equal(status?.status, 'placeholder');
    const findings = findingsWith(analysis, 'placeholder');
    assert.deepEqual(
      findings.map((d) => d.range.start.line + 1),
      [3],
    );
    assert.equal(findings[0].related?.length, 3);
    assert.deepEqual(findingsWith(analysis, 'unparsed-time'), []);
  });

  it('keeps a section with content of its own, reporting the placeholder left in it line by line', () => {
    const analysis = analyze(md('# Postmortem: x', '', '## Timeline', '', '- **10:00 UTC** – Alert fired.', '- **HH:MM** – What was done next.'));
    assert.equal(analysis.completeness.sections.find((s) => s.section.id === 'timeline')?.status, 'present');
    assert.deepEqual(
      findingsWith(analysis, 'placeholder').map((d) => [d.range.start.line + 1, d.message.slice(0, 40)]),
      [[6, '"- **HH:MM** – What was done next." is t']],
    );
  });

  it('reads a skeleton label with text of its own under it as that text’s label', () => {
    const analysis = analyze(md('# Postmortem: x', '', '## Lessons Learned', '', '### What went well', '', 'The alert fired within two minutes.'));
    assert.deepEqual(findingsWith(analysis, 'placeholder'), []);
    const bare = analyze(md('# Postmortem: x', '', '## Lessons Learned', '', '- **What went well:**', '- **What went wrong:**'));
    assert.equal(bare.completeness.sections.find((s) => s.section.id === 'lessons-learned')?.status, 'placeholder');
  });

  it('does not read TODO in a task as a placeholder, only TODO alone', () => {
    const analysis = analyze(md('# Postmortem: x', '', '## Corrective and Preventative Measures', '', '- TODO: alert on pool saturation', '- TODO'));
    assert.deepEqual(
      findingsWith(analysis, 'placeholder').map((d) => d.range.start.line + 1),
      [6],
    );
  });

  it('reports the skeleton title once', () => {
    const analysis = analyze(service.newPostmortem(builtinTemplates[0], { date: '2024-05-02', timeZone: 'UTC' }).text);
    const title = findingsWith(analysis, 'placeholder').find((d) => d.range.start.line === 4);
    assert.match(title?.message ?? '', /^The title is still the template's "What broke, and when"/);
  });
});

describe('completeness: one answer for the diagnostics, the status and the hover', () => {
  const documents = [
    ...readdirSync(join(repoRoot, 'samples')).map((f) => join(repoRoot, 'samples', f)),
    ...readdirSync(join(repoRoot, 'test', 'fixtures'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(repoRoot, 'test', 'fixtures', f)),
  ];
  const skeletons = builtinTemplates.map((t) => ({
    name: `New Postmortem (${t.id})`,
    text: service.newPostmortem(t, { date: '2024-05-02', timeZone: 'UTC' }).text,
  }));
  const cases = [...documents.map((file) => ({ name: file.slice(repoRoot.length + 1), text: readFileSync(file, 'utf8') })), ...skeletons];

  for (const { name, text } of cases) {
    it(`agrees on ${name}`, () => {
      const analysis = analyze(text);
      const gaps = gapsOf(analysis.completeness);
      const codes = new Set(analysis.diagnostics.map((d) => `${d.code}:${String(d.data?.sectionId ?? '')}:${String(d.data?.fieldId ?? '')}`));
      for (const gap of gaps) {
        const expected = {
          'missing-section': `missing-section:${gap.sectionId}:`,
          'empty-section': `empty-section:${gap.sectionId}:`,
          'placeholder-section': `placeholder:${gap.sectionId}:`,
          'missing-field': `missing-field:${gap.sectionId}:${gap.fieldId}`,
          'placeholder-field': `placeholder:${gap.sectionId}:${gap.fieldId}`,
          placeholder: undefined,
        }[gap.kind];
        // A field answered by other fields that are placeholders has no finding of its own; they have theirs.
        // (A finding turned off by a disable comment is not expected.)
        const { file, lines } = analysis.document.suppressions;
        const turnedOff = file.size > 0 || lines.size > 0;
        if (expected && !turnedOff && !(gap.kind === 'placeholder-field' && / are placeholders$/.test(gap.detail))) {
          assert.ok(codes.has(expected), `${gap.kind} ${gap.label} has the finding ${expected}; findings: ${[...codes].join(', ')}`);
        }
      }
      // A required section counts in the status only when the hover would mark nothing of it as unfilled.
      for (const s of analysis.completeness.sections.filter((x) => x.section.required)) {
        const unfilled = s.fields.some((f) => f.field.required && f.status !== 'present');
        assert.equal(s.complete, s.status === 'present' && !unfilled, `${s.section.id}`);
        const listed = gaps.some((g) => g.sectionId === s.section.id && g.required);
        assert.equal(listed, !s.complete, `${s.section.id} is listed by Show What Is Missing exactly when it is not complete`);
      }
      assert.deepEqual(
        findingsWith(analysis, 'unparsed-time').filter((d) => /HH:MM|YYYY/.test(String(d.data?.text))),
        [],
      );
    });
  }
});
