import { strict as assert } from 'node:assert';
import type { NestedRange, Range } from '../../../server/src/service';
import { analyze, md, service } from '../helpers';

// The outline, folding and selection ranges all follow the sections, fields and timeline entries.

const text = md(
  '# Postmortem: checkout outage', // 0
  '', // 1
  '## Issue Summary', // 2
  '', // 3
  '- **Duration:** 14:30 – 18:45 UTC', // 4
  '- **Impact:** Checkout failed:', // 5
  '  - 30% of users', // 6
  '  - 12,000 orders', // 7
  '', // 8
  '## Timeline', // 9
  '', // 10
  '- **14:30 UTC** – Deploy 4711 starts.', // 11
  '  - It changes the pool configuration.', // 12
  '- **14:32 UTC** – Alert fires.', // 13
  '', // 14
  '## Root Cause and Resolution', // 15
  '', // 16
  'The pool limit was dropped.', // 17
);
/** Analysed in each test, so mutation testing sees which test reads what (nothing runs at load). */
const analysed = () => analyze(text);

const show = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

function chain(nested: NestedRange): string[] {
  const out: string[] = [];
  for (let r: NestedRange | undefined = nested; r; r = r.parent) out.push(show(r.range));
  return out;
}

describe('outline', () => {
  it('lists the sections, with their fields and timeline entries inside in document order', () => {
    const outline = service.outline(analysed());
    assert.deepEqual(
      outline.map((s) => [s.name, s.kind, s.detail]),
      [
        ['Issue Summary', 'section', 'Issue Summary'],
        ['Timeline', 'section', 'Timeline'],
        ['Root Cause and Resolution', 'section', 'Root Cause and Resolution'],
      ],
    );
    assert.deepEqual(
      outline[0].children.map((c) => [c.name, c.kind]),
      [
        ['Duration', 'field'],
        ['Impact', 'field'],
      ],
    );
    assert.deepEqual(
      outline[1].children.map((c) => [c.name, c.kind, c.detail]),
      [
        ['14:30 UTC', 'timeline-entry', 'Deploy 4711 starts.'],
        ['14:32 UTC', 'timeline-entry', 'Alert fires.'],
      ],
    );
  });

  it('gives each symbol a range that contains its selection range and its children', () => {
    const inside = (outer: Range, inner: Range) =>
      (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
      (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));
    for (const s of service.outline(analysed())) {
      assert.ok(inside(s.range, s.selectionRange), s.name);
      for (const c of s.children) {
        assert.ok(inside(s.range, c.range), `${s.name} > ${c.name}`);
        assert.ok(inside(c.range, c.selectionRange), c.name);
      }
    }
    const [entry] = service.outline(analysed())[1].children;
    assert.equal(show(entry.range), '11:0-12:38', 'an entry spans its nested lines');
  });
});

describe('folding', () => {
  it('folds each section, each timeline entry with nested lines and each field with nested lines', () => {
    assert.deepEqual(
      service.folds(analysed()).map((f) => `${f.startLine}-${f.endLine}`),
      ['2-7', '5-7', '9-13', '11-12', '15-17'],
    );
  });

  it('folds nothing for a heading with no body or an entry on one line', () => {
    const folds = service.folds(analyze(md('# Postmortem', '', '## Timeline', '- 10:00 UTC – x', '## Root Cause and Resolution')));
    assert.deepEqual(
      folds.map((f) => `${f.startLine}-${f.endLine}`),
      ['2-3'],
    );
  });
});

describe('selection ranges', () => {
  it('grows from a time to its entry, the section and the document', () => {
    const [nested] = service.selectionRanges(analysed(), [{ line: 11, character: 6 }]);
    assert.deepEqual(chain(nested), ['11:4-11:13', '11:0-12:38', '9:0-13:30', '0:0-17:27']);
  });

  it('grows from a nested line of an entry to the entry', () => {
    const [nested] = service.selectionRanges(analysed(), [{ line: 12, character: 10 }]);
    assert.deepEqual(chain(nested), ['11:0-12:38', '9:0-13:30', '0:0-17:27']);
  });

  it('grows from a field label to the field with its nested value, then the section', () => {
    const [nested] = service.selectionRanges(analysed(), [{ line: 5, character: 5 }]);
    assert.deepEqual(chain(nested), ['5:2-5:13', '5:2-7:17', '2:0-7:17', '0:0-17:27']);
  });

  it('grows from a heading to its section, and from prose to its section', () => {
    assert.deepEqual(chain(service.selectionRanges(analysed(), [{ line: 15, character: 5 }])[0]), ['15:0-15:28', '15:0-17:27', '0:0-17:27']);
    assert.deepEqual(chain(service.selectionRanges(analysed(), [{ line: 17, character: 5 }])[0]), ['15:0-17:27', '0:0-17:27']);
  });

  it('answers every position asked, outside any section with the document', () => {
    const answers = service.selectionRanges(analysed(), [
      { line: 0, character: 3 },
      { line: 13, character: 5 },
    ]);
    assert.equal(answers.length, 2);
    assert.deepEqual(chain(answers[0]), ['0:0-17:27']);
    assert.deepEqual(chain(answers[1]), ['13:4-13:13', '13:0-13:30', '9:0-13:30', '0:0-17:27']);
  });
});
