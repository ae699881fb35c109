// Timing helpers for the benchmark: repeated runs, median and 95th percentile.
import { performance } from 'node:perf_hooks';

export function median(samples) {
  return quantile(samples, 0.5);
}

export function p95(samples) {
  return quantile(samples, 0.95);
}

/** The nearest-rank quantile (with few samples, p95 is the slowest run: said as such in the tables). */
export function quantile(samples, q) {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/**
 * Runs `run` (after an untimed `setup`, whose value it gets) at least `min` times and until
 * `budgetMs` has passed, at most `max` times, after one untimed warm-up. Returns the samples in ms.
 */
export function repeat(run, { setup = () => undefined, min = 5, max = 500, budgetMs = 2000, warmup = 1 } = {}) {
  for (let i = 0; i < warmup; i++) run(setup());
  const samples = [];
  const started = performance.now();
  while (samples.length < max && (samples.length < min || performance.now() - started < budgetMs)) {
    const input = setup();
    const t = performance.now();
    run(input);
    samples.push(performance.now() - t);
  }
  return samples;
}

export const ms = (value) =>
  Number.isNaN(value) ? '–' : value >= 100 ? `${value.toFixed(0)} ms` : value >= 10 ? `${value.toFixed(1)} ms` : `${value.toFixed(2)} ms`;
export const ratio = (value) => (Number.isFinite(value) ? `${value >= 10 ? value.toFixed(1) : value.toFixed(2)}x` : '–');
export const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
export const kb = (chars) => (chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(2)} MB` : `${(chars / 1000).toFixed(chars >= 10_000 ? 0 : 1)} kB`);

/** A Markdown table from a header row and rows of cells. */
export function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
