import { strict as assert } from 'node:assert';
import { outline } from '../../server/src/service/language/symbols';
import { analyze, findingsWith, md } from './helpers';

// A summary that states its impact and root cause in sentences has those fields: no missing-field,
// and the fix does not offer a duplicate.

const summary = (...body: string[]) =>
  md(
    '# Postmortem: payments stalled',
    '',
    '## Issue Summary',
    '',
    ...body,
    '',
    '## Timeline',
    '',
    '- 10:00 UTC - alert fired',
    '- 11:15 UTC - service restored',
    '',
    '## Root Cause and Resolution',
    '',
    'A nightly job held a lock; we killed it and added a timeout.',
    '',
    '## Corrective and Preventative Measures',
    '',
    '- [ ] Add a lock timeout to the nightly job',
  );

const missingFields = (text: string) => findingsWith(analyze(text), 'missing-field').map((d) => String(d.data?.fieldId));

describe('fields stated in sentences', () => {
  it('reads a root cause and an impact told in sentences as the summary fields', () => {
    const text = summary(
      'From 10:00 to 11:15 UTC on 4 May 2024 checkout failed.',
      'About 6,300 customers (around 12% of orders) could not pay. The root cause was a reconciliation job that locked the ledger.',
    );
    assert.deepEqual(missingFields(text), []);
    const fields = analyze(text).document.fields.filter((f) => f.style === 'sentence');
    assert.deepEqual(
      fields.map((f) => [f.id, f.label]),
      [
        ['impact', '6,300 customers'],
        ['root-cause', 'root cause'],
      ],
    );
    assert.equal(fields[1].value, 'The root cause was a reconciliation job that locked the ledger.');
  });

  it('reads "was caused by" and "users could not" as the root cause and the impact', () => {
    const text = summary('From 10:00 to 11:15 UTC on 4 May 2024 users could not log in. The outage was caused by an expired certificate.');
    assert.deepEqual(missingFields(text), []);
  });

  it('reads a share of users in a sentence as the impact ("errors for 80% of users", "99.5 % of requests")', () => {
    for (const impact of ['the API returned errors for 80% of users.', 'about 99.5 % of requests timed out.']) {
      const text = summary(`From 10:00 to 11:15 UTC on 4 May 2024 ${impact} The outage was caused by an expired certificate.`);
      assert.deepEqual(missingFields(text), [], impact);
      const field = analyze(text).document.fields.find((f) => f.id === 'impact');
      assert.ok(field, impact);
      assert.match(field.label, /%$/);
    }
  });

  it('still reports what no sentence states', () => {
    const text = summary('From 10:00 to 11:15 UTC on 4 May 2024 the login page was slow.');
    assert.deepEqual(missingFields(text).sort(), ['impact', 'root-cause']);
  });

  it('does not take a field written with a label for a second one, nor copy a sentence as the style of a new field', () => {
    const text = summary(
      '- **Duration:** 10:00 – 11:15 UTC, 4 May 2024',
      '- **Impact:** 40% of logins failed.',
      'The outage was caused by an expired certificate.',
    );
    const analysis = analyze(text);
    assert.deepEqual(
      analysis.document.fields.filter((f) => f.sectionId === 'summary').map((f) => [f.id, f.style]),
      [
        ['duration', 'list'],
        ['impact', 'list'],
        ['root-cause', 'sentence'],
      ],
    );
    assert.deepEqual(missingFields(text), []);
  });

  it('leaves sentence fields out of the outline', () => {
    const text = summary('From 10:00 to 11:15 UTC on 4 May 2024 users could not log in. The outage was caused by an expired certificate.');
    // Sections sit under the title, as in Markdown's outline: search the whole tree.
    const all = (nodes: ReturnType<typeof outline>): ReturnType<typeof outline> => nodes.flatMap((n) => [n, ...all(n.children)]);
    const summaryNode = all(outline(analyze(text))).find((s) => s.name === 'Issue Summary');
    assert.ok(summaryNode, 'the summary is in the outline');
    assert.deepEqual(
      summaryNode.children.filter((c) => c.kind === 'field'),
      [],
    );
  });
});
