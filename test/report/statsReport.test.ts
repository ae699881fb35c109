import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCli, repoRoot, runCli, tempFolder } from '../unit/helpers';

// `postmortem stats --format html --output report.html` opened in Debian's chromium (headless,
// through playwright-core): the page loads nothing from anywhere, and its three charts render.
// A screenshot goes to test-results/; POSTMORTEM_UPDATE_SCREENSHOTS=1 also copies it to docs/screenshots/.

type Browser = { newPage(o: object): Promise<Page>; close(): Promise<void> };
type Page = {
  on(event: string, listener: (value: never) => void): void;
  goto(url: string): Promise<unknown>;
  evaluate<T>(fn: () => T): Promise<T>;
  screenshot(o: object): Promise<Buffer>;
};

// The page's DOM, as far as the checks below use it (the functions run in chromium, not here).
interface PageElement {
  id: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
  querySelectorAll(selector: string): Iterable<PageElement>;
  scrollIntoView(options: object): void;
}
declare const document: { querySelectorAll(selector: string): Iterable<PageElement> & { length: number }; elementFromPoint(x: number, y: number): unknown };

interface Rendered {
  charts: { id: string; width: number; height: number; marks: number; visibleMarks: number; values: string[] }[];
  rows: number;
  totals: string[];
}

describe('stats HTML report in chromium', function () {
  this.timeout(180_000);
  let folder: ReturnType<typeof tempFolder>;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];
  let reportUrl: string;

  before(async () => {
    buildCli();
    const host = await import(pathToFileURL(join(repoRoot, 'scripts', 'vscode-host.mjs')).href);
    host.ensureAptPackages(host.BROWSER_APT_PACKAGES);
    folder = tempFolder();
    const result = runCli(['stats', '--format', 'html', '--output', join(folder.path, 'report.html'), 'samples'], repoRoot);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    reportUrl = pathToFileURL(join(folder.path, 'report.html')).href;
    browser = await host.launchChromium();
    page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    page.on('request', (r: { url(): string }) => requests.push(r.url()));
    page.on('console', (m: { type(): string; text(): string }) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e: Error) => problems.push(e.message));
    await page.goto(reportUrl);
  });

  after(async () => {
    await browser?.close();
    folder?.remove();
  });

  it('is one self-contained page: no script, and no request but the page itself', () => {
    const html = readFileSync(join(folder.path, 'report.html'), 'utf8');
    assert.doesNotMatch(html, /<script|<link|<img|@import|url\(/i);
    assert.doesNotMatch(html, /\bhttps?:\/\//);
    assert.deepEqual(requests, [reportUrl]);
    assert.deepEqual(problems, []);
  });

  it('renders the three charts with one mark per month, per incident and per detected incident', async () => {
    const rendered = await page.evaluate<Rendered>(() => {
      const charts = [...document.querySelectorAll('svg.chart')].map((svg) => {
        const box = svg.getBoundingClientRect();
        const marks = [...svg.querySelectorAll('rect.bar, circle.point')];
        // A mark is visible when it has a size and is what the page shows at its centre.
        const visibleMarks = marks.filter((m) => {
          m.scrollIntoView({ block: 'center', inline: 'center' });
          const r = m.getBoundingClientRect();
          if (r.width < 1 || r.height < 1) return false;
          return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === m;
        }).length;
        return {
          id: svg.id,
          width: box.width,
          height: box.height,
          marks: marks.length,
          visibleMarks,
          values: marks.map((m) => m.getAttribute('data-value') ?? `${m.getAttribute('data-detect')}/${m.getAttribute('data-resolve')}`),
        };
      });
      return {
        charts,
        rows: document.querySelectorAll('#incidents tbody tr').length,
        totals: [...document.querySelectorAll('.total')].map((t) => t.textContent ?? ''),
      };
    });
    assert.deepEqual(
      rendered.charts.map((c) => c.id),
      ['chart-per-month', 'chart-duration', 'chart-detect-resolve'],
    );
    for (const chart of rendered.charts) assert.ok(chart.width > 300 && chart.height > 100, `${chart.id} is ${chart.width}×${chart.height}`);
    const [perMonth, duration, scatter] = rendered.charts;
    assert.deepEqual(perMonth.values, ['1', '1', '0', '1', '0', '0', '1', '1', '1']);
    assert.equal(perMonth.visibleMarks, 6, 'the six months with an incident show a bar');
    assert.deepEqual(duration.values, ['75', '47', '82', '130', '158', '58']);
    assert.equal(duration.visibleMarks, 6);
    assert.deepEqual(scatter.values, ['11/64', '0/47', '15/67', '51/107', '7/51']);
    assert.equal(scatter.visibleMarks, 5);
    assert.equal(rendered.rows, 6);
    assert.ok(rendered.totals.includes('median duration1h 18.5m'), rendered.totals.join(' | '));
  });

  it('draws longer incidents as longer bars', async () => {
    const widths = await page.evaluate(() => [...document.querySelectorAll('#chart-duration rect.bar')].map((r) => r.getBoundingClientRect().width));
    const durations = [75, 47, 82, 130, 158, 58];
    const byDuration = [...durations.keys()].sort((a, b) => durations[a] - durations[b]);
    const byWidth = [...widths.keys()].sort((a, b) => widths[a] - widths[b]);
    assert.deepEqual(byWidth, byDuration);
    assert.ok(Math.abs(widths[4] / widths[1] - 158 / 47) < 0.05, `bar widths are proportional: ${widths.join(', ')}`);
  });

  it('saves a screenshot for the README', async () => {
    const dir = join(repoRoot, 'test-results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'stats-report.png');
    const png = await page.screenshot({ path: file, fullPage: true });
    assert.ok(png.length > 10_000, `the screenshot has content (${png.length} bytes)`);
    if (process.env.POSTMORTEM_UPDATE_SCREENSHOTS === '1') copyFileSync(file, join(repoRoot, 'docs', 'screenshots', 'stats-report.png'));
  });
});
