import { strict as assert } from 'node:assert';
import type { Template, TemplateField } from '../../../server/src/service';
import { builtinTemplates } from '../../../server/src/service';
import { vagueness } from '../../../server/src/service/rules/vague-action';
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

  it('reads a word with an apostrophe as the word without it: "it\'s" names nothing, "kafka\'s" does', () => {
    assert.deepEqual(vague(["Improve monitoring so it's better", 'Improve monitoring so it’s better', "Improve monitoring of kafka's lag"]), [
      [0, 6, 39, 'Improve monitoring'],
      [1, 6, 39, 'Improve monitoring'],
    ]);
  });

  it('reads the words right after a bold label as part of the task', () => {
    assert.deepEqual(vague(['**Improve monitoring**(of the API)', '**Improve monitoring**: of the thing']), [[1, 6, 42, 'Improve monitoring']]);
  });

  it('reads the text as written, whatever spaces are around it', () => {
    assert.equal(vagueness('  Be more careful  '), 'Be more careful');
    assert.equal(vagueness('  TBD . '), 'TBD .');
    assert.equal(vagueness(' \tImprove   the monitoring '), 'Improve the monitoring');
  });

  it('lets an exhortation go on with a task of its own, and only then', () => {
    assert.deepEqual(
      vague(['Be more careful: add a prompt to `reindex --prod`', 'Be more careful, by adding a confirmation prompt', 'Be more careful, as always']),
      [[2, 6, 32, 'Be more careful']],
    );
  });

  it('takes "aka", "i.e." and "e.g." with or without their dots, and a comma after them, for the start of that task', () => {
    assert.deepEqual(
      vague([
        'Be more careful, a.k.a add retries',
        'Be more careful, i.e add retries',
        'Be more careful, e.g add retries',
        'Be more careful, e.g., add retries',
        'Be more careful — add retries',
        'Be more careful, aka the thing',
      ]),
      [[5, 6, 36, 'Be more careful']],
    );
  });
});

describe('vague-action: postmortem.vagueWords', () => {
  it('trims each phrase, and an empty entry matches nothing, not even before a quote', () => {
    assert.deepEqual(vague(['"Sort out" the thing.x'], { vagueWords: ['', ' sort out '] }), [[0, 6, 28, 'Sort out']]);
    assert.deepEqual(vague(['"Sort out" the thing.x'], { vagueWords: ['  ', 'sort out'] }), [[0, 6, 28, 'Sort out']]);
  });

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

describe('vague-action: the message', () => {
  const standard = builtinTemplates.find((t) => t.id === 'standard') as Template;
  const field = (id: string): TemplateField => ({ id, name: id, aliases: [], required: false, hover: '', placeholder: '' });
  /** The standard template whose action section has these fields. */
  const asking = (...ids: string[]): Template => ({
    ...standard,
    id: `asks-${ids.join('-')}`,
    sections: standard.sections.map((s) => (s.id === 'corrective-actions' ? { ...s, fields: ids.map(field) } : s)),
  });
  const messages = (items: string[], template?: Template) => {
    const text = md('# Postmortem', '', '## Corrective and Preventative Measures', '', ...items.map((i) => `- [ ] ${i}`));
    const options = template ? { customTemplates: [template], settings: { template: template.id } } : {};
    return findingsWith(analyze(text, options), 'vague-action').map((d) => d.message);
  };
  const NOT_A_TASK =
    'is not a task anyone can check off: say what will change, and where (e.g. "Alert when memory on the API servers stays above 90% for 5 minutes").';

  it('quotes a task of up to 60 characters whole, and a longer one cut at a word with an ellipsis', () => {
    assert.deepEqual(
      messages(['Improve the monitoring of all of the systems and the service', 'Improve the monitoring of all of the systems and all the services']),
      [
        `"Improve the monitoring of all of the systems and the service" ${NOT_A_TASK}`,
        `"Improve the monitoring of all of the systems and all the…" ${NOT_A_TASK}`,
      ],
    );
  });

  it('says only what is wrong: vague, no owner or due date, or both in one message', () => {
    assert.deepEqual(
      messages(['Improve monitoring', 'Alert on queue depth above 10k', 'Alert on lag (owner: @lee, due: 2025-01-01)'], asking('owner', 'due')),
      [
        `"Improve monitoring" ${NOT_A_TASK} It has no owner and no due date, which the template asks for: add \`@name\` and \`due: YYYY-MM-DD\`.`,
        '"Alert on queue depth above 10k" has no owner and no due date, which the template asks for: add `@name` and `due: YYYY-MM-DD`.',
      ],
    );
  });

  it('asks for what the template has fields for, each alone: an owner, a due date (id due or due-date)', () => {
    const task = ['Alert on queue depth above 10k'];
    const says = '"Alert on queue depth above 10k" has no';
    assert.deepEqual(messages(task, asking('owner')), [`${says} owner, which the template asks for: add \`@name\`.`]);
    assert.deepEqual(messages(task, asking('due')), [`${says} due date, which the template asks for: add \`due: YYYY-MM-DD\`.`]);
    assert.deepEqual(messages(task, asking('due-date')), [`${says} due date, which the template asks for: add \`due: YYYY-MM-DD\`.`]);
    assert.deepEqual(messages(task, asking('impact')), []);
    assert.deepEqual(messages(['Improve monitoring']), [`"Improve monitoring" ${NOT_A_TASK}`]);
  });
});
