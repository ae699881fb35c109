// The parser benchmark. Times are noisy on shared machines, so every number is also given as a
// ratio to a baseline measured in the same process: one full markdown-it parse of the same text.
//
//   npm run bench            prints a table and rewrites bench/RESULTS.md
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
require('tsx/cjs');
const MarkdownIt = require('markdown-it');
const { createPostmortemService } = require('../server/src/service/index.ts');
const { forgetTimeReadings } = require('../server/src/service/time/index.ts');

/** A postmortem of about `bytes` characters: the four sections, a long timeline, prose and lists. */
function makeDocument(bytes) {
  const head = [
    '# Postmortem: Checkout API outage – 2024-03-09',
    '',
    '## Issue Summary',
    '',
    '- **Duration:** 2024-03-09 14:00 – 18:15 UTC',
    '- **Impact:** 35% of checkout requests failed.',
    '- **Root cause:** The connection pool limit was removed by a deploy.',
    '',
    '## Timeline (all times UTC)',
    '',
  ];
  const lines = [...head];
  let minute = 0;
  const tail = [
    '',
    '## Root Cause and Resolution',
    '',
    'The deploy removed the pool limit; we rolled back and restarted the pods.',
    '',
    '## Corrective and Preventative Measures',
    '',
    '- [ ] Add a config test for the pool limit.',
    '',
  ];
  let size = lines.join('\n').length + tail.join('\n').length;
  while (size < bytes) {
    const h = String(14 + (Math.floor(minute / 60) % 10)).padStart(2, '0');
    const m = String(minute % 60).padStart(2, '0');
    const entry = [
      `- **${h}:${m} UTC** – Engineers checked replica ${minute} and found the pool saturated; see the [dashboard](https://example.com/d/${minute}).`,
      `  - Note: error rate ${minute % 100}% on shard ${minute % 7}, escalated to the database team.`,
    ];
    lines.push(...entry);
    size += entry.join('\n').length + 2;
    minute++;
  }
  return [...lines, ...tail].join('\n');
}

function time(fn, minMs = 1500) {
  fn(); // warm up
  const samples = [];
  const started = performance.now();
  while (performance.now() - started < minMs || samples.length < 5) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const service = createPostmortemService();
const md = new MarkdownIt('commonmark', { html: true }).enable('table');
const rows = [];
for (const size of [10_000, 100_000, 1_000_000]) {
  const text = makeDocument(size);
  const baseline = time(() => md.parse(text, {}));
  // Cold: nothing remembered from an earlier analysis.
  const full = time(() => {
    forgetTimeReadings();
    service.analyze(text, { force: true });
  });
  // One keystroke in the middle of the timeline, then analysis of the new text (as the server does:
  // the lines that did not change are not read again).
  const middle = Math.floor(text.length / 2);
  let flip = false;
  const keystroke = time(() => {
    flip = !flip;
    service.analyze(text.slice(0, middle) + (flip ? 'x' : '') + text.slice(middle), { force: true });
  });
  rows.push({ size: text.length, baseline, full, keystroke });
}

const fmt = (ms) => `${ms.toFixed(2)} ms`;
const table = [
  '| document | markdown-it parse (baseline) | full analysis (cold) | re-analysis after a keystroke |',
  '|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${(r.size / 1000).toFixed(0)} kB | ${fmt(r.baseline)} (1.00x) | ${fmt(r.full)} (${(r.full / r.baseline).toFixed(2)}x) | ${fmt(r.keystroke)} (${(r.keystroke / r.baseline).toFixed(2)}x) |`,
  ),
].join('\n');
console.log(table);
const results = `# Benchmark results

Produced by \`npm run bench\` (\`scripts/bench.mjs\`) on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}.
Median of repeated runs; ratios are to one markdown-it parse of the same text in the same process.

${table}
`;
writeFileSync(new URL('../bench/RESULTS.md', import.meta.url), results);
