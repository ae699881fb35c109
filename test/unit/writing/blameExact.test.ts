import { strict as assert } from 'node:assert';
import type { AnalyzeOptions } from '../../../server/src/service';
import { analyze, findingsWith, md } from '../helpers';

// blame-language, exactly: where each finding starts and ends, its phrase and kind, and what the
// settings (allowed names, extra blame words) and owner columns, fields and @mentions leave out.

type Found = [line: number, from: number, to: number, phrase: string, kind: string];

function blames(text: string, settings: AnalyzeOptions['settings'] = {}): Found[] {
  return findingsWith(analyze(text, { settings }), 'blame-language').map((d) => {
    const data = d.data as { phrase: string; kind: string };
    return [d.range.start.line, d.range.start.character, d.range.end.character, data.phrase, data.kind];
  });
}

const cause = (...lines: string[]) => md('# Postmortem: search outage', '', '## Root Cause and Resolution', '', ...lines);
const measures = (...lines: string[]) => md('# Postmortem', '', '## Corrective and Preventative Measures', '', ...lines);
const PERSON = 'person as the subject of a failure';

describe('blame-language: each finding exactly', () => {
  it('gives the phrase, its range, its kind and the neutral wording', () => {
    const [finding, ...rest] = findingsWith(analyze(cause('Dana forgot to check the diff before the deploy.')), 'blame-language');
    assert.deepEqual(rest, []);
    assert.deepEqual(finding.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 11 } });
    assert.deepEqual(finding.data, { kind: PERSON, phrase: 'dana forgot' });
    assert.equal(
      finding.message,
      '"Dana forgot" blames people rather than the system: make the system the subject: "the deploy went out without the config check" rather than "Dana forgot the config check".',
    );
  });

  it('starts at the person after the words before a name, and reads runs of spaces as one', () => {
    assert.deepEqual(blames(cause('After Dana Lee forgot the flag, the job ran.')), [[4, 6, 21, 'dana lee forgot', PERSON]]);
    assert.deepEqual(blames(cause('She should have known  about the default, and he  wrongly typed it.')), [
      [4, 0, 21, 'she should have known', PERSON],
      [4, 46, 57, 'he wrongly', PERSON],
    ]);
    assert.deepEqual(blames(cause('The root cause was human error, and the on-call engineer ignored the alert.')), [
      [4, 19, 30, 'human error', 'human error'],
      [4, 36, 74, 'the on-call engineer ignored the alert', PERSON],
    ]);
  });
});

describe('blame-language: the settings', () => {
  const line = 'After Dana Lee forgot the flag, the job ran.';
  it('leaves out an allowed name written in any case and with spaces around it, whole or one of its words', () => {
    assert.deepEqual(blames(cause(line), { allowedNames: ['  DANA LEE '] }), []);
    assert.deepEqual(blames(cause(line), { allowedNames: ['lee'] }), []);
  });

  it('does not take the words before the name, or an empty entry, for an allowed name', () => {
    assert.deepEqual(blames(cause(line), { allowedNames: ['after', ''] }), [[4, 6, 21, 'dana lee forgot', PERSON]]);
    assert.deepEqual(blames(cause('Then Dana forgot the flag.'), { allowedNames: ['then'] }), [[4, 5, 16, 'dana forgot', PERSON]]);
  });

  it('takes a name for a name, though it ends like a pronoun ("Roche": "he")', () => {
    assert.deepEqual(blames(cause('Roche forgot to check the flag.'), { allowedNames: ['Roche'] }), []);
    assert.deepEqual(blames(cause('Roche forgot to check the flag.')), [[4, 0, 12, 'roche forgot', PERSON]]);
  });

  it('starts a role at its article, "a" as well as "an" and "the"', () => {
    assert.deepEqual(blames(cause('A new engineer forgot the flag, and an intern ignored the alerts.')), [
      [4, 0, 21, 'a new engineer forgot', PERSON],
      [4, 36, 64, 'an intern ignored the alerts', PERSON],
    ]);
  });

  it('flags each of several extra blame words', () => {
    assert.deepEqual(blames(cause('Ops dropped the ball; the rollout was a hot mess.'), { blameWords: ['dropped the ball', 'hot mess'] }), [
      [4, 4, 20, 'dropped the ball', 'blame word'],
      [4, 40, 48, 'hot mess', 'blame word'],
    ]);
  });

  it('reads a blame after a list of causes, but not "human error" as one of the list', () => {
    assert.deepEqual(blames(cause('We saw timeouts, retries, careless deploys.')), [[4, 26, 34, 'careless', 'careless']]);
    assert.deepEqual(blames(cause('Causes: bugs, traffic spikes, hardware failures, human error.')), []);
  });

  it('keeps one finding for two on the same words, and drops one inside a longer one from the same start', () => {
    assert.deepEqual(blames(cause('Dana forgot the flag.'), { blameWords: ['Dana forgot'] }), [[4, 0, 11, 'dana forgot', PERSON]]);
    assert.deepEqual(blames(cause('Dana forgot the flag.'), { blameWords: ['Dana forgot the flag'] }), [[4, 0, 20, 'dana forgot the flag', 'blame word']]);
  });

  it('flags an extra blame word as written, spaces and brackets included; empty entries add nothing', () => {
    const [finding, ...rest] = findingsWith(
      analyze(cause('Ops dropped the ball (again) on the rollout.'), { settings: { blameWords: ['dropped  the ball (again)', '', '  '] } }),
      'blame-language',
    );
    assert.deepEqual(rest, []);
    assert.deepEqual(finding.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 28 } });
    assert.deepEqual(finding.data, { kind: 'blame word', phrase: 'dropped the ball (again)' });
    assert.equal(
      finding.message,
      '"dropped the ball (again)" blames people rather than the system: describe what the system allowed to happen, not who is to blame.',
    );
  });
});

describe('blame-language: owners are not blamed, the rest of their line is read', () => {
  it('blanks the Owner column of a table and reads its other columns, until the table ends', () => {
    const text = measures(
      '| Action | Owner | Due |',
      '|---|---|---|',
      '| Dana forgot the flag | Dana forgot-me-not | 2024-07-01 |',
      '| Add a check | Marco accidentally | 2024-07-02 |',
      '',
      '',
      '| Action | Notes |',
      '|---|---|',
      '| Add a check | Marco accidentally typed it |',
    );
    assert.deepEqual(blames(text), [
      [6, 2, 13, 'dana forgot', PERSON],
      [12, 16, 34, 'marco accidentally', PERSON],
    ]);
  });

  it('reads the columns of a table without outer pipes, and an escaped pipe inside a cell', () => {
    assert.deepEqual(blames(measures('Action | Owner', '---|---', 'Priya broke production | Priya broke production')), [
      [6, 0, 22, 'priya broke production', PERSON],
    ]);
    assert.deepEqual(blames(measures('| Action | Owner |', '|---|---|', '| Use a\\|b pipe, Priya broke production | Marco accidentally |')), [
      [6, 17, 39, 'priya broke production', PERSON],
    ]);
  });

  it('finds the Owner column by a bold header too, and keeps the place of every cell after it', () => {
    assert.deepEqual(blames(measures('| Action | **Owner** |', '|---|---|', '| Add a check | Marco accidentally |')), []);
    assert.deepEqual(blames(measures('| Owner | Action |', '|---|---|', '| Marco accidentally | Dana forgot the flag |')), [
      [6, 23, 34, 'dana forgot', PERSON],
    ]);
  });

  it('counts the columns of a row with a pipe at one end only', () => {
    assert.deepEqual(blames(measures('| Action | Owner', '|---|---', '| Dana forgot the flag | Marco accidentally')), [[6, 2, 13, 'dana forgot', PERSON]]);
    assert.deepEqual(blames(measures('Action | Owner |', '---|---|', 'Dana forgot the flag | Marco accidentally |')), [[6, 0, 11, 'dana forgot', PERSON]]);
  });

  it('reads the text after an owner table as prose again', () => {
    const text = measures('| Action | Owner |', '|---|---|', '| Add a check | Marco accidentally |', '', 'Then Marco accidentally deleted the index.');
    assert.deepEqual(blames(text), [[8, 5, 23, 'marco accidentally', PERSON]]);
  });

  it('blanks an Owner or Assignee field however it is spaced, a name of two words, and a mention of one', () => {
    assert.deepEqual(
      blames(
        measures(
          '- [ ] Add a prompt (Owner : Marco accidentally assigned)',
          '- [ ] Add a prompt (Owner:Marco accidentally assigned)',
          '- [ ] Add a prompt (Assignee: Marco accidentally assigned)',
          '- [ ] Add a prompt (Owner: Dana Lee accidentally assigned)',
          '- [ ] Add a prompt, @Dana.Lee forgot',
        ),
      ),
      [],
    );
  });

  it('blanks an Owner field and an @mention, and still reads the rest of the line', () => {
    const text = measures(
      '- [ ] Add a prompt (Owner: Marco accidentally assigned); Marco accidentally deleted it',
      '- [ ] Add a check @dana.lee-ops forgot, then Kwame forgot to test it',
    );
    assert.deepEqual(blames(text), [
      [4, 57, 75, 'marco accidentally', PERSON],
      [5, 45, 57, 'kwame forgot', PERSON],
    ]);
  });
});
