import { strict as assert } from 'node:assert';
import type { Analysis, Fix } from '../../server/src/service';
import { applyEdits, headingLike, insertAllSectionsEdits, suppressionEdit } from '../../server/src/service/fixes';
import { analyze, applyFix, md, service } from './helpers';

// fixes.ts on both sides of its boundaries (found by mutation testing, docs/mutation.md): which
// lines after the last timeline entry move with it, where a heading stops a sort, when an open
// block is closed before an insertion, which field a new field is modelled on, the colon of a new
// heading, and which action items a conversion rewrites. Each case states the text the fix writes.

function fixOf(analysis: Analysis, code: string, kind: Fix['kind']): Fix {
  const finding = analysis.diagnostics.find((d) => d.code === code);
  assert.ok(finding, `a ${code} finding among ${analysis.diagnostics.map((d) => d.code).join(', ')}`);
  const fix = finding.fixes.find((f) => f.kind === kind);
  assert.ok(fix, `a ${kind} fix on ${code}`);
  return fix;
}

/** The lines after the timeline-order finding's sort fix; the same lines as before, each as often. */
function sorted(text: string): string[] {
  const analysis = analyze(text);
  const after = applyFix(text, analysis, fixOf(analysis, 'timeline-order', 'sort-timeline')).split('\n');
  assert.deepEqual([...after].sort(), text.split('\n').sort());
  return after;
}

describe('fixes at their boundaries: the lines after the last timeline entry', () => {
  // Paragraph entries end on their own line: what follows the last one, up to a blank line, an
  // item, a table row or a heading, is its description and moves with it.
  const entries = ['## Timeline', '**10:20 UTC: b**', '**10:10 UTC: a**', 'We rolled back.'];
  const cases: [what: string, line: string, carried: boolean][] = [
    ['a list item', '- an untimed item', false],
    ['an indented list item', '  - an indented item', false],
    ['a numbered item with two digits', '10. an untimed step', false],
    ['a table row', '| a | b |', false],
    ['an indented table row', '  | a | b |', false],
    ['a hash at the start', '#tag', false],
    ['an indented hash', '  #tag', false],
    ['text with a dash inside', 'then the rest - in a list', true],
    ['text with a pipe inside', 'then a | b', true],
    ['text with a hash inside', 'then see #4', true],
  ];
  for (const [what, line, carried] of cases) {
    it(`${carried ? 'moves' : 'leaves in place'} ${what} after the description of the last entry`, () => {
      assert.deepEqual(
        sorted(md(...entries, line)),
        carried
          ? ['## Timeline', '**10:10 UTC: a**', 'We rolled back.', line, '**10:20 UTC: b**']
          : ['## Timeline', '**10:10 UTC: a**', 'We rolled back.', '**10:20 UTC: b**', line],
      );
    });
  }

  it('moves a line the table reads as one more row with the row before it', () => {
    const text = md('## Timeline', '', '| Time | Event |', '|---|---|', '| 10:20 UTC | b |', '| 10:10 UTC | a |', 'A note after.');
    assert.deepEqual(sorted(text), ['## Timeline', '', '| Time | Event |', '|---|---|', '| 10:10 UTC | a |', 'A note after.', '| 10:20 UTC | b |']);
  });

  it('stops a description at a sub-heading of the timeline', () => {
    const text = md('## Timeline', '**10:20 UTC: b**', '**10:10 UTC: a**', 'We rolled back.', '### Aftermath', 'Text.');
    assert.deepEqual(sorted(text), ['## Timeline', '**10:10 UTC: a**', 'We rolled back.', '**10:20 UTC: b**', '### Aftermath', 'Text.']);
  });

  it('sorts indented entries separated by blank lines at their own indentation', () => {
    const text = md('## Timeline', '  - 10:20 UTC - b', '', '  - 10:10 UTC - a');
    assert.deepEqual(sorted(text), ['## Timeline', '  - 10:10 UTC - a', '', '  - 10:20 UTC - b']);
  });

  it('treats a line of spaces between entries as a blank line that stays in place', () => {
    const text = md('## Timeline', '- 10:20 UTC - b', '  ', '- 10:10 UTC - a', '- 10:30 UTC - c');
    assert.deepEqual(sorted(text), ['## Timeline', '- 10:10 UTC - a', '  ', '- 10:20 UTC - b', '- 10:30 UTC - c']);
  });
});

describe('fixes at their boundaries: headings inside the timeline stay where they are', () => {
  it('never moves the heading of the timeline, even over an entry indented more than the next', () => {
    const text = md('## Timeline', '  - 10:20 UTC - b', '- 10:10 UTC - a');
    assert.equal(sorted(text)[0], '## Timeline');
  });

  it('sorts the entries under each day heading without moving one to another day', () => {
    const text = md('## Timeline', '### Jan 15', '- 10:20 UTC - b', '- 10:10 UTC - a', '### Jan 16', '- 09:00 UTC - c', '- 08:00 UTC - d');
    assert.deepEqual(sorted(text), ['## Timeline', '### Jan 15', '- 10:10 UTC - a', '- 10:20 UTC - b', '### Jan 16', '- 08:00 UTC - d', '- 09:00 UTC - c']);
  });

  it('keeps the blank lines between two day headings where they are', () => {
    const text = md('## Timeline', '### Jan 15', '- 10:20 UTC - b', '- 10:10 UTC - a', '### Jan 16', '', '', '### Jan 17', '- 09:00 UTC - c');
    assert.deepEqual(sorted(text), ['## Timeline', '### Jan 15', '- 10:10 UTC - a', '- 10:20 UTC - b', '### Jan 16', '', '', '### Jan 17', '- 09:00 UTC - c']);
  });

  it('keeps a day heading that ends the timeline', () => {
    const text = md('## Timeline', '### Jan 15', '- 10:20 UTC - b', '- 10:10 UTC - a', '### Jan 16');
    assert.deepEqual(sorted(text), ['## Timeline', '### Jan 15', '- 10:10 UTC - a', '- 10:20 UTC - b', '### Jan 16']);
  });

  it('moves the description of the last entry of a second timeline section after an empty first one', () => {
    const text = md('## Timeline', '', '## Timeline', '**10:20 UTC: b**', '**10:10 UTC: a**', 'We rolled back.');
    assert.deepEqual(sorted(text), ['## Timeline', '', '## Timeline', '**10:10 UTC: a**', 'We rolled back.', '**10:20 UTC: b**']);
  });

  it('sorts two timeline sections each on its own, keeping the second heading between them', () => {
    const text = md('## Timeline', '- 10:20 UTC - b', '- 10:10 UTC - a', '', '## Timeline', '- 11:20 UTC - d', '- 11:10 UTC - c');
    assert.deepEqual(sorted(text), ['## Timeline', '- 10:10 UTC - a', '- 10:20 UTC - b', '', '## Timeline', '- 11:10 UTC - c', '- 11:20 UTC - d']);
  });
});

describe('fixes at their boundaries: the colon of a new heading', () => {
  const model = (text: string) => {
    const section = analyze(text).document.sections[0];
    assert.ok(section, `a section in ${JSON.stringify(text)}`);
    return section;
  };
  const cases: [what: string, text: string, heading: string][] = [
    ['a bold heading with a space before the colon outside', '**Impact** :\nx', '**Root Cause**:'],
    ['a bold heading with a space between the colon and the closing stars', '**Impact: **\nx', '**Root Cause:**'],
    ['a numbered bold heading with the colon outside', '1. **Impact**:\nx', '**Root Cause**:'],
    ['a bold heading without a colon', '**Impact**\nx', '**Root Cause**'],
    ['an ATX heading with text after a colon', '## Impact: details\nx', '## Root Cause'],
    ['a plain heading without a colon', 'Impact\nx', 'Root Cause:'],
  ];
  for (const [what, text, heading] of cases) {
    it(`writes ${JSON.stringify(heading)} after ${what}`, () => assert.equal(headingLike(model(text), 'Root Cause', '\n'), heading));
  }
});

describe('fixes at their boundaries: closing a block left open before an insertion', () => {
  const inserted = (text: string) => {
    const analysis = analyze(text);
    const finding = analysis.diagnostics.find((d) => d.code === 'missing-section' && d.data?.sectionId === 'timeline');
    assert.ok(finding, 'a missing-section for the timeline');
    return applyFix(text, analysis, finding.fixes[0]).split('\n');
  };
  const TIMELINE = [
    '## Timeline',
    '',
    '- **HH:MM UTC** – The issue is detected: how, and by whom.',
    '- **HH:MM** – What was done next.',
    '- **HH:MM** – Service restored.',
  ];

  it('does not close a fence left open in a later section than the one the section follows', () => {
    assert.deepEqual(inserted(md('## Issue Summary', 'x', '', '## Root Cause and Resolution', '```', 'code')), [
      '## Issue Summary',
      'x',
      '',
      ...TIMELINE,
      '',
      '## Root Cause and Resolution',
      '```',
      'code',
    ]);
  });

  it('closes a fence opened on the last line', () => {
    assert.deepEqual(inserted(md('## Issue Summary', 'x', '```')), ['## Issue Summary', 'x', '```', '```', '', ...TIMELINE]);
  });

  it('closes a tilde fence that holds a line of backticks with tildes', () => {
    assert.deepEqual(inserted(md('## Issue Summary', 'x', '~~~', '```', 'code')), ['## Issue Summary', 'x', '~~~', '```', 'code', '~~~', '', ...TIMELINE]);
  });

  it('closes nothing after an open comment in a paragraph (it is text, not a comment)', () => {
    assert.deepEqual(inserted(md('## Issue Summary', 'x <!-- an open note')), ['## Issue Summary', 'x <!-- an open note', '', ...TIMELINE]);
  });

  it('closes nothing after an HTML block without a comment', () => {
    assert.deepEqual(inserted(md('## Issue Summary', 'x', '', '<div>', 'x', '</div>')), ['## Issue Summary', 'x', '', '<div>', 'x', '</div>', '', ...TIMELINE]);
  });

  it('closes a comment whose arrow is split over two lines (that is no arrow)', () => {
    assert.deepEqual(inserted(md('## Issue Summary', 'x', '', '<!-- open', 'still --', '> y')), [
      '## Issue Summary',
      'x',
      '',
      '<!-- open',
      'still --',
      '> y',
      '-->',
      '',
      ...TIMELINE,
    ]);
  });

  it('closes nothing when a link reference definition follows the open comment (it is not the end of the document)', () => {
    assert.deepEqual(inserted(md('## Issue Summary', 'x', '', '<div>', '<!-- open', '', '[a]: http://x')), [
      '## Issue Summary',
      'x',
      '',
      '<div>',
      '<!-- open',
      '',
      '[a]: http://x',
      '',
      ...TIMELINE,
    ]);
  });

  it('closes an open fence on the trailing blank line of a document without sections', () => {
    assert.deepEqual(inserted(md('```', 'code', '')), ['```', 'code', '```', '', ...TIMELINE, '']);
  });

  it('closes an open fence on a trailing line of spaces, after the spaces', () => {
    assert.deepEqual(inserted(md('```', 'code', '   ')), ['```', 'code', '   ```', '', ...TIMELINE, '']);
  });

  it('appends to text ending in a line of spaces with no more blank lines', () => {
    assert.deepEqual(inserted(md('Text', '   ')), ['Text', '   ', ...TIMELINE, '']);
  });

  it('appends to a document of spaces only right after them', () => {
    assert.deepEqual(inserted(md('  ', ' ')), ['  ', ` ${TIMELINE[0]}`, ...TIMELINE.slice(1), '']);
  });

  it('closes an open fence once when several sections are appended after it, in the snippet too', () => {
    const text = md('```', 'code');
    const analysis = analyze(text);
    const edits = insertAllSectionsEdits(analysis.document, analysis.template, ['timeline', 'root-cause']);
    assert.equal(edits.length, 1);
    assert.equal(edits[0].newText.split('```').length, 2, edits[0].newText);
    assert.equal((edits[0].snippet ?? '').split('```').length, 2, edits[0].snippet);
  });
});

describe('fixes at their boundaries: a missing field among the fields written', () => {
  const added = (text: string, fieldId: string) => {
    const analysis = analyze(text);
    const finding = analysis.diagnostics.find((d) => d.code === 'missing-field' && d.data?.fieldId === fieldId);
    assert.ok(finding, `a missing-field for ${fieldId}`);
    return applyFix(text, analysis, finding.fixes[0]).split('\n');
  };

  it('goes after the last field the template puts before it, even when one it puts after is written first', () => {
    assert.deepEqual(
      added(md('## Issue Summary', '- **Root cause:** a bad push', '- **Duration:** 1 hour', '', '## Timeline', '- 10:00 UTC - a'), 'impact').slice(0, 4),
      [
        '## Issue Summary',
        '- **Root cause:** a bad push',
        '- **Duration:** 1 hour',
        '- **Impact:** Which service was down or slow, what users saw, and what share of users was affected',
      ],
    );
  });

  it('is modelled on the fields of the first section of its kind only', () => {
    const text = md('## Issue Summary', '- **Impact:** 12% failed', '', '## Timeline', '- 10:00 UTC - a', '', '## Summary', '- **Duration:** 1 hour');
    const analysis = analyze(text);
    const fix: Fix = { kind: 'insert-field', title: 'Add Start', sectionId: 'summary', fieldId: 'start' };
    assert.deepEqual(applyFix(text, analysis, fix).split('\n').slice(0, 3), [
      '## Issue Summary',
      '- **Start:** YYYY-MM-DD HH:MM UTC',
      '- **Impact:** 12% failed',
    ]);
  });

  it('goes after the field itself when the fix was made before the field was written', () => {
    const text = md('## Issue Summary', '- **Duration:** 1 hour', '', '## Timeline', '- 10:00 UTC - a');
    const analysis = analyze(text);
    const fix: Fix = { kind: 'insert-field', title: 'Add Duration', sectionId: 'summary', fieldId: 'duration' };
    assert.deepEqual(applyFix(text, analysis, fix).split('\n').slice(0, 4), [
      '## Issue Summary',
      '- **Duration:** 1 hour',
      '- **Duration:** HH:MM – HH:MM UTC, N hours N minutes',
      '',
    ]);
  });

  it('goes before the next field in template order when the fix was made before the field itself was written', () => {
    const text = md('## Issue Summary', '- **Duration:** 1 hour', '', '- **Impact:** 12% failed', '', '## Timeline', '- 10:00 UTC - a');
    const fix: Fix = { kind: 'insert-field', title: 'Add Duration', sectionId: 'summary', fieldId: 'duration' };
    assert.deepEqual(applyFix(text, analyze(text), fix).split('\n').slice(0, 5), [
      '## Issue Summary',
      '- **Duration:** 1 hour',
      '',
      '- **Duration:** HH:MM – HH:MM UTC, N hours N minutes',
      '- **Impact:** 12% failed',
    ]);
  });

  it('adds no line break before a line of spaces under the heading', () => {
    assert.deepEqual(added(md('## Issue Summary', '  ', 'The site was down.', '', '## Timeline', '- 10:00 UTC - a'), 'duration').slice(0, 5), [
      '## Issue Summary',
      '',
      '- **Duration:** HH:MM – HH:MM UTC, N hours N minutes',
      '  ',
      'The site was down.',
    ]);
  });
});

describe('fixes at their boundaries: the end of the document', () => {
  it('fills an empty section on the last line without a line break after the skeleton', () => {
    const text = md('## Issue Summary', 'x', '', '## Timeline');
    const analysis = analyze(text);
    const after = applyFix(text, analysis, { kind: 'fill-section', title: 'x', sectionId: 'timeline', line: 3 });
    assert.equal(
      after,
      `${text}\n\n- **HH:MM UTC** – The issue is detected: how, and by whom.\n- **HH:MM** – What was done next.\n- **HH:MM** – Service restored.`,
    );
  });
});

describe('fixes at their boundaries: a suppression comment after a byte order mark', () => {
  it('takes the indentation of the first line after the byte order mark', () => {
    const text = '\uFEFF  Indented text\n';
    const a = analyze(text);
    const f = { code: 'some-rule', message: '', range: { start: { line: 0, character: 3 }, end: { line: 0, character: 5 } }, fixes: [] };
    assert.equal(
      applyEdits(text, a.document, [suppressionEdit(a.document, f, 'line')]),
      '\uFEFF  <!-- postmortem-disable-next-line some-rule -->\n  Indented text\n',
    );
  });
});

describe('fixes at their boundaries: which action items a conversion rewrites', () => {
  const text = md('# Postmortem', '', '## Action Items', '', '- [ ] One', '', 'Later:', '', '- [ ] Two', '', 'After.');
  const converted = (fix: Fix) => {
    const analysis = analyze(text);
    return applyEdits(text, analysis.document, service.editsForFix(analysis, fix)).split('\n');
  };

  it('rewrites the list on the line the fix names, not the first list', () => {
    assert.deepEqual(converted({ kind: 'action-items-table', title: 'x', line: 8, safe: false }).slice(4, 12), [
      '- [ ] One',
      '',
      'Later:',
      '',
      '| Action item | Owner | Due | Ticket | Status |',
      '|---|---|---|---|---|',
      '| Two |  |  |  | open |',
      '',
    ]);
  });

  it('makes no edit to turn a list into a list', () => {
    const analysis = analyze(text);
    assert.deepEqual(service.editsForFix(analysis, { kind: 'action-items-list', title: 'x', line: 4, safe: false }), []);
  });

  it('writes a table back as a list right under the heading, with no blank line added before it', () => {
    const table = md('# Postmortem', '', '## Action Items', '| Action item | Owner |', '|---|---|', '| Patch the server | @dana |', '', 'After.');
    const analysis = analyze(table);
    const after = applyEdits(table, analysis.document, service.editsForFix(analysis, { kind: 'action-items-list', title: 'x', line: 3, safe: false })).split(
      '\n',
    );
    assert.equal(after[2], '## Action Items');
    assert.match(after[3], /^- \[ \] Patch the server/);
  });

  it('adds no line break after a list followed by a blank line', () => {
    const list = md('# Postmortem', '', '## Action Items', '', '- [ ] One', '- [ ] Two', '', 'After.');
    const analysis = analyze(list);
    const after = applyEdits(list, analysis.document, service.editsForFix(analysis, { kind: 'action-items-table', title: 'x', line: 4, safe: false })).split(
      '\n',
    );
    assert.deepEqual(after.slice(8), ['', 'After.']);
  });
});

describe('fixes at their boundaries: fields and sections the template orders', () => {
  const rootCause = (...fields: string[]) => md('## Issue Summary', 'x', '', '## Root Cause and Resolution', ...fields, '', '## Timeline', '- 10:00 UTC - a');
  const add = (text: string, sectionId: string, fieldId: string) =>
    applyFix(text, analyze(text), { kind: 'insert-field', title: 'x', sectionId, fieldId }).split('\n').slice(3, 7);

  it('follows the last field of the template before it, not a field of another section written after that one', () => {
    assert.deepEqual(add(rootCause('- **Root cause:** a bad push', '- **Start:** 10:00 UTC'), 'root-cause', 'resolution'), [
      '## Root Cause and Resolution',
      '- **Root cause:** a bad push',
      '- **Resolution:** What restored service, and the permanent fix',
      '- **Start:** 10:00 UTC',
    ]);
  });

  it('goes after the only field written when the template does not order that one', () => {
    assert.deepEqual(add(rootCause('- **Start:** 10:00 UTC'), 'root-cause', 'cause'), [
      '## Root Cause and Resolution',
      '- **Start:** 10:00 UTC',
      '- **Root cause:** The underlying cause, in one or two sentences',
      '',
    ]);
  });

  const sections = md('## Issue Summary', 'x', '', '## Timeline', '- 10:00 UTC - a');
  const inserted = (sectionId: string) => applyFix(sections, analyze(sections), { kind: 'insert-section', title: 'x', sectionId }).split('\n');

  it('places a section by the template order of the sections written, the one of its kind aside: after those before it', () => {
    assert.deepEqual(inserted('timeline').slice(0, 6), [
      '## Issue Summary',
      'x',
      '',
      '## Timeline',
      '',
      '- **HH:MM UTC** – The issue is detected: how, and by whom.',
    ]);
  });

  it('places a section the template puts first before the next section written, not before one of its own kind', () => {
    assert.deepEqual(inserted('summary').slice(0, 4), ['## Issue Summary', 'x', '', '## Issue Summary']);
  });
});

describe('fixes at their boundaries: where a sort starts and ends', () => {
  it('never moves the underline of a setext timeline heading over an entry indented more than the next', () => {
    const text = md('Timeline', '--------', '  - 10:20 UTC - b', '- 10:10 UTC - a');
    const analysis = analyze(text);
    const fix = analysis.diagnostics.find((d) => d.code === 'timeline-order')?.fixes.find((f) => f.kind === 'sort-timeline');
    assert.ok(fix);
    assert.deepEqual(applyFix(text, analysis, fix).split('\n').slice(0, 2), ['Timeline', '--------']);
  });

  it('sorts entries nested under a parent whose text runs on over two lines, keeping the parent first', () => {
    const text = md('## Timeline', '- Detection: we saw', '  it coming', '  - 10:20 UTC - b', '  - 10:10 UTC - a', '- 10:30 UTC - c');
    assert.deepEqual(sorted(text), ['## Timeline', '- Detection: we saw', '  it coming', '  - 10:10 UTC - a', '  - 10:20 UTC - b', '- 10:30 UTC - c']);
  });

  it('does not take a paragraph above a blank line of spaces into the first entry', () => {
    const text = md('## Timeline', 'Intro.', '    ', '  - 10:20 UTC - b', '  - 10:10 UTC - a', '- 10:00 UTC - c');
    const analysis = analyze(text);
    const after = applyFix(text, analysis, fixOf(analysis, 'timeline-order', 'sort-timeline')).split('\n');
    assert.deepEqual(after.slice(0, 2), ['## Timeline', 'Intro.']);
  });

  it('sorts the entries a fix names outside any timeline section, from a parent on the first line to the end of the document', () => {
    const text = md('- Day one:', '  - 10:20 UTC - b', '- 10:10 UTC - a', 'and its description');
    const fix: Fix = {
      kind: 'sort-timeline',
      title: 'x',
      entries: [
        { line: 1, endLine: 1, at: 2 },
        { line: 2, endLine: 2, at: 1 },
      ],
      safe: false,
    };
    assert.deepEqual(applyFix(text, analyze(text), fix).split('\n'), ['- 10:10 UTC - a', 'and its description', '- Day one:', '  - 10:20 UTC - b']);
  });
});
