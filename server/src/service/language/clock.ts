// A timeline entry's time as a shape: how the author writes times (`10:15 AM`, `15:00 UTC`,
// `2024-01-19 15:00`, `2100hrs`, `3 pm`), so a new entry can be written the same way.

export interface ClockShape {
  /** Text before the clock as written, e.g. `2024-01-19 ` or `Jan 15, `. */
  before: string;
  hour: number;
  minute: number;
  second?: number;
  style: 'colon' | 'dot' | 'military' | 'hour';
  /** Hours below 10 take a leading zero (`09:05`, or a 24-hour clock written with two digits). */
  padded: boolean;
  /** `AM`, `p.m.`, `pm` as written; absent on a 24-hour clock. */
  meridiem?: string;
  /** Space between the clock and the meridiem. */
  meridiemSpace: string;
  /** `hrs`, ` hrs`, `h` after a military time. */
  militarySuffix: string;
  /** Text after the clock as written: the zone, e.g. ` UTC`, ` (WAT)`, `Z`. */
  after: string;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

const meridiemPattern = /^(\s?)([aApP]\.?[mM]\.?)(?![A-Za-z])/;
const colonClock = /(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])/;
const dotClock = /(?<![\d.])(\d{1,2})\.(\d{2})(?=\s?[aApP]\.?[mM])/;
const militaryClock = /(?<!\d)([01]\d|2[0-3])([0-5]\d)(\s*(?:hrs?|h)\b)/i;
const hourClock = /(?<![\d:.])(\d{1,2})(?=\s?[aApP]\.?[mM]\.?(?![A-Za-z]))/;
const isoDate = /(\d{4})-(\d{2})-(\d{2})/;

/** The shape of a time as written; undefined when it holds no clock. */
export function readClock(text: string): ClockShape | undefined {
  const candidates: { match: RegExpExecArray; style: ClockShape['style'] }[] = [];
  for (const [pattern, style] of [
    [colonClock, 'colon'],
    [dotClock, 'dot'],
    [militaryClock, 'military'],
    [hourClock, 'hour'],
  ] as const) {
    const match = pattern.exec(text);
    if (match) candidates.push({ match, style });
  }
  const first = candidates.sort((a, b) => a.match.index - b.match.index)[0];
  if (!first) return undefined;
  const { match, style } = first;
  let end = match.index + match[0].length;
  let meridiem: string | undefined;
  let meridiemSpace = '';
  let militarySuffix = '';
  if (style === 'military') {
    militarySuffix = match[3];
  } else {
    const m = meridiemPattern.exec(text.slice(end));
    if (m) {
      meridiemSpace = m[1];
      meridiem = m[2];
      end += m[0].length;
    }
  }
  const hour = Number(match[1]);
  const minute = style === 'hour' ? 0 : Number(match[2]);
  if (meridiem ? hour < 1 || hour > 12 : hour > 23) return undefined;
  if (minute > 59) return undefined;
  const hour24 = meridiem ? (hour % 12) + (/^[pP]/.test(meridiem) ? 12 : 0) : hour;
  return {
    before: text.slice(0, match.index),
    hour: hour24,
    minute,
    ...(style === 'colon' && match[3] !== undefined ? { second: Number(match[3]) } : {}),
    style,
    // `10:15 AM` says nothing about padding; `09:05` and a 24-hour `15:00` do.
    padded: match[1].startsWith('0') || (match[1].length === 2 && !meridiem),
    ...(meridiem ? { meridiem } : {}),
    meridiemSpace,
    militarySuffix,
    after: text.slice(end),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

function meridiemFor(written: string, hour24: number): string {
  const pm = hour24 >= 12;
  return written.replace(/[aApP]/, (c) => {
    const letter = pm ? 'p' : 'a';
    return c === c.toUpperCase() ? letter.toUpperCase() : letter;
  });
}

function shiftDate(before: string, date: { year: number; month: number; day: number }): string {
  return before.replace(isoDate, `${date.year}-${pad(date.month)}-${pad(date.day)}`);
}

/** Writes a wall-clock time the way the shape writes its time (an ISO date in it becomes the new date). */
export function writeClock(shape: ClockShape, time: WallClock | { hour: number; minute: number; second?: number }): string {
  const before = 'year' in time ? shiftDate(shape.before, time) : shape.before;
  let clock: string;
  if (shape.style === 'military') {
    clock = `${pad(time.hour)}${pad(time.minute)}${shape.militarySuffix}`;
  } else if (shape.meridiem) {
    const hour12 = time.hour % 12 || 12;
    const hour = shape.padded ? pad(hour12) : String(hour12);
    const minutes = shape.style === 'hour' && time.minute === 0 ? '' : `${shape.style === 'dot' ? '.' : ':'}${pad(time.minute)}`;
    clock = `${hour}${minutes}${shape.meridiemSpace}${meridiemFor(shape.meridiem, time.hour)}`;
  } else {
    const seconds = shape.second !== undefined ? `:${pad(time.second ?? shape.second)}` : '';
    clock = `${shape.padded ? pad(time.hour) : String(time.hour)}:${pad(time.minute)}${seconds}`;
  }
  return `${before}${clock}${shape.after}`;
}

/** The shape's time moved on by some minutes; an ISO date moves with it past midnight. */
export function addMinutes(shape: ClockShape, minutes: number): string {
  const total = shape.hour * 60 + shape.minute + minutes;
  const days = Math.floor(total / 1440);
  const inDay = ((total % 1440) + 1440) % 1440;
  const time = { hour: Math.floor(inDay / 60), minute: inDay % 60, second: shape.second };
  const date = isoDate.exec(shape.before);
  if (!date || days === 0) return writeClock(shape, time);
  const moved = new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]) + days));
  return writeClock(shape, { ...time, year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() });
}

/** `writeClock`, in its three parts: the text before the clock (a date), the clock, the text after it (the zone). */
export function writeClockParts(
  shape: ClockShape,
  time: WallClock | { hour: number; minute: number; second?: number },
): { before: string; clock: string; after: string } {
  const bare = { ...shape, before: '', after: '' };
  const before = 'year' in time ? shiftDate(shape.before, time) : shape.before;
  return { before, clock: writeClock(bare, time), after: shape.after };
}
