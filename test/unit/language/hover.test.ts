import { strict as assert } from 'node:assert';
import { type Analysis, builtinTemplates, type Template } from '../../../server/src/service';
import { evaluateChecklist } from '../../../server/src/service/language/checklist';
import { analyze, md, service } from '../helpers';

// Hover help on section headings and field labels, per template and section.

function withTemplate(template: Template, ...body: string[]): string {
  return md('---', `postmortem: { template: ${template.id} }`, '---', '', '# Postmortem: checkout outage', '', ...body);
}

function hoverOnLine(analysis: Analysis, line: number, character = 4): string {
  const hover = service.hover(analysis, { line, character });
  assert.ok(hover, `no hover on line ${line}: ${JSON.stringify(analysis.document.lines[line])}`);
  return hover.contents;
}

/** The document line of the section's heading. */
function headingLine(analysis: Analysis, id: string): number {
  const section = analysis.document.sections.find((s) => s.id === id);
  assert.ok(section, `no ${id} section`);
  return section.headingRange.start.line;
}

function checklistMarks(contents: string): string[] {
  return contents
    .split('\n')
    .filter((l) => /^- [✅⬜] /.test(l))
    .map((l) => l.slice(2, 3));
}

describe('hover on a section heading', () => {
  for (const template of builtinTemplates) {
    describe(`${template.id} template`, () => {
      for (const section of template.sections) {
        it(`says what ${section.name} is for, lists its checklist, and shows an example`, () => {
          const analysis = analyze(withTemplate(template, `## ${section.name}`, '', section.skeleton, ''));
          const contents = hoverOnLine(analysis, headingLine(analysis, section.id));
          assert.match(contents, new RegExp(`^### ${escapeRegExp(section.name)} · ${section.required ? 'required' : 'optional'}`));
          assert.ok(contents.includes(section.hover), 'what the section is for');
          for (const item of section.checklist) assert.ok(contents.includes(item.text), `checklist item "${item.text}"`);
          assert.ok(section.example.trim(), 'the template gives an example');
          assert.ok(contents.includes(`**A good example**\n\n${section.example}`), 'the example');
          assert.ok(contents.includes(`_Template: ${template.name}_`));
        });

        it(`marks every ${section.name} checklist item missing while the section holds only its skeleton`, () => {
          const analysis = analyze(withTemplate(template, `## ${section.name}`, '', section.skeleton, ''));
          const marks = checklistMarks(hoverOnLine(analysis, headingLine(analysis, section.id)));
          assert.deepEqual(
            marks,
            section.checklist.map(() => '⬜'),
          );
        });

        it(`marks every ${section.name} checklist item present when the section holds the template's example`, () => {
          const analysis = analyze(withTemplate(template, `## ${section.name}`, '', section.example, ''));
          const results = evaluateChecklist(analysis, section);
          assert.deepEqual(
            results.filter((r) => !r.covered).map((r) => r.item.text),
            [],
            'the example covers its own checklist',
          );
          const marks = checklistMarks(hoverOnLine(analysis, headingLine(analysis, section.id)));
          assert.deepEqual(
            marks,
            section.checklist.map(() => '✅'),
          );
        });
      }

      it('gives each section its own help text in this template', () => {
        for (const s of template.sections) {
          assert.ok(s.hover.trim() && s.checklist.length > 0, s.id);
          for (const item of s.checklist) assert.ok(item.check, `${s.id}: "${item.text}" has a check`);
        }
      });
    });
  }

  it('marks items present and missing in the same document, section by section', () => {
    const analysis = analyze(
      md(
        '# Postmortem: checkout outage',
        '',
        '## Issue Summary',
        '',
        '- **Duration:** 2024-01-19 14:30 – 18:45 UTC (4 hours 15 minutes)',
        '- **Impact:** The checkout API returned 500s for 30% of users.',
        '- **Root cause:** ',
        '',
        '## Timeline',
        '',
        '- **14:32 UTC** – The checkout-5xx alert paged the on-call engineer.',
        '- **15:10 UTC** – Escalated to the database team.',
        '- **18:45 UTC** – Rolled back; error rate back to normal.',
        '',
      ),
    );
    const summary = hoverOnLine(analysis, 2);
    assert.match(summary, /- ✅ Duration of the outage with start and end times, including the time zone/);
    assert.match(summary, /- ✅ Impact: which service was down or slow/);
    assert.match(summary, /- ⬜ The root cause, in a sentence or two/);
    assert.match(summary, /\*\*Checklist\*\* \(2 of 3 in this document\)/);
    assert.match(summary, /\*\*Fields:\*\* ✅ \*\*Duration\*\* · ✅ \*\*Impact\*\* · ⬜ \*\*Root cause\*\*/);

    const timeline = hoverOnLine(analysis, 8);
    assert.match(timeline, /- ✅ When the issue was detected and how/);
    assert.match(timeline, /- ✅ Actions taken/);
    assert.match(timeline, /- ⬜ Misleading investigation or debugging paths/);
    assert.match(timeline, /- ✅ Who the incident was escalated to/);
    assert.match(timeline, /- ✅ How and when the incident was resolved/);
    assert.match(timeline, /✅ \*\*Timestamped entries:\*\* 3 found/);
  });

  it('says when a section is empty', () => {
    const analysis = analyze(md('# Postmortem', '', '## Timeline', '', '## Root Cause and Resolution', '', 'A bug.'));
    assert.match(hoverOnLine(analysis, 2), /⬜ \*\*The section is empty\*\*/);
  });

  it('answers on headings of every style the parser recognises', () => {
    const cases: [string, string[], number][] = [
      ['atx', ['## Timeline'], 0],
      ['setext', ['Timeline', '--------'], 0],
      ['bold', ['**Timeline:**'], 0],
      ['plain with a colon', ['Timeline:'], 0],
      ['html', ['<h2>Timeline</h2>'], 0],
      ['emoji and numbering', ['## 2. 🕐 Timeline'], 0],
    ];
    for (const [style, heading, offset] of cases) {
      const analysis = analyze(
        md('# Postmortem: outage', '', '## Issue Summary', '', 'Down for an hour.', '', ...heading, '', '- 10:15 UTC – Alert fired.', ''),
      );
      const line = 6 + offset;
      const hover = service.hover(analysis, { line, character: heading[0].indexOf('T') + 1 });
      assert.ok(hover, style);
      assert.match(hover.contents, /^### Timeline · required/, style);
    }
  });

  it('names the part a heading stands for in a combined section', () => {
    const analysis = analyze(md('# Postmortem', '', '## Root Cause', '', 'A bug.'));
    assert.match(hoverOnLine(analysis, 2), /This heading is the \*\*cause\*\* part of Root Cause and Resolution/);
  });

  it('says nothing on text that is neither a heading nor a field label', () => {
    const analysis = analyze(md('# Postmortem', '', '## Timeline', '', 'Some prose here.'));
    assert.equal(service.hover(analysis, { line: 4, character: 3 }), undefined);
  });
});

describe('hover on a field label', () => {
  const text = md(
    '# Postmortem',
    '',
    '## Issue Summary',
    '',
    '- **Duration:** 2024-01-19 14:30 – 18:45 UTC',
    '- **Impact:** HH:MM',
    '- **Root cause:** A deploy removed the pool limit.',
    '',
    '## Root Cause and Resolution',
    '',
    '**Resolution:** Rolled back.',
  );
  let analysis: Analysis;
  beforeEach(() => {
    analysis = analyze(text);
  });

  it('says what a good Duration says, with an example and the duration the document states', () => {
    const contents = hoverOnLine(analysis, 4, 5);
    assert.match(contents, /^\*\*Duration\*\* — in Issue Summary \(required\)/);
    assert.match(contents, /How long the outage lasted, with its start and end times and their time zone/);
    assert.match(contents, /\*\*A good one:\*\* 2024-01-19 14:30 – 18:45 UTC \(4 hours 15 minutes\)/);
    assert.match(contents, /✅ Filled in\./);
    assert.equal(analysis.incident.durationMinutes, 255);
    assert.match(contents, /Start to end, as this document states them: \*\*4 hours 15 minutes\*\*/);
  });

  it('marks a field still holding a placeholder as not filled in', () => {
    const contents = hoverOnLine(analysis, 5, 5);
    assert.match(contents, /^\*\*Impact\*\*/);
    assert.match(contents, /in numbers/);
    assert.match(contents, /⬜ Not filled in yet/);
  });

  it('explains Root cause and Resolution in their own words', () => {
    assert.match(hoverOnLine(analysis, 6, 5), /^\*\*Root cause\*\* — in Issue Summary \(required\)\n\nOne or two sentences on what caused the outage/);
    assert.match(hoverOnLine(analysis, 10, 3), /^\*\*Resolution\*\* — in Root Cause and Resolution \(optional\)\n\nIn detail, how the issue was fixed/);
  });

  it('uses the field text of the document’s template', () => {
    const atlassian = analyze(md('---', 'postmortem: { template: atlassian }', '---', '', '## Incident summary', '', '- **Severity:** SEV-2'));
    assert.match(hoverOnLine(atlassian, 6, 5), /^\*\*Severity\*\* — in Incident summary \(optional\)[\s\S]*\*\*A good one:\*\* SEV-2/);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
