// Stated durations ("Duration: 4 hours and 15 minutes", "~90 min", "4h15m") and how we write them.
import type { StatedDuration } from './types';

const UNIT_MINUTES: Record<string, number> = { w: 7 * 24 * 60, d: 24 * 60, h: 60, m: 1, s: 1 / 60 };

const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  fifty: 50,
  sixty: 60,
  ninety: 90,
  half: 0.5,
  'half a': 0.5,
  'half an': 0.5,
};

// Long units may follow words ("two hours"); short ones only digits ("90 min"),
// and one-letter units only touching them ("4h15m"), so "5 m users" is not a duration.
const LONG_UNIT = '(?:weeks?|days?|hours?|minutes?|seconds?)';
const SHORT_UNIT = '(?:wks?|hrs?|mins?|secs?)';
const LETTER_UNIT = '[wdhms]';
const WORD_NUMBER = Object.keys(WORD_NUMBERS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const part = (capture: boolean) => {
  const g = (body: string) => (capture ? `(${body})` : `(?:${body})`);
  return (
    `(?:(?<![\\p{N}.:])${g('\\d+(?:\\.\\d+)?')}(?:\\s*${g(`${LONG_UNIT}|${SHORT_UNIT}`)}|${g(LETTER_UNIT)})` +
    `|(?<![\\p{L}\\p{N}])${g(WORD_NUMBER)}\\s+${g(LONG_UNIT)})(?!\\p{L})`
  );
};
const DURATION = new RegExp(`(?<![\\p{L}\\p{N}.:])${part(false)}(?:(?:\\s*,)?(?:\\s+and)?\\s*${part(false)})*`, 'iu');
const ONE_PART = new RegExp(part(true), 'giu');
const APPROXIMATE_BEFORE = /(?:~|≈|\b(?:about|around|approx\.?|approximately|roughly|nearly|almost|over|under))\s*$/i;

const unitMinutes = (unit: string) => UNIT_MINUTES[unit.toLowerCase().startsWith('mi') ? 'm' : unit[0].toLowerCase()];

/** The first duration stated in `text`, in minutes. */
export function parseStatedDuration(text: string): StatedDuration | null {
  const m = DURATION.exec(text);
  if (!m) return null;
  let minutes = 0;
  for (const [, digits, unit, letter, word, wordUnit] of m[0].matchAll(ONE_PART)) {
    const amount = word ? WORD_NUMBERS[word.toLowerCase().replace(/\s+/g, ' ')] : Number(digits);
    minutes += amount * unitMinutes(unit ?? letter ?? wordUnit);
  }
  const start = m.index;
  return {
    minutes,
    start,
    end: start + m[0].length,
    text: m[0],
    ...(APPROXIMATE_BEFORE.test(text.slice(0, start)) ? { approximate: true } : {}),
  };
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** "4 hours 15 minutes", "1 hour", "45 minutes", "2 days 3 hours"; rounded to whole minutes. */
export function formatDuration(minutes: number): string {
  const total = Math.round(Math.abs(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  const parts = [days && plural(days, 'day'), hours && plural(hours, 'hour'), rest && plural(rest, 'minute')].filter(Boolean);
  return `${minutes < 0 && total ? '-' : ''}${parts.join(' ') || '0 minutes'}`;
}
