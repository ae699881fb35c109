import { strict as assert } from 'node:assert';
import { analyze, findingsWith, md } from '../helpers';

// placeholder and impact-figure, exactly: each finding's range, message, data and related places.

const at = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

describe('placeholder: each finding exactly', () => {
  const skeleton = md(
    '# [Title of the incident]',
    '',
    '## Issue Summary',
    '',
    'Duration: HH:MM to HH:MM',
    'Impact: TBD',
    'Root cause:',
    '',
    '## Timeline',
    '',
    '- HH:MM - <what happened> and [who noticed it] then <what next>',
    '',
    '## Root Cause and Resolution',
    '',
    'The cache expired.',
    '',
    '## Corrective and Preventative Measures',
    '',
    '- Add an alert on the queue depth.',
  );

  it('reports the title, a section of placeholders only (with each place) and a line of several, in document order', () => {
    const found = findingsWith(analyze(skeleton), 'placeholder').map((d) => ({ range: d.range, message: d.message, data: d.data, related: d.related }));
    assert.deepEqual(found, [
      {
        range: at(0, 2, 25),
        message: '"[Title of the incident]" is a placeholder: fill it in.',
        data: { sectionId: null, text: '[Title of the incident]' },
        related: undefined,
      },
      {
        range: at(2, 0, 16),
        message:
          '"Issue Summary" still holds only placeholder text (4 places), so it does not count as written: The short version that executives read first: how long the outage lasted (start and end times with the time zone), what the impact was, and what the root cause was.',
        data: { sectionId: 'summary' },
        related: [
          { range: at(4, 10, 15), message: '"HH:MM" is a placeholder' },
          { range: at(4, 19, 24), message: '"HH:MM" is a placeholder' },
          { range: at(5, 8, 11), message: '"TBD" is a placeholder' },
          { range: at(6, 0, 11), message: 'nothing is written after the label' },
        ],
      },
      {
        range: at(10, 2, 63),
        message: '"HH:MM" is a placeholder: fill it in. (3 more on this line)',
        data: { sectionId: 'timeline', text: 'HH:MM' },
        related: undefined,
      },
    ]);
  });

  it('names an unfilled field, shortens a long placeholder, and counts one place as one', () => {
    const text = md(
      '# Postmortem: login outage',
      '',
      '## Issue Summary',
      '',
      'Duration: 10:00 to HH:MM UTC',
      'Impact: Users could not log in, 40% of them, for an hour.',
      '',
      '## Timeline',
      '',
      '- 10:00 - <a very long placeholder that goes on and on well past the sixty characters limit of quotes>',
      '',
      '## Root Cause and Resolution',
      '',
      'TBD',
    );
    const found = findingsWith(analyze(text), 'placeholder').map((d) => ({ range: d.range, message: d.message, data: d.data, related: d.related }));
    assert.deepEqual(found, [
      {
        range: at(4, 19, 24),
        message:
          '"Duration" is not filled in ("HH:MM" is a placeholder): How long the outage lasted, with its start and end times and their time zone, e.g. `14:30 – 18:45 UTC (4 hours 15 minutes)`. The stated duration should equal end minus start.',
        data: { sectionId: 'summary', fieldId: 'duration' },
        related: undefined,
      },
      {
        range: at(9, 10, 102),
        message: '"<a very long placeholder that goes on and on well past th…" is a placeholder: fill it in.',
        data: { sectionId: 'timeline', text: '<a very long placeholder that goes on and on well past the sixty characters limit of quotes>' },
        related: undefined,
      },
      {
        range: at(11, 0, 28),
        message:
          '"Root Cause and Resolution" still holds only placeholder text (1 place), so it does not count as written: Explains in detail what caused the issue and in detail how it was fixed.',
        data: { sectionId: 'root-cause' },
        related: [{ range: at(13, 0, 3), message: '"TBD" is a placeholder' }],
      },
    ]);
  });
  it('names a field by the label as written, lists each of its places, and reports in document order, not the template order', () => {
    const text = md(
      '# Postmortem: login outage',
      '',
      '## Timeline',
      '',
      '- 10:00 - <what happened>',
      '',
      '## Issue Summary',
      '',
      'Outage length: HH:MM to HH:MM UTC',
      'Impact: Users could not log in, 40% of them.',
    );
    const found = findingsWith(analyze(text), 'placeholder').map((d) => ({ range: d.range, message: d.message, related: d.related }));
    assert.deepEqual(found, [
      { range: at(4, 10, 25), message: '"<what happened>" is a placeholder: fill it in.', related: undefined },
      {
        range: at(8, 15, 29),
        message:
          '"Outage length" is not filled in ("HH:MM" is a placeholder): How long the outage lasted, with its start and end times and their time zone, e.g. `14:30 – 18:45 UTC (4 hours 15 minutes)`. The stated duration should equal end minus start.',
        related: [
          { range: at(8, 15, 20), message: '"HH:MM" is a placeholder' },
          { range: at(8, 24, 29), message: '"HH:MM" is a placeholder' },
        ],
      },
    ]);
  });
});

describe('impact-figure: where the impact is read', () => {
  const impact = (text: string) => findingsWith(analyze(text), 'impact-figure').map((d) => ({ range: d.range, message: d.message, data: d.data }));
  const message =
    'The impact says what happened but not how many were affected: add a figure, e.g. the share of users (30% of users), a count of users, requests or orders, or the money lost.';

  it('flags an Impact field with no figure, on its label', () => {
    const text = md(
      '# Postmortem',
      '',
      '## Issue Summary',
      '',
      'Duration: 10:00 to 11:00 UTC',
      'Impact: Users could not log in and the checkout page was slow.',
      '',
      'Root cause: a bad config.',
    );
    assert.deepEqual(impact(text), [{ range: at(5, 0, 7), message, data: { line: 5 } }]);
  });

  it('reads the figure of an impact sentence in its own paragraph, not in the next one', () => {
    const sentence = 'From 10:00 to 11:00 UTC, users were unable to log in.';
    assert.deepEqual(impact(md('# Postmortem', '', '## Issue Summary', '', sentence, 'This affected about 40% of our users.')), []);
    assert.deepEqual(impact(md('# Postmortem', '', '## Issue Summary', '', sentence, 'The team was paged.', '', 'This affected about 40% of our users.')), [
      { range: at(4, 25, 42), message, data: { line: 4 } },
    ]);
  });

  it('flags an Impact section with no figure, on its heading; a figure elsewhere (the timeline) does not count', () => {
    const text = md(
      '# Postmortem',
      '',
      '## Impact',
      '',
      'The login page failed and support was flooded with tickets.',
      '',
      '## Timeline',
      '',
      '- 10:00 1200 requests failed',
    );
    assert.deepEqual(impact(text), [{ range: at(2, 0, 9), message, data: { line: 2 } }]);
  });

  it('is silent on an empty Impact section or one that holds the slot text only', () => {
    assert.deepEqual(impact(md('# Postmortem', '', '## Impact', '', '## Timeline', '', '- 10:00 the login page failed and 40% of users saw errors')), []);
    assert.deepEqual(impact(md('# Postmortem', '', '## Impact', '', 'Description of impact', '', '## Timeline', '', '- 10:00 page')), []);
  });
});

describe('impact-figure: figures as company reports write them', () => {
  const flagged = (impact: string) => findingsWith(analyze(md('# Postmortem', '', '## Issue Summary', '', `**Impact:** ${impact}`)), 'impact-figure').length;

  it('counts a figure with a billion or thousand suffix, and "no revenue impact"', () => {
    assert.equal(flagged('Estimated 1.21B queries lost.'), 0);
    assert.equal(flagged('About 3k requests failed.'), 0);
    assert.equal(flagged('Queries were lost; no revenue impact.'), 0);
  });

  it('still flags an impact without any figure', () => {
    assert.equal(flagged('Queries were lost and the revenue suffered.'), 1);
  });
});

describe("placeholder: the skeleton's words with a real time are the author's", () => {
  const timeline = (...entries: string[]) =>
    md(
      '# Outage of the API',
      '',
      '## Issue Summary',
      '',
      'From 09:40 to 16:10 UTC most requests failed; the root cause was a bad config push.',
      '',
      '## Timeline',
      '',
      ...entries,
      '',
      '## Root Cause and Resolution',
      '',
      'A bad config push; we rolled it back.',
      '',
      '## Corrective and Preventative Measures',
      '',
      '- Add a canary stage.',
    );

  it('does not call "- 16:10 - Service restored." (a time where the skeleton writes HH:MM) the template text', () => {
    const found = findingsWith(analyze(timeline('- 09:40 - Alerts fired.', '- 16:10 - Service restored.')), 'placeholder');
    assert.deepEqual(found, []);
  });

  it('nor with a date and a time', () => {
    const found = findingsWith(analyze(timeline('- 2024-06-02 09:40 - Alerts fired.', '- **2024-06-02** – Service restored.')), 'placeholder');
    assert.deepEqual(found, []);
  });

  it('still calls the skeleton line with HH:MM the template text', () => {
    const found = findingsWith(analyze(timeline('- 09:40 - Alerts fired.', '- **HH:MM** – Service restored.')), 'placeholder');
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, 9);
  });
});

describe('placeholder: a skeleton line with its date filled in and HH:MM left', () => {
  it('is still the template text', () => {
    const text = md(
      '# Outage of the API',
      '',
      '## Issue Summary',
      '',
      'Between 09:40 and 16:10 UTC most requests failed; the root cause was a bad config push.',
      '',
      '## Timeline',
      '',
      '- 2024-06-02 **HH:MM** – Service restored.',
      '',
      '## Root Cause and Resolution',
      '',
      'A bad config push; we rolled it back.',
    );
    const found = findingsWith(analyze(text), 'placeholder');
    const timeline = found.find((d) => d.range.start.line === 6);
    assert.ok(timeline, JSON.stringify(found.map((d) => d.message)));
    assert.match(timeline.message, /"Timeline" still holds only placeholder text \(1 place\)/);
  });
});

describe('placeholder: a label, a blank line, then a sub-label with its text', () => {
  const doc = (after: string) =>
    md(
      '# Slow site',
      '',
      '## Issue Summary',
      '',
      'From 10:00 to 11:00 UTC pages loaded slowly for all users. The root cause was a small query cache.',
      '',
      '## Root Cause and Resolution',
      '',
      'Root cause:',
      '',
      'The query cache was 64MB.',
      '',
      'Resolution:',
      '',
      after,
    );

  it('reads the sub-label as what the label holds: nothing is missing', () => {
    assert.deepEqual(findingsWith(analyze(doc('Query Cache Adjustment: Increased the cache from 64MB to 256MB.')), 'placeholder'), []);
    assert.deepEqual(findingsWith(analyze(doc('- **Cache size:** raised to 256MB.')), 'placeholder'), []);
  });

  it('still reports the label when only a placeholder follows it', () => {
    const found = findingsWith(analyze(doc('TBD')), 'placeholder').map((d) => d.range.start.line);
    assert.ok(found.includes(12), JSON.stringify(found));
  });
});
