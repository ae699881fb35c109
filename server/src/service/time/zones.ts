// Zone text → luxon zone. Postmortems name zones four ways: abbreviations (WAT, PST),
// offsets (UTC+2, GMT+1), IANA names (America/New_York) and spoken names (Pacific Time).
import { IANAZone } from 'luxon';
import type { TimeReadingOptions, ZoneSpec } from './types';

interface ZoneReading {
  name: string;
  /** luxon zone name */
  zone: string;
  /** the region whose clocks a season-specific abbreviation names */
  region?: string;
}

// Abbreviations that name one season of a region's clock are read literally as that fixed
// offset (PST is UTC-8 even in July); `region` lets rules notice the season mismatch.
// Abbreviations of zones without DST are read as the IANA zone, which also knows history.
const ABBREVIATIONS: Record<string, ZoneReading> = {
  UTC: { name: 'Coordinated Universal Time', zone: 'UTC' },
  GMT: { name: 'Greenwich Mean Time', zone: 'UTC' },
  Z: { name: 'Zulu time', zone: 'UTC' },
  WAT: { name: 'West Africa Time', zone: 'Africa/Lagos' },
  CAT: { name: 'Central Africa Time', zone: 'Africa/Maputo' },
  EAT: { name: 'East Africa Time', zone: 'Africa/Nairobi' },
  SAST: { name: 'South Africa Standard Time', zone: 'Africa/Johannesburg' },
  WET: { name: 'Western European Time', zone: 'UTC', region: 'Europe/Lisbon' },
  WEST: { name: 'Western European Summer Time', zone: 'UTC+1', region: 'Europe/Lisbon' },
  CET: { name: 'Central European Time', zone: 'UTC+1', region: 'Europe/Paris' },
  CEST: { name: 'Central European Summer Time', zone: 'UTC+2', region: 'Europe/Paris' },
  EET: { name: 'Eastern European Time', zone: 'UTC+2', region: 'Europe/Helsinki' },
  EEST: { name: 'Eastern European Summer Time', zone: 'UTC+3', region: 'Europe/Helsinki' },
  MSK: { name: 'Moscow Standard Time', zone: 'Europe/Moscow' },
  GST: { name: 'Gulf Standard Time', zone: 'Asia/Dubai' },
  PKT: { name: 'Pakistan Standard Time', zone: 'Asia/Karachi' },
  ICT: { name: 'Indochina Time', zone: 'Asia/Bangkok' },
  WIB: { name: 'Western Indonesia Time', zone: 'Asia/Jakarta' },
  SGT: { name: 'Singapore Time', zone: 'Asia/Singapore' },
  HKT: { name: 'Hong Kong Time', zone: 'Asia/Hong_Kong' },
  PHT: { name: 'Philippine Time', zone: 'Asia/Manila' },
  JST: { name: 'Japan Standard Time', zone: 'Asia/Tokyo' },
  KST: { name: 'Korea Standard Time', zone: 'Asia/Seoul' },
  AWST: { name: 'Australian Western Standard Time', zone: 'Australia/Perth' },
  ACST: { name: 'Australian Central Standard Time', zone: 'UTC+9:30', region: 'Australia/Adelaide' },
  ACDT: { name: 'Australian Central Daylight Time', zone: 'UTC+10:30', region: 'Australia/Adelaide' },
  AEST: { name: 'Australian Eastern Standard Time', zone: 'UTC+10', region: 'Australia/Sydney' },
  AEDT: { name: 'Australian Eastern Daylight Time', zone: 'UTC+11', region: 'Australia/Sydney' },
  NZST: { name: 'New Zealand Standard Time', zone: 'UTC+12', region: 'Pacific/Auckland' },
  NZDT: { name: 'New Zealand Daylight Time', zone: 'UTC+13', region: 'Pacific/Auckland' },
  HST: { name: 'Hawaii-Aleutian Standard Time', zone: 'Pacific/Honolulu' },
  AKST: { name: 'Alaska Standard Time', zone: 'UTC-9', region: 'America/Anchorage' },
  AKDT: { name: 'Alaska Daylight Time', zone: 'UTC-8', region: 'America/Anchorage' },
  PST: { name: 'Pacific Standard Time', zone: 'UTC-8', region: 'America/Los_Angeles' },
  PDT: { name: 'Pacific Daylight Time', zone: 'UTC-7', region: 'America/Los_Angeles' },
  MST: { name: 'Mountain Standard Time', zone: 'UTC-7', region: 'America/Denver' },
  MDT: { name: 'Mountain Daylight Time', zone: 'UTC-6', region: 'America/Denver' },
  CDT: { name: 'Central Daylight Time', zone: 'UTC-5', region: 'America/Chicago' },
  EST: { name: 'Eastern Standard Time', zone: 'UTC-5', region: 'America/New_York' },
  EDT: { name: 'Eastern Daylight Time', zone: 'UTC-4', region: 'America/New_York' },
  ADT: { name: 'Atlantic Daylight Time', zone: 'UTC-3', region: 'America/Halifax' },
  NST: { name: 'Newfoundland Standard Time', zone: 'UTC-3:30', region: 'America/St_Johns' },
  NDT: { name: 'Newfoundland Daylight Time', zone: 'UTC-2:30', region: 'America/St_Johns' },
  BRT: { name: 'Brasília Time', zone: 'America/Sao_Paulo' },
  ART: { name: 'Argentina Time', zone: 'America/Argentina/Buenos_Aires' },
  // Generic names follow the region's clock through the year, DST included.
  PT: { name: 'Pacific Time', zone: 'America/Los_Angeles' },
  MT: { name: 'Mountain Time', zone: 'America/Denver' },
  CT: { name: 'Central Time', zone: 'America/Chicago' },
  ET: { name: 'Eastern Time', zone: 'America/New_York' },
  AKT: { name: 'Alaska Time', zone: 'America/Anchorage' },
};

/**
 * Abbreviations with more than one common meaning. The first reading is chosen for
 * `ambiguousZones: 'us'` (the default, the usual reading in US and international tech writing),
 * the second for 'other':
 *
 * | abbr | 'us' (default)                 | 'other'                      | also listed      |
 * |------|--------------------------------|------------------------------|------------------|
 * | CST  | Central Standard Time, UTC-6   | China Standard Time, UTC+8   |                  |
 * | IST  | India Standard Time, UTC+5:30  | Irish Standard Time, UTC+1   | Israel, UTC+2    |
 * | BST  | British Summer Time, UTC+1     | Bangladesh Standard Time, +6 |                  |
 * | AST  | Atlantic Standard Time, UTC-4  | Arabia Standard Time, UTC+3  |                  |
 */
export const AMBIGUOUS_ABBREVIATIONS: Record<string, ZoneReading[]> = {
  CST: [
    { name: 'Central Standard Time (US, UTC-6)', zone: 'UTC-6', region: 'America/Chicago' },
    { name: 'China Standard Time (UTC+8)', zone: 'Asia/Shanghai' },
  ],
  IST: [
    { name: 'India Standard Time (UTC+5:30)', zone: 'Asia/Kolkata' },
    { name: 'Irish Standard Time (UTC+1)', zone: 'UTC+1', region: 'Europe/Dublin' },
    { name: 'Israel Standard Time (UTC+2)', zone: 'UTC+2', region: 'Asia/Jerusalem' },
  ],
  BST: [
    { name: 'British Summer Time (UTC+1)', zone: 'UTC+1', region: 'Europe/London' },
    { name: 'Bangladesh Standard Time (UTC+6)', zone: 'Asia/Dhaka' },
  ],
  AST: [
    { name: 'Atlantic Standard Time (UTC-4)', zone: 'UTC-4', region: 'America/Halifax' },
    { name: 'Arabia Standard Time (UTC+3)', zone: 'Asia/Riyadh' },
  ],
};

// Spoken names, matched case-insensitively: every table name plus a few regional ones.
const NAMED: Record<string, ZoneReading> = Object.fromEntries([
  ...Object.values(ABBREVIATIONS).map((r) => [r.name.toLowerCase(), r]),
  ['uk time', { name: 'UK time', zone: 'Europe/London' }],
  ['london time', { name: 'London time', zone: 'Europe/London' }],
  ['hawaii time', { name: 'Hawaii time', zone: 'Pacific/Honolulu' }],
  ['india standard time', { name: 'India Standard Time', zone: 'Asia/Kolkata' }],
  ['china standard time', { name: 'China Standard Time', zone: 'Asia/Shanghai' }],
  ['british summer time', { name: 'British Summer Time', zone: 'UTC+1', region: 'Europe/London' }],
  ['central standard time', { name: 'Central Standard Time', zone: 'UTC-6', region: 'America/Chicago' }],
  // "Nigeria time", "South African Standard Time": a country's or a city's time, where its zone is one.
  ...(
    [
      ['Africa/Lagos', ['nigeria', 'nigerian', 'lagos']],
      ['Africa/Nairobi', ['kenya', 'kenyan', 'nairobi']],
      ['Africa/Johannesburg', ['south africa', 'south african', 'south africa standard', 'south african standard', 'johannesburg']],
      ['Africa/Accra', ['ghana', 'ghanaian', 'accra']],
      ['Africa/Cairo', ['egypt', 'egyptian', 'cairo']],
      ['Africa/Casablanca', ['morocco', 'moroccan', 'casablanca']],
      ['Africa/Addis_Ababa', ['ethiopia', 'ethiopian', 'addis ababa']],
      ['Africa/Kampala', ['uganda', 'ugandan', 'kampala']],
      ['Africa/Kigali', ['rwanda', 'rwandan', 'kigali']],
      ['Africa/Dar_es_Salaam', ['tanzania', 'tanzanian']],
    ] as const
  ).flatMap(([zone, places]) => places.map((place) => [`${place} time`, { name: `${place.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase())} time`, zone }])),
]);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NAMED_PATTERN = new RegExp(
  `(${Object.keys(NAMED)
    .sort((a, b) => b.length - a.length)
    .map((n) => escapeRegExp(n).replace(/ /g, '\\s+'))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'iuy',
);
// "UTC+2", "GMT-05:00", "UTC+0530". No space inside, so "UTC - 11:00" stays a range.
const OFFSET_PATTERN = /(UTC|GMT)([+\-−])(\d{1,2})(?::?(\d{2}))?(?![\d:])/iy;
// "GMT +1", "UTC -5": a space before the sign only, whole hours, so "UTC - 11" stays a range.
const SPACED_OFFSET_PATTERN = /(UTC|GMT)[ \t]([+\-−])(\d{1,2})()(?![\d:.])/iy;
// "GMT + 1": a plus spaced on both sides (no range is written with a plus).
const SPACED_PLUS_PATTERN = /(UTC|GMT)[ \t]*(\+)[ \t]*(\d{1,2})()(?![\d:.])/iy;
const IANA_PATTERN = /[A-Z][A-Za-z]+(?:\/[A-Za-z][\w-]*){1,2}/y;
const ABBREVIATION_PATTERN = /[A-Za-z]{1,5}(?![\p{L}\p{N}])/uy;
const LEAD_PATTERN = /[ \t]*,?[ \t]*(\(?)[ \t]*(?:in[ \t]+)?/y;
const CLOSE_PATTERN = /[ \t]*\)/y;

/** Zone name luxon understands for a fixed offset in minutes: "UTC", "UTC+2", "UTC-3:30". */
export function offsetZoneName(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}

type ZoneOptions = Pick<TimeReadingOptions, 'ambiguousZones'>;

function fromReading(text: string, reading: ZoneReading): ZoneSpec {
  return reading.region ? { text, zone: reading.zone, region: reading.region } : { text, zone: reading.zone };
}

function readAbbreviation(token: string, options?: ZoneOptions): ZoneSpec | null {
  const upper = token.toUpperCase();
  // Only UTC and GMT are read in lower case: "eat", "cat", "art" are words.
  if (token !== upper && upper !== 'UTC' && upper !== 'GMT') return null;
  const readings = AMBIGUOUS_ABBREVIATIONS[upper];
  if (readings) {
    const chosen = options?.ambiguousZones === 'other' ? readings[1] : readings[0];
    return { ...fromReading(token, chosen), ambiguous: { readings: readings.map((r) => r.name), chosen: chosen.name } };
  }
  const reading = ABBREVIATIONS[upper];
  return reading ? fromReading(token, reading) : null;
}

function stickyMatch(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** The zone token starting exactly at `at`, without surrounding punctuation. */
function readZoneToken(text: string, at: number, options?: ZoneOptions): { spec: ZoneSpec; end: number } | null {
  const offset = stickyMatch(OFFSET_PATTERN, text, at) ?? stickyMatch(SPACED_OFFSET_PATTERN, text, at) ?? stickyMatch(SPACED_PLUS_PATTERN, text, at);
  if (offset) {
    const hours = Number(offset[3]);
    const minutes = Number(offset[4] ?? 0);
    if (hours > 14 || minutes > 59) return null;
    const sign = offset[2] === '+' ? 1 : -1;
    const zone = offsetZoneName(sign * (hours * 60 + minutes));
    return { spec: { text: offset[0], zone }, end: at + offset[0].length };
  }
  const iana = stickyMatch(IANA_PATTERN, text, at);
  if (iana && IANAZone.isValidZone(iana[0])) {
    return { spec: { text: iana[0], zone: iana[0] }, end: at + iana[0].length };
  }
  const named = stickyMatch(NAMED_PATTERN, text, at);
  if (named) {
    return { spec: fromReading(named[0], NAMED[named[1].toLowerCase().replace(/\s+/g, ' ')]), end: at + named[0].length };
  }
  const abbreviation = stickyMatch(ABBREVIATION_PATTERN, text, at);
  const spec = abbreviation && readAbbreviation(abbreviation[0], options);
  return spec ? { spec, end: at + abbreviation[0].length } : null;
}

/**
 * A zone written at `at`, after optional spaces, a comma and an opening parenthesis:
 * " UTC", " (PST)", ", America/New_York". `end` includes a closing parenthesis.
 */
export function readZoneAt(text: string, at: number, options?: ZoneOptions): { spec: ZoneSpec; start: number; end: number } | null {
  const lead = stickyMatch(LEAD_PATTERN, text, at);
  if (!lead) return null;
  const start = at + lead[0].length;
  const token = readZoneToken(text, start, options);
  if (!token) return null;
  if (!lead[1]) return { spec: token.spec, start, end: token.end };
  const close = stickyMatch(CLOSE_PATTERN, text, token.end);
  return close ? { spec: token.spec, start, end: token.end + close[0].length } : null;
}

/** One zone token, e.g. "WAT", "(UTC+2)", "Pacific Time", "America/New_York"; null if it is anything else. */
export function parseZone(text: string, options?: ZoneOptions): ZoneSpec | null {
  const trimmed = text.trim();
  const read = readZoneAt(trimmed, 0, options);
  return read && read.end === trimmed.length ? read.spec : null;
}
