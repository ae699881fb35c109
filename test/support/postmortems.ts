// Postmortems generated from a seed, for the benchmark and the edit-sequence fuzzer: a typical
// one of about 600 words, and large ones of any size with long timelines, many sections, code
// blocks and tables. The same seed always gives the same text.

export type Random = () => number;

/** A small seeded generator (mulberry32): the same seed, the same sequence, on every machine. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
export const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

const services = ['checkout API', 'payments queue', 'login service', 'search index', 'DNS resolvers', 'billing export', 'image CDN', 'session store'];
const causes = [
  'a deploy removed the connection pool limit',
  'a certificate expired on the internal load balancer',
  'a schema migration locked the orders table',
  'a retry storm saturated the message broker',
  'a configuration push set the cache size to zero',
  'a disk filled up with debug logs on the primary database',
];
const actions = [
  'Engineers checked the dashboards and saw the error rate climb',
  'The on-call engineer was paged by the latency alert',
  'The team rolled back the last deploy',
  'A status page update was published for customers',
  'Traffic was shifted to the secondary region',
  'The database team restarted the stuck replica',
  'Error rates returned to normal and monitoring continued',
  'Support reported a rise in tickets about failed orders',
];
const prose = [
  'The change had passed review and staging, where the traffic was too small to show the problem.',
  'Nothing in the alerting covered this failure mode, so the first signal came from customers.',
  'The runbook described the rollback, but it assumed a deploy tool we had replaced in the spring.',
  'Once the cause was clear the fix took minutes; finding it took most of the incident.',
  'We will add a test that fails when the limit is missing, and an alert on pool saturation.',
];

function clock(minutes: number, style: number): string {
  const h = Math.floor(minutes / 60) % 24;
  const m = String(minutes % 60).padStart(2, '0');
  switch (style) {
    case 0:
      return `${String(h).padStart(2, '0')}:${m} UTC`;
    case 1:
      return `${((h + 11) % 12) + 1}:${m} ${h < 12 ? 'AM' : 'PM'}`;
    default:
      return `${String(h).padStart(2, '0')}:${m}`;
  }
}

function sentence(random: Random, words: number): string {
  const pool = `${pick(random, prose)} ${pick(random, prose)} ${pick(random, prose)}`.split(' ');
  return `${pool
    .slice(0, Math.min(words, pool.length))
    .join(' ')
    .replace(/[,;.]$/, '')}.`;
}

/** A postmortem of about 600 words in the standard template. */
export function typicalPostmortem(random: Random): string {
  const service = pick(random, services);
  const cause = pick(random, causes);
  const start = between(random, 6 * 60, 18 * 60);
  const length = between(random, 20, 240);
  const style = between(random, 0, 2);
  const entries = Array.from({ length: 12 }, (_, i) => {
    const at = start + Math.round((length * i) / 11);
    return `- **${clock(at, style)}** – ${pick(random, actions)}.`;
  });
  const lines = [
    `# Postmortem: ${service} outage`,
    '',
    '## Issue Summary',
    '',
    `- **Duration:** 2024-03-${String(between(random, 10, 28))} ${clock(start, 0).replace(' UTC', '')} – ${clock(start + length, 0)} (${Math.floor(length / 60)} hours ${length % 60} minutes)`,
    `- **Impact:** ${between(random, 5, 60)}% of requests to the ${service} failed; about ${between(random, 2, 90) * 100} users saw errors.`,
    `- **Root cause:** ${cause[0].toUpperCase()}${cause.slice(1)}.`,
    '',
    sentence(random, 60),
    '',
    '## Timeline',
    '',
    ...entries,
    '',
    '## Root Cause and Resolution',
    '',
    `The outage began when ${cause}. ${sentence(random, 45)}`,
    '',
    sentence(random, 50),
    '',
    '```text',
    `ERROR pool exhausted: 512/512 connections in use (${service})`,
    '```',
    '',
    `We resolved it by reverting the change and restarting the ${service}. ${sentence(random, 40)} ${sentence(random, 30)}`,
    '',
    '## Corrective and Preventative Measures',
    '',
    '- [ ] Add a configuration test for the limit.',
    '- [ ] Alert when the pool is above 90% for five minutes.',
    '- [ ] Update the rollback runbook for the new deploy tool.',
    '- [ ] Review other services for the same default.',
    '',
    '| Action | Owner | Due |',
    '|---|---|---|',
    '| Config test | platform | 2024-04-01 |',
    '| Pool alert | sre | 2024-04-05 |',
    '',
    '## Lessons Learned',
    '',
    sentence(random, 55),
    '',
    sentence(random, 55),
    '',
    sentence(random, 50),
    '',
  ];
  return lines.join('\n');
}

/**
 * A postmortem of at least `size` characters: a long timeline (list entries with nested notes,
 * day headings, tables of entries, log excerpts in fences), then many analysis sections.
 */
export function largePostmortem(random: Random, size: number): string {
  const service = pick(random, services);
  const out = [
    `# Postmortem: ${service} outage and recovery`,
    '',
    '## Issue Summary',
    '',
    '- **Start:** 2024-03-09 14:00 UTC',
    '- **End:** 2024-03-12 18:15 UTC',
    '- **Duration:** 3 days 4 hours 15 minutes',
    `- **Impact:** ${between(random, 5, 60)}% of requests failed during the worst hours.`,
    `- **Root cause:** ${pick(random, causes)}.`,
    '',
    '## Timeline (all times UTC)',
    '',
  ];
  const tail: string[] = [];
  let sections = 0;
  const tailSize = Math.floor(size * 0.2);
  let tailLength = 0;
  while (tailLength < tailSize) {
    const block =
      sections % 4 === 3
        ? [
            '| Signal | Before | After |',
            '|---|---|---|',
            ...Array.from({ length: 8 }, (_, i) => `| metric ${i} | ${between(random, 1, 99)} | ${between(random, 1, 99)} |`),
          ]
        : [sentence(random, 60), '', '```sh', `kubectl rollout undo deployment/${service.replace(/ /g, '-')} --to-revision=${sections}`, '```'];
    const part = [`### Finding ${sections + 1}: ${pick(random, causes)}`, '', ...block, ''];
    tail.push(...part);
    tailLength += part.join('\n').length + 1;
    sections++;
  }
  const ending = [
    '## Root Cause and Resolution',
    '',
    sentence(random, 60),
    '',
    ...tail,
    '## Corrective and Preventative Measures',
    '',
    '- [ ] Add a configuration test for the limit.',
    '- [ ] Alert on pool saturation.',
    '',
  ];
  let length = out.join('\n').length + ending.join('\n').length;
  let minute = 14 * 60;
  let day = 9;
  while (length < size) {
    let chunk: string[];
    const kind = random();
    if (minute >= 24 * 60) {
      minute -= 24 * 60;
      day++;
      chunk = ['', `**2024-03-${day}**`, ''];
    } else if (kind < 0.008) {
      chunk = ['', '| Time | Event |', '|---|---|', ...Array.from({ length: 6 }, (_, i) => `| ${clock(minute + i, 2)} | ${pick(random, actions)} |`), ''];
      minute += 6;
    } else if (kind < 0.016) {
      chunk = [
        '',
        '```text',
        ...Array.from(
          { length: 5 },
          (_, i) => `${clock(minute, 2)}:${String(i * 7).padStart(2, '0')} WARN ${service} latency p99=${between(random, 200, 9000)}ms`,
        ),
        '```',
        '',
      ];
    } else {
      chunk = [`- **${clock(minute, 0)}** – ${pick(random, actions)} (shard ${between(random, 0, 63)}).`];
      if (kind > 0.7) chunk.push(`  - Note: ${sentence(random, 18)}`);
      minute += between(random, 0, 2);
    }
    out.push(...chunk);
    length += chunk.join('\n').length + 1;
  }
  return [...out, '', ...ending].join('\n');
}
