import { strict as assert } from 'node:assert';
import { findDetachedZone, findTimes, findZoneDeclaration } from '../../../server/src/service/time';

describe('time/declaration: findZoneDeclaration', () => {
  const declarations: { text: string; zoneText: string; zone: string }[] = [
    { text: 'Timeline (all times in Pacific Time)', zoneText: 'Pacific Time', zone: 'America/Los_Angeles' },
    { text: 'All times in CET.', zoneText: 'CET', zone: 'UTC+1' },
    { text: '(all times UTC)', zoneText: 'UTC', zone: 'UTC' },
    { text: '| Time (UTC) | Event |', zoneText: 'UTC', zone: 'UTC' },
    { text: 'Time (UTC)', zoneText: 'UTC', zone: 'UTC' },
    { text: 'times are UTC', zoneText: 'UTC', zone: 'UTC' },
    { text: 'All times are in Eastern Time', zoneText: 'Eastern Time', zone: 'America/New_York' },
    { text: '_All times shown in WAT_', zoneText: 'WAT', zone: 'Africa/Lagos' },
    { text: 'Timezone: America/New_York', zoneText: 'America/New_York', zone: 'America/New_York' },
    { text: 'Time zone: UTC+2', zoneText: 'UTC+2', zone: 'UTC+2' },
    { text: 'Timestamps in IST', zoneText: 'IST', zone: 'Asia/Kolkata' },
    { text: '## Timeline (UTC)', zoneText: 'UTC', zone: 'UTC' },
  ];
  for (const d of declarations) {
    it(`reads "${d.text}" as declaring ${d.zoneText}`, () => {
      const spec = findZoneDeclaration(d.text);
      assert.equal(spec?.text, d.zoneText);
      assert.equal(spec?.zone, d.zone);
    });
  }

  for (const text of ['## Timeline', 'Three times in production', '10:00 AM (UTC) deploy started', 'Root cause (summary)', '']) {
    it(`finds no declaration in "${text}"`, () => assert.equal(findZoneDeclaration(text), null));
  }

  it('applies the ambiguous-zone preference', () => {
    assert.equal(findZoneDeclaration('All times in CST', { ambiguousZones: 'other' })?.zone, 'Asia/Shanghai');
  });
});

describe('time/declaration: findDetachedZone', () => {
  const detached = (text: string) => findDetachedZone(text, findTimes(text))?.text ?? null;

  it('takes a zone in parentheses after a date, apart from the times', () => {
    assert.equal(detached('On January 15, 2024 (UTC), the outage lasted from 10:00 AM to 12:00 PM.'), 'UTC');
    assert.equal(detached('Berlin office (CET): errors from 10:00 to 10:40'), 'CET');
  });

  it('leaves a zone a time carries: inside it, or right after it', () => {
    for (const text of ['10:00 AM (UTC) deploy started', 'from 10:00 to 12:00 (UTC)', 'at 10:00\t(UTC), then at 11:00', 'Root cause (summary) at 10:00']) {
      assert.equal(detached(text), null, text);
    }
  });
});
