import { strict as assert } from 'node:assert';
import { AMBIGUOUS_ABBREVIATIONS, parseZone } from '../../../server/src/service/time';

describe('time/zones: parseZone', () => {
  const readings: { text: string; zone: string; region?: string }[] = [
    // abbreviations of zones without DST read as the IANA zone
    { text: 'UTC', zone: 'UTC' },
    { text: 'utc', zone: 'UTC' },
    { text: 'GMT', zone: 'UTC' },
    { text: 'Z', zone: 'UTC' },
    { text: 'WAT', zone: 'Africa/Lagos' },
    { text: 'CAT', zone: 'Africa/Maputo' },
    { text: 'EAT', zone: 'Africa/Nairobi' },
    { text: 'SAST', zone: 'Africa/Johannesburg' },
    { text: 'JST', zone: 'Asia/Tokyo' },
    { text: 'KST', zone: 'Asia/Seoul' },
    { text: 'SGT', zone: 'Asia/Singapore' },
    { text: 'HKT', zone: 'Asia/Hong_Kong' },
    { text: 'MSK', zone: 'Europe/Moscow' },
    { text: 'HST', zone: 'Pacific/Honolulu' },
    // a country's or a city's time, a plus spaced on both sides
    { text: 'Nigeria time', zone: 'Africa/Lagos' },
    { text: 'Kenyan time', zone: 'Africa/Nairobi' },
    { text: 'South African Standard Time', zone: 'Africa/Johannesburg' },
    { text: 'GMT + 1', zone: 'UTC+1' },
    // season-specific abbreviations read literally, with the region they belong to
    { text: 'PST', zone: 'UTC-8', region: 'America/Los_Angeles' },
    { text: 'PDT', zone: 'UTC-7', region: 'America/Los_Angeles' },
    { text: 'MST', zone: 'UTC-7', region: 'America/Denver' },
    { text: 'MDT', zone: 'UTC-6', region: 'America/Denver' },
    { text: 'CDT', zone: 'UTC-5', region: 'America/Chicago' },
    { text: 'EST', zone: 'UTC-5', region: 'America/New_York' },
    { text: 'EDT', zone: 'UTC-4', region: 'America/New_York' },
    { text: 'AKST', zone: 'UTC-9', region: 'America/Anchorage' },
    { text: 'WET', zone: 'UTC', region: 'Europe/Lisbon' },
    { text: 'CET', zone: 'UTC+1', region: 'Europe/Paris' },
    { text: 'CEST', zone: 'UTC+2', region: 'Europe/Paris' },
    { text: 'EET', zone: 'UTC+2', region: 'Europe/Helsinki' },
    { text: 'EEST', zone: 'UTC+3', region: 'Europe/Helsinki' },
    { text: 'AEST', zone: 'UTC+10', region: 'Australia/Sydney' },
    { text: 'AEDT', zone: 'UTC+11', region: 'Australia/Sydney' },
    { text: 'NZST', zone: 'UTC+12', region: 'Pacific/Auckland' },
    // generic names follow the region's clock, DST included
    { text: 'PT', zone: 'America/Los_Angeles' },
    { text: 'ET', zone: 'America/New_York' },
    { text: 'CT', zone: 'America/Chicago' },
    { text: 'MT', zone: 'America/Denver' },
    { text: 'Pacific Time', zone: 'America/Los_Angeles' },
    { text: 'Eastern Time', zone: 'America/New_York' },
    { text: 'central time', zone: 'America/Chicago' },
    { text: 'Mountain Time', zone: 'America/Denver' },
    { text: 'West Africa Time', zone: 'Africa/Lagos' },
    { text: 'Pacific Standard Time', zone: 'UTC-8', region: 'America/Los_Angeles' },
    // offsets
    { text: 'UTC+2', zone: 'UTC+2' },
    { text: 'UTC-5', zone: 'UTC-5' },
    { text: 'GMT+1', zone: 'UTC+1' },
    { text: 'UTC+05:30', zone: 'UTC+5:30' },
    { text: 'UTC+0530', zone: 'UTC+5:30' },
    { text: 'GMT-03:30', zone: 'UTC-3:30' },
    { text: 'UTC+0', zone: 'UTC' },
    { text: '(UTC+2)', zone: 'UTC+2' },
    // IANA names
    { text: 'America/New_York', zone: 'America/New_York' },
    { text: 'Europe/London', zone: 'Europe/London' },
    { text: 'America/Argentina/Buenos_Aires', zone: 'America/Argentina/Buenos_Aires' },
  ];
  for (const r of readings) {
    it(`reads "${r.text}" as ${r.zone}`, () => {
      const spec = parseZone(r.text);
      assert.ok(spec, `no zone read from ${r.text}`);
      assert.equal(spec.zone, r.zone);
      assert.equal(spec.region, r.region);
      assert.equal(spec.ambiguous, undefined);
    });
  }

  it('reads a zone with spaces around it, and a named zone with several spaces between its words', () => {
    assert.equal(parseZone('  PST \t')?.zone, parseZone('PST')?.zone);
    assert.ok(parseZone('PST'));
    assert.equal(parseZone(' (UTC+2) ')?.zone, 'UTC+2');
    // The name is looked up with its spaces made one: "Pacific  Time" is "Pacific Time".
    assert.equal(parseZone('Pacific  Time')?.zone, parseZone('Pacific Time')?.zone);
    assert.ok(parseZone('Pacific Time'));
    assert.equal(parseZone('Pacific \t Time')?.zone, parseZone('Pacific Time')?.zone);
  });

  it('reads gmt and utc in lower case, and an offset up to 59 minutes', () => {
    assert.ok(parseZone('GMT'));
    assert.equal(parseZone('gmt')?.zone, parseZone('GMT')?.zone);
    assert.equal(parseZone('utc')?.zone, parseZone('UTC')?.zone);
    assert.equal(parseZone('UTC+05:59')?.zone, 'UTC+5:59');
    assert.equal(parseZone('UTC+05:60'), null);
  });

  it('keeps the zone text as written, without parentheses', () => {
    assert.equal(parseZone('(PST)')?.text, 'PST');
    assert.equal(parseZone('GMT+1')?.text, 'GMT+1');
    assert.equal(parseZone('Pacific Time')?.text, 'Pacific Time');
  });

  const notZones = ['eat', 'cat', 'Cst', 'PR', 'IT', 'UTC - 11', 'UTC+15', 'Foo/Bar', 'Pacific', '10:00', '', '(UTC'];
  for (const text of notZones) {
    it(`does not read "${text}" as a zone`, () => assert.equal(parseZone(text), null));
  }

  const ambiguous: { text: string; us: string; other: string }[] = [
    { text: 'CST', us: 'UTC-6', other: 'Asia/Shanghai' },
    { text: 'IST', us: 'Asia/Kolkata', other: 'UTC+1' },
    { text: 'BST', us: 'UTC+1', other: 'Asia/Dhaka' },
    { text: 'AST', us: 'UTC-4', other: 'Asia/Riyadh' },
  ];
  for (const a of ambiguous) {
    it(`reads the ambiguous ${a.text} by preference and says which reading was chosen`, () => {
      const us = parseZone(a.text);
      const other = parseZone(a.text, { ambiguousZones: 'other' });
      assert.equal(us?.zone, a.us);
      assert.equal(other?.zone, a.other);
      assert.deepEqual(
        us?.ambiguous?.readings,
        AMBIGUOUS_ABBREVIATIONS[a.text].map((r) => r.name),
      );
      assert.equal(us?.ambiguous?.chosen, AMBIGUOUS_ABBREVIATIONS[a.text][0].name);
      assert.equal(other?.ambiguous?.chosen, AMBIGUOUS_ABBREVIATIONS[a.text][1].name);
    });
  }

  it('lists Israel Standard Time among the readings of IST', () => {
    assert.ok(parseZone('IST')?.ambiguous?.readings.some((r) => r.startsWith('Israel')));
  });
});
