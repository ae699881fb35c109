import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { ActionItem } from '../../../server/src/service';
import { analyze, assertKeepsEveryLine, md, service } from '../helpers';

// Action items as data, and "Convert action items to a table" and back, losing nothing.

function items(...lines: string[]): ActionItem[] {
  return service.actionItems(analyze(md('# Postmortem', '', '## Corrective and Preventative Measures', '', ...lines)));
}

const summary = (i: ActionItem) => ({ text: i.text, done: i.done, owner: i.owner, due: i.due, tickets: i.tickets, notes: i.notes });

describe('action items: reading', () => {
  it('reads text, status, owner, due date and ticket from a task list', () => {
    const [open, done] = items('- [ ] Restore the pool limit (owner: @dana, due 2024-02-01, OPS-12)', '- [x] Alert on pool saturation — @lee, #42');
    assert.deepEqual(summary(open), { text: 'Restore the pool limit', done: false, owner: '@dana', due: '2024-02-01', tickets: ['OPS-12'], notes: [] });
    assert.equal(open.dueDate, '2024-02-01');
    assert.equal(open.status, '[ ]');
    assert.deepEqual(summary(done), { text: 'Alert on pool saturation', done: true, owner: '@lee', due: null, tickets: ['#42'], notes: [] });
  });

  it('reads owners written as Owner:, due dates as words, tickets as links, and notes', () => {
    const [item] = items(
      '- [ ] Split the queue per tenant (Owner: Dana Lee; due: next sprint; ticket: [PAY-7](https://jira.example.com/PAY-7); type: prevent)',
    );
    assert.deepEqual(summary(item), {
      text: 'Split the queue per tenant',
      done: false,
      owner: 'Dana Lee',
      due: 'next sprint',
      tickets: ['[PAY-7](https://jira.example.com/PAY-7)'],
      notes: [{ key: 'type', value: 'prevent' }],
    });
  });

  it('keeps owners and tickets written inside the sentence in the text, and reads them', () => {
    const [item] = items('- @dana to fix the JIRA-123 regression by Friday');
    assert.equal(item.text, '@dana to fix the JIRA-123 regression by Friday');
    assert.equal(item.owner, '@dana');
    assert.equal(item.due, 'Friday');
    assert.deepEqual(item.tickets, ['JIRA-123']);
  });

  it('does not read zones, severities, e-mail addresses or CVEs as owners or tickets', () => {
    const [item] = items('- Move the job to UTC-5, page SEV-1 incidents to ops@example.com, patch CVE-2021-44228');
    assert.equal(item.owner, null);
    assert.deepEqual(item.tickets, []);
  });

  it('reads a table by its columns, whatever their order and names', () => {
    const [first, second] = items(
      '| Action Item | Type | Owner | Bug | Status |',
      '|---|---|---|---|---|',
      '| Update the playbook | mitigate | jennifer | n/a | Done |',
      '| Balance load between clusters | prevent | martin | Bug 5554823 | In progress |',
    );
    assert.deepEqual(summary(first), {
      text: 'Update the playbook',
      done: true,
      owner: 'jennifer',
      due: null,
      tickets: ['n/a'],
      notes: [{ key: 'Type', value: 'mitigate' }],
    });
    assert.equal(second.done, false);
    assert.equal(second.status, 'In progress');
    assert.equal(second.source, 'table');
  });

  it('reads ✅ lines as done and past-tense reports as done, and leaves group labels out', () => {
    const found = items(
      '- Tasks:',
      '  - Patch the server.',
      '  - Implemented request limits.',
      '',
      '**Action Items:**',
      '✅ Increase max connections.  ',
      '⬜ Add failover.',
    );
    assert.deepEqual(
      found.map((i) => [i.text, i.done]),
      [
        ['Patch the server.', false],
        ['Implemented request limits.', true],
        ['Increase max connections.', true],
        ['Add failover.', false],
      ],
    );
  });

  it('folds an item’s own note lines into it', () => {
    const [item, ...rest] = items('- Add a canary stage', '  - Owner: @lee', '  - Due: 2024-03-01');
    assert.deepEqual(rest, []);
    assert.equal(item.owner, '@lee');
    assert.equal(item.due, '2024-03-01');
  });

  it('reads items of the Action Items section of the google-sre template', () => {
    const text = md('---', 'postmortem: { template: google-sre }', '---', '# Postmortem', '', '## Action Items', '', '- [ ] Add a load test');
    assert.deepEqual(
      service.actionItems(analyze(text)).map((i) => i.text),
      ['Add a load test'],
    );
  });

  it('counts open items for stats', () => {
    const found = items('- [ ] One', '- [x] Two', '- [ ] Three');
    assert.equal(found.filter((i) => !i.done).length, 2);
  });
});

function actionAt(text: string, line: number, title: RegExp) {
  const analysis = analyze(text);
  const action = service.writingActionsAt(analysis, { start: { line, character: 0 }, end: { line, character: 0 } }).find((a) => title.test(a.title));
  return { analysis, action };
}

function convert(text: string, line: number, title: RegExp): string {
  const { analysis, action } = actionAt(text, line, title);
  assert.ok(action, `no "${title}" action on line ${line + 1}`);
  return service.applyEdits(text, analysis, action.edits);
}

const withList = md(
  '# Postmortem',
  '',
  '## Corrective and Preventative Measures',
  '',
  'We must see saturation before users do.',
  '',
  '- [ ] Restore the pool limit (owner: @dana, due 2024-02-01, OPS-12)',
  '- [x] Alert on pool saturation above 80% — @lee',
  '- [ ] Split the queue per tenant (type: prevent, priority: P1)',
  '- [ ] Improve | measure latency',
);

describe('action items: converting', () => {
  it('writes a task list as a table with Owner, Due, Ticket and Status columns and any noted column', () => {
    const table = convert(withList, 7, /to a table/);
    assert.equal(
      table,
      md(
        '# Postmortem',
        '',
        '## Corrective and Preventative Measures',
        '',
        'We must see saturation before users do.',
        '',
        '| Action item | Owner | Due | Ticket | Status | type | priority |',
        '|---|---|---|---|---|---|---|',
        '| Restore the pool limit | @dana | 2024-02-01 | OPS-12 | open |  |  |',
        '| Alert on pool saturation above 80% | @lee |  |  | done |  |  |',
        '| Split the queue per tenant |  |  |  | open | prevent | P1 |',
        '| Improve \\| measure latency |  |  |  | open |  |  |',
      ),
    );
  });

  it('writes the table back as the same items, and the table again as the same table', () => {
    const before = service.actionItems(analyze(withList)).map(summary);
    const table = convert(withList, 6, /to a table/);
    const list = convert(table, 8, /to a task list/);
    assert.deepEqual(service.actionItems(analyze(table)).map(summary), before);
    assert.deepEqual(service.actionItems(analyze(list)).map(summary), before);
    assert.equal(convert(list, 6, /to a table/), table);
  });

  it('puts blank lines around a table that would otherwise join the text next to it', () => {
    const text = md('# Postmortem', '', '## Action Items', '**Tasks:**', '- [ ] Add a canary stage', '## Lessons Learned');
    const table = convert(text, 4, /to a table/);
    assert.match(table, /\*\*Tasks:\*\*\n\n\| Action item .*\n\|---.*\n\| Add a canary stage .*\n\n## Lessons Learned$/);
  });

  it('keeps the indentation of a list nested under a group label', () => {
    const text = md('# Postmortem', '', '## Corrective and Preventative Measures', '', '- Tasks:', '  - Patch the server.', '  - Add monitoring on memory.');
    const table = convert(text, 5, /to a table/);
    assert.match(table, /\n {2}\| Action item \|.*\n {2}\|---/);
    assert.deepEqual(
      service.actionItems(analyze(table)).map((i) => i.text),
      ['Patch the server.', 'Add monitoring on memory.'],
    );
  });

  it('converts the lists of the section from its heading, and says which when there are several', () => {
    const text = md('# Postmortem', '', '## Action Items', '', '- [ ] One', '', 'Later:', '', '- [ ] Two');
    const { action } = actionAt(text, 2, /to a table/);
    const titles = service.writingActionsAt(analyze(text), { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }).map((a) => a.title);
    assert.ok(action);
    assert.deepEqual(titles, ['Convert action items to a table (line 5)', 'Convert action items to a table (line 9)']);
  });

  it('offers nothing for a list holding code, or outside the action items', () => {
    const code = md('# Postmortem', '', '## Action Items', '', '- [ ] Run:', '  ```', '  make test', '  ```');
    assert.equal(actionAt(code, 4, /to a table/).action, undefined);
    const elsewhere = md('# Postmortem', '', '## Lessons Learned', '', '- [ ] One');
    assert.equal(actionAt(elsewhere, 4, /to a table/).action, undefined);
  });

  it('is never part of fix-all', () => {
    assert.equal(service.fixAll(withList, { force: true }).text.includes('| Action item |'), false);
  });

  it('keeps every word of any task list through a table and back (property)', function () {
    this.timeout(60_000);
    const word = fc.stringMatching(/^[A-Za-z][a-z]{0,7}$/);
    const task = fc.record({
      done: fc.boolean(),
      words: fc.array(word, { minLength: 1, maxLength: 6 }),
      owner: fc.option(fc.stringMatching(/^@[a-z]{2,6}$/), { nil: undefined }),
      due: fc.option(fc.constantFrom('2024-02-01', 'next sprint', 'Q3'), { nil: undefined }),
      ticket: fc.option(fc.constantFrom('OPS-12', '#42', 'https://example.com/t/1'), { nil: undefined }),
      note: fc.option(fc.constantFrom('type: prevent', 'priority: P1'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(task, { minLength: 1, maxLength: 6 }), (tasks) => {
        const lines = tasks.map((t) => {
          const notes = [t.owner && `owner: ${t.owner}`, t.due && `due: ${t.due}`, t.ticket, t.note].filter(Boolean);
          return `- [${t.done ? 'x' : ' '}] ${t.words.join(' ')}${notes.length ? ` (${notes.join(', ')})` : ''}`;
        });
        const text = md('# Postmortem', '', '## Action Items', '', ...lines);
        const before = service.actionItems(analyze(text)).map(summary);
        const table = convert(text, 4, /to a table/);
        const back = convert(table, 4, /to a task list/);
        assert.deepEqual(service.actionItems(analyze(table)).map(summary), before);
        assert.deepEqual(service.actionItems(analyze(back)).map(summary), before);
        const wordsOf = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}@#]+/gu));
        const kept = wordsOf(table);
        for (const w of wordsOf(text)) if (!['owner', 'due', 'x'].includes(w)) assert.ok(kept.has(w), `"${w}" lost in:\n${table}`);
        assertKeepsEveryLine(md('# Postmortem', '', '## Action Items', ''), back);
      }),
      { seed: 20261201, numRuns: 60 },
    );
  });
});
