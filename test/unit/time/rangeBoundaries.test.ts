import { strict as assert } from 'node:assert';
import { findTimeRange, minutesBetween } from '../../../server/src/service/time';

// What one end of a range lends the other, at the edges: a bare hour as the end ("9 am to 11"),
// pm written only on the end, a date written on one end when the range crosses midnight or ends
// at the same minute, and every range word.

function range(text: string) {
  const found = findTimeRange(text);
  assert.ok(found, `a range in "${text}"`);
  return found;
}

const iso = (t: ReturnType<typeof range>['start']) =>
  t.date && `${t.date.year}-${String(t.date.month).padStart(2, '0')}-${String(t.date.day).padStart(2, '0')}`;
const clock = (t: ReturnType<typeof range>['start']) => `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;

describe('time/range: a bare hour ends a range after an am/pm start', () => {
  const cases: [text: string, end: string, minutes: number][] = [
    ['from 9am to 11 CET', '11:00', 120],
    ['3 pm - 6 GMT', '18:00', 180],
    ['11 am to 1', '13:00', 120],
    ['9 am to 9', '21:00', 720],
    ['9 am to 12', '12:00', 180],
    ['9 am – 10', '10:00', 60],
    ['9 am until 10', '10:00', 60],
    ['9 am till 10', '10:00', 60],
  ];
  for (const [text, end, minutes] of cases) {
    it(`reads "${text}" as ending at ${end}, ${minutes} minutes`, () => {
      const r = range(text);
      assert.deepEqual([clock(r.end), minutesBetween(r.start, r.end)], [end, minutes]);
      assert.equal(text.slice(r.end.start, r.end.end), r.end.text);
    });
  }

  it('says how it read the bare hour', () => {
    assert.deepEqual(range('3 pm - 6 GMT').end.inferred, ['6 read as 18:00, after 3 pm']);
  });

  it('reads the zone written after the bare hour for both ends', () => {
    const r = range('from 9am to 11 CET');
    assert.equal(r.end.text, '11 CET');
    assert.equal(r.start.zone?.text, 'CET');
  });

  for (const text of [
    '9 am to 13',
    '9 am to 0',
    '11 pm to 1',
    '10 pm to 12',
    '9 am to 5 users',
    '9 am to 5%',
    '9 am to 5 minutes',
    '9 am to 10:30x',
    '09:00 to 11',
  ]) {
    it(`finds no range in "${text}": the number after it is not an hour that can end it`, () => {
      assert.equal(findTimeRange(text), null);
    });
  }
});

describe('time/range: pm written only on the end', () => {
  const cases: [text: string, start: string, minutes: number][] = [
    ['11:00 - 11:30 PM', '23:00', 30],
    ['1:00 - 1:30 PM', '13:00', 30],
    ['12:30 - 1:00 PM', '12:30', 30],
    ['0:30 - 1:00 PM', '00:30', 750],
    ['9:00 - 8:00 PM', '09:00', 660],
    ['10:15 AM - 11:05 PM', '10:15', 770],
    ['10:15 - 11:05 AM', '10:15', 50],
  ];
  for (const [text, start, minutes] of cases) {
    it(`reads "${text}" as starting at ${start}, ${minutes} minutes`, () => {
      const r = range(text);
      assert.deepEqual([clock(r.start), minutesBetween(r.start, r.end)], [start, minutes]);
    });
  }

  it('says the start took pm from the end', () => {
    assert.deepEqual(range('11:00 - 11:30 PM').start.inferred, ['pm taken from the end of the range']);
    assert.equal(range('12:30 - 1:00 PM').start.inferred, undefined);
  });
});

describe('time/range: a date written on one end', () => {
  it('dates the start the day before a dated end when the range crosses midnight', () => {
    const r = range('23:30 - 01:10 UTC on 2024-01-16');
    assert.deepEqual([iso(r.start), iso(r.end), minutesBetween(r.start, r.end)], ['2024-01-15', '2024-01-16', 100]);
    assert.ok(r.start.inferred?.includes('date: the day before the end of the range'), JSON.stringify(r.start.inferred));
  });

  it('dates the start the same day as a dated end when it does not cross midnight', () => {
    const r = range('10:00 - 11:00 UTC on 2024-01-16');
    assert.deepEqual([iso(r.start), iso(r.end), minutesBetween(r.start, r.end)], ['2024-01-16', '2024-01-16', 60]);
    assert.ok(r.start.inferred?.includes('date taken from the end of the range'), JSON.stringify(r.start.inferred));
  });

  it('dates the end the day after a dated start when the range crosses midnight, and says so', () => {
    const r = range('2024-01-15 23:30 to 01:10 UTC');
    assert.deepEqual(r.end.inferred, ['date: the day after the start of the range']);
  });

  it('keeps a range that ends at the minute it starts on one day: 0 minutes, not a day', () => {
    const r = range('2024-01-15 10:00 to 10:00 UTC');
    assert.deepEqual([iso(r.start), iso(r.end), minutesBetween(r.start, r.end)], ['2024-01-15', '2024-01-15', 0]);
  });

  it('lends the start’s zone to the end and says so', () => {
    const r = range('10:00 UTC - 11:00');
    assert.equal(r.end.zone?.zone, 'UTC');
    assert.deepEqual(r.end.inferred, ['zone taken from the start of the range']);
    assert.equal(r.start.inferred, undefined);
  });
});

describe('time/range: the words that join a range', () => {
  for (const word of ['-', '–', '—', '->', '→', 'to', 'until', 'till', 'through', 'thru', 'TO']) {
    it(`reads "10:00 ${word} 11:00" as a range`, () => {
      assert.equal(minutesBetween(range(`10:00 ${word} 11:00 UTC`).start, range(`10:00 ${word} 11:00 UTC`).end), 60);
    });
  }

  it('reads a range with an aside before its separator', () => {
    assert.equal(minutesBetween(range('from ~12:00 (maybe before) to 17:55').start, range('from ~12:00 (maybe before) to 17:55').end), 355);
  });

  for (const lead of [
    'between',
    'between the hours of',
    'between the times of',
    'between the period of',
    'between approximately',
    'between approx.',
    'between about',
    'between around',
    'between roughly',
  ]) {
    it(`reads "${lead} 10:00 and 11:00" as a range`, () => {
      const r = range(`${lead} 10:00 and 11:00 UTC`);
      assert.equal(minutesBetween(r.start, r.end), 60);
    });
  }

  it('does not read "and" as a range without "between" right before the start', () => {
    assert.equal(findTimeRange('between us, 10:00 and 11:00 UTC'), null);
    assert.equal(findTimeRange('at 10:00 and 11:00 UTC'), null);
  });
});

describe('time/range: which bare hour ends a range', () => {
  it('reads no end in a bare 12 after 12 pm (it would be midnight, the next day)', () => {
    assert.equal(findTimeRange('12 pm to 12'), null);
  });

  it('reads a bare hour after the second time of a line as the end of its range', () => {
    const r = range('from 8 am, then 9 am to 11');
    assert.deepEqual([clock(r.start), clock(r.end)], ['09:00', '11:00']);
  });

  it('reads a bare hour as the end when another time follows later in the line', () => {
    const r = range('9 am to 11, then a call at 2 pm');
    assert.deepEqual([clock(r.start), clock(r.end)], ['09:00', '11:00']);
  });
});
