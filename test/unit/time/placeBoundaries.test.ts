import { strict as assert } from 'node:assert';
import { findTimes, placeTime } from '../../../server/src/service/time';

// time/place at its edges: a day whose year is a stand-in is no real instant, whichever of the day
// and the time says so; a local time without a zone keeps its seconds; what resolving assumed is
// kept only when the zone was given; a zone luxon does not know places nothing.

const time = (text: string) => {
  const [t] = findTimes(text);
  assert.ok(t, `a time in "${text}"`);
  return t;
};
const DAY = { year: 2024, month: 1, day: 2 };
const UTC = { text: 'UTC', zone: 'UTC' };

describe('time/place: placing a time on a day in a zone', () => {
  it('gives no real instant for a day whose year is a stand-in, but still one to compare by', () => {
    const placed = placeTime(time('10:30'), { ...DAY, yearUnknown: true }, UTC);
    assert.deepEqual(placed && [placed.millis, placed.iso, placed.at], [null, null, Date.UTC(2024, 0, 2, 10, 30)]);
  });

  it('gives no real instant for a time whose own year is a stand-in', () => {
    const placed = placeTime({ ...time('10:30'), yearUnknown: true }, DAY, UTC);
    assert.deepEqual(placed && [placed.millis, placed.iso], [null, null]);
  });

  it('gives the real instant when the day, its year and the zone are known', () => {
    const placed = placeTime(time('10:30'), DAY, UTC);
    assert.deepEqual(placed && [placed.millis, placed.iso], [Date.UTC(2024, 0, 2, 10, 30), '2024-01-02T10:30:00Z']);
  });

  it('writes the seconds of a local time without a zone', () => {
    assert.equal(placeTime(time('10:30:15'), DAY, null)?.iso, '2024-01-02T10:30:15');
  });

  it('keeps what resolving assumed when the zone is given: a time skipped by spring-forward', () => {
    const placed = placeTime(time('02:30'), { year: 2024, month: 3, day: 10 }, { text: 'ET', zone: 'America/New_York' });
    assert.equal(placed?.assumptions.length, 1);
    assert.match(placed?.assumptions[0] ?? '', /did not exist on 2024-03-10/);
  });

  it('places nothing in a zone luxon does not know', () => {
    assert.equal(placeTime(time('10:30'), DAY, { text: 'XYZ', zone: 'Nowhere/Atlantis' }), null);
  });
});
