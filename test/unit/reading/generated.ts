import fc from 'fast-check';
import type { Reading } from './support';

// Postmortems built from parts, with the reading they are built to have: a window of a known
// length on a known day and zone, written in one of the ways a summary tells it, a timeline from its
// start to its end, and the two other required sections; headings in one style per document.

interface Zone {
  written: string;
  /** Minutes east of UTC. */
  offset: number;
}

const ZONES: Zone[] = [
  { written: 'UTC', offset: 0 },
  { written: 'WAT', offset: 60 },
  { written: 'EAT', offset: 180 },
  { written: 'UTC+2', offset: 120 },
  { written: 'UTC-5', offset: -300 },
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const SERVICES = ['the checkout API', 'the login service', 'image uploads', 'the search page', 'outgoing email', 'the mobile sync endpoint'];

const CAUSES = [
  'A configuration change lowered the connection limit of the database proxy, so requests queued until they timed out. We restored the previous limit.',
  'An expired certificate on the internal load balancer made every backend call fail its TLS handshake. We installed a renewed certificate.',
  'A migration dropped an index that the main query needed, so every request scanned the whole table. We recreated the index.',
];

const MEASURES = [
  '- Review configuration changes like code.\n- Alert on the error rate of every public endpoint.',
  '- Renew certificates automatically.\n- Alert 14 days before a certificate expires.',
  '- Compare indexes before and after every migration.\n- Load-test migrations on a copy of production.',
];

const EVENTS = ['The first alert fires.', 'The on-call engineer starts investigating.', 'The cause is found.', 'A fix is deployed.'];

type HeadingStyle = 'atx' | 'bold' | 'plain' | 'setext';

function heading(style: HeadingStyle, text: string): string {
  switch (style) {
    case 'atx':
      return `## ${text}`;
    case 'bold':
      return `**${text}:**`;
    case 'plain':
      return text;
    case 'setext':
      return `${text}\n${'-'.repeat(text.length)}`;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

function clock(minuteOfDay: number, twelveHour: boolean): string {
  const h = Math.floor(minuteOfDay / 60);
  const m = minuteOfDay % 60;
  if (!twelveHour) return `${pad(h)}:${pad(m)}`;
  return `${h % 12 === 0 ? 12 : h % 12}:${pad(m)} ${h < 12 ? 'AM' : 'PM'}`;
}

export interface GeneratedPostmortem {
  text: string;
  reading: Reading;
}

export const generatedPostmortem: fc.Arbitrary<GeneratedPostmortem> = fc
  .record({
    year: fc.integer({ min: 2021, max: 2025 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    startMinute: fc.integer({ min: 60, max: 19 * 60 }),
    minutes: fc.integer({ min: 2, max: 48 }).map((n) => n * 5),
    zone: fc.constantFrom(...ZONES),
    twelveHour: fc.boolean(),
    summary: fc.constantFrom('range', 'between', 'verbs', 'fields'),
    stated: fc.boolean(),
    style: fc.constantFrom<HeadingStyle>('atx', 'bold', 'plain', 'setext'),
    service: fc.constantFrom(...SERVICES),
    cause: fc.integer({ min: 0, max: CAUSES.length - 1 }),
    middle: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 3 }),
  })
  .map((g) => {
    const date = `${g.day} ${MONTHS[g.month - 1]} ${g.year}`;
    const endMinute = g.startMinute + g.minutes;
    const at = (minute: number) => clock(minute, g.twelveHour);
    const z = g.zone.written;
    const stated = g.stated ? ` The outage lasted ${g.minutes} minutes.` : '';
    const summary =
      g.summary === 'range'
        ? [`From ${at(g.startMinute)} to ${at(endMinute)} ${z} on ${date}, ${g.service} failed for every user.${stated}`]
        : g.summary === 'between'
          ? [`On ${date}, between ${at(g.startMinute)} and ${at(endMinute)} (${z}), ${g.service} answered every request with an error.${stated}`]
          : g.summary === 'verbs'
            ? [`The outage of ${g.service} started at ${at(g.startMinute)} ${z} on ${date} and ended at ${at(endMinute)} ${z}.${stated}`]
            : [
                `- **Start:** ${date}, ${at(g.startMinute)} ${z}`,
                `- **End:** ${date}, ${at(endMinute)} ${z}`,
                ...(g.stated ? [`- **Duration:** ${g.minutes} minutes`] : []),
                `- **Impact:** ${g.service} failed for every user.`,
              ];
    const middle = [...g.middle].sort((a, b) => a - b).map((p) => g.startMinute + Math.max(1, Math.floor((g.minutes * p) / 100)));
    const times = [...new Set([g.startMinute, ...middle.filter((m) => m < endMinute), endMinute])];
    const timeline = times.map((m, i) => {
      const event = i === 0 ? `${g.service} starts failing.` : i === times.length - 1 ? `${g.service} works again.` : EVENTS[(i - 1) % EVENTS.length];
      return `- ${at(m)} ${z} - ${event}`;
    });
    const text = [
      `# Postmortem: ${g.service} outage`,
      '',
      heading(g.style, 'Issue Summary'),
      '',
      ...summary,
      '',
      heading(g.style, 'Timeline'),
      '',
      ...timeline,
      '',
      heading(g.style, 'Root Cause and Resolution'),
      '',
      CAUSES[g.cause],
      '',
      heading(g.style, 'Corrective and Preventative Measures'),
      '',
      MEASURES[g.cause],
      '',
    ].join('\n');
    const utc = (minute: number) => new Date(Date.UTC(g.year, g.month - 1, g.day, 0, minute - g.zone.offset)).toISOString();
    const reading: Reading = {
      isPostmortem: true,
      sections: ['summary', 'timeline', 'root-cause', 'corrective-actions'],
      start: utc(g.startMinute),
      end: utc(endMinute),
      durationMinutes: g.minutes,
      statedDurationMinutes: g.stated ? g.minutes : null,
    };
    return { text, reading };
  });
