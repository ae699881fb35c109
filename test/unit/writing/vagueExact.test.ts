import { strict as assert } from 'node:assert';
import { analyze, findingsWith, md } from '../helpers';

// vague-action, exactly: what counts as naming a thing (each kind of concrete text on its own), bold
// labels, exhortations that go on with a task, and the extra phrases of postmortem.vagueWords.

function vague(items: string[], settings = {}): [number, number, number, string | null][] {
  const text = md('# Postmortem', '', '## Corrective and Preventative Measures', '', ...items.map((i) => `- [ ] ${i}`));
  return findingsWith(analyze(text, { settings }), 'vague-action').map((d) => {
    const data = d.data as { vague: string | null };
    return [d.range.start.line - 4, d.range.start.character, d.range.end.character, data.vague];
  });
}

describe('vague-action: naming a thing', () => {
  it('takes each kind of concrete text alone for a thing: a file or host, a path, code, a snake_case name, an acronym', () => {
    assert.deepEqual(
      vague(['Improve monitoring of a.io', 'Improve monitoring of /a', 'Improve monitoring of a_b', 'Improve monitoring of DB', 'Improve monitoring of `x`']),
      [],
    );
  });

  it('takes a word of three letters or more for a thing, not one of two, nor a generic word in quotes', () => {
    assert.deepEqual(vague(['Improve monitoring of abc', 'Improve monitoring of ab', "Improve monitoring of ''the''", 'Sort out the thing.x']), [
      [1, 6, 30, 'Improve monitoring'],
      [2, 6, 35, 'Improve monitoring'],
    ]);
  });

  it('reads the words inside bold as the task', () => {
    assert.deepEqual(vague(['**Improve monitoring**', '**Be more careful**']), [
      [0, 6, 28, 'Improve monitoring'],
      [1, 6, 25, 'Be more careful'],
    ]);
  });

  it('lets an exhortation go on with a task of its own, and only then', () => {
    assert.deepEqual(
      vague(['Be more careful: add a prompt to `reindex --prod`', 'Be more careful, by adding a confirmation prompt', 'Be more careful, as always']),
      [[2, 6, 32, 'Be more careful']],
    );
  });
});

describe('vague-action: postmortem.vagueWords', () => {
  it('matches a phrase as written, with runs of spaces and brackets, and ignores empty entries', () => {
    const settings = { vagueWords: ['tune  the knobs (soon)', '', '  ', 'sort out'] };
    assert.deepEqual(
      vague(['Tune the knobs (soon)', 'Sort out the thing.x', 'Tune the knobs (soon) of the kafka brokers', 'Resort outdated dashboards'], settings),
      [
        [0, 6, 27, 'Tune the knobs (soon)'],
        [1, 6, 26, 'Sort out'],
      ],
    );
  });
});
