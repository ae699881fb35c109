import { formatMinutes, type IncidentRow, shortTime, type Stats } from './stats';
import { totalsLines } from './format';

// `postmortem stats --format html`: one self-contained page (no script, no request to anywhere)
// with the totals, three inline SVG charts and the table.

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const palette = { bar: '#2f6fb3', detect: '#d9822b', resolve: '#2f6fb3', grid: '#d8dde3', text: '#1f2933', muted: '#616e7c' };

/** Round numbers for an axis: 0, step, 2·step … up to at least `max`. */
function ticks(max: number, count = 4): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  return range(step, max);
}

/** Axis steps for minutes that read as clock spans: 5m, 15m, 30m, 1h, 2h, 6h, 1 day … */
function minuteTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0, 15];
  const steps = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720, 1440, 2880, 10080];
  const step = steps.find((s) => s >= max / count) ?? Math.ceil(max / count / 1440) * 1440;
  return range(step, max);
}

function range(step: number, max: number): number[] {
  const out: number[] = [];
  for (let v = 0; v < max + step; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}

function emptyChart(id: string, title: string, note: string): string {
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg id="${id}" class="chart empty" role="img" viewBox="0 0 640 80" width="640" height="80"><text x="320" y="44" text-anchor="middle" fill="${palette.muted}">${escapeHtml(note)}</text></svg></figure>`;
}

/** Vertical bars: incidents per month. */
function perMonthChart(stats: Stats): string {
  const months = stats.totals.incidentsPerMonth;
  if (!months.length) return emptyChart('chart-per-month', 'Incidents per month', 'No incident has a date.');
  const width = 640;
  const height = 260;
  const left = 40;
  const bottom = 40;
  const top = 16;
  const axis = ticks(Math.max(...months.map((m) => m.incidents)));
  const max = axis[axis.length - 1];
  const plotHeight = height - top - bottom;
  const slot = (width - left - 10) / months.length;
  const y = (v: number) => top + plotHeight - (v / max) * plotHeight;
  const grid = axis
    .filter((v) => Number.isInteger(v))
    .map(
      (v) =>
        `<line x1="${left}" x2="${width - 10}" y1="${y(v)}" y2="${y(v)}" stroke="${palette.grid}"/><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`,
    )
    .join('');
  const labelEvery = Math.ceil(months.length / 12);
  const bars = months
    .map((m, i) => {
      const x = left + i * slot + slot * 0.15;
      const w = slot * 0.7;
      const label = i % labelEvery === 0 ? `<text x="${x + w / 2}" y="${height - bottom + 16}" text-anchor="middle">${m.month}</text>` : '';
      return `<rect class="bar" data-month="${m.month}" data-value="${m.incidents}" x="${x}" y="${y(m.incidents)}" width="${w}" height="${y(0) - y(m.incidents)}" fill="${palette.bar}"><title>${m.month}: ${m.incidents} incident${m.incidents === 1 ? '' : 's'}</title></rect>${label}`;
    })
    .join('');
  return `<figure><figcaption>Incidents per month</figcaption><svg id="chart-per-month" class="chart" role="img" aria-label="Incidents per month" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${grid}${bars}</svg></figure>`;
}

/** Horizontal bars: the duration of each incident. */
function durationChart(stats: Stats): string {
  const rows = stats.postmortems.filter((r): r is IncidentRow & { durationMinutes: number } => r.durationMinutes !== null);
  if (!rows.length) return emptyChart('chart-duration', 'Duration per incident', 'No incident has a known start and end.');
  const width = 640;
  const left = 220;
  const right = 70;
  const rowHeight = 26;
  const top = 10;
  const height = top + rows.length * rowHeight + 30;
  const axis = minuteTicks(Math.max(...rows.map((r) => r.durationMinutes)));
  const max = axis[axis.length - 1];
  const x = (v: number) => left + (v / max) * (width - left - right);
  const grid = axis
    .map(
      (v) =>
        `<line x1="${x(v)}" x2="${x(v)}" y1="${top}" y2="${height - 24}" stroke="${palette.grid}"/><text x="${x(v)}" y="${height - 8}" text-anchor="middle">${formatMinutes(v)}</text>`,
    )
    .join('');
  const bars = rows
    .map((r, i) => {
      const y = top + i * rowHeight + 4;
      const name = r.title.length > 30 ? `${r.title.slice(0, 29)}…` : r.title;
      return `<text x="${left - 8}" y="${y + 13}" text-anchor="end">${escapeHtml(name)}</text><rect class="bar" data-value="${r.durationMinutes}" x="${left}" y="${y}" width="${Math.max(1, x(r.durationMinutes) - left)}" height="${rowHeight - 8}" fill="${palette.bar}"><title>${escapeHtml(r.title)}: ${formatMinutes(r.durationMinutes)}</title></rect><text x="${x(r.durationMinutes) + 6}" y="${y + 13}">${formatMinutes(r.durationMinutes)}</text>`;
    })
    .join('');
  return `<figure><figcaption>Duration per incident</figcaption><svg id="chart-duration" class="chart" role="img" aria-label="Duration per incident" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${grid}${bars}</svg></figure>`;
}

/** Scatter: time to detect (x) against time to resolve (y), one point per incident. */
function detectResolveChart(stats: Stats): string {
  const rows = stats.postmortems.filter(
    (r): r is IncidentRow & { timeToDetectMinutes: number; timeToResolveMinutes: number } => r.timeToDetectMinutes !== null && r.timeToResolveMinutes !== null,
  );
  if (!rows.length) return emptyChart('chart-detect-resolve', 'Time to detect vs time to resolve', 'No timeline says when an incident was detected.');
  const width = 640;
  const height = 320;
  const left = 64;
  const bottom = 46;
  const top = 14;
  const right = 20;
  const xAxis = minuteTicks(Math.max(...rows.map((r) => r.timeToDetectMinutes)));
  const yAxis = minuteTicks(Math.max(...rows.map((r) => r.timeToResolveMinutes)));
  const x = (v: number) => left + (v / xAxis[xAxis.length - 1]) * (width - left - right);
  const y = (v: number) => top + (height - top - bottom) * (1 - v / yAxis[yAxis.length - 1]);
  const grid = [
    ...xAxis.map(
      (v) =>
        `<line x1="${x(v)}" x2="${x(v)}" y1="${top}" y2="${height - bottom}" stroke="${palette.grid}"/><text x="${x(v)}" y="${height - bottom + 16}" text-anchor="middle">${formatMinutes(v)}</text>`,
    ),
    ...yAxis.map(
      (v) =>
        `<line x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}" stroke="${palette.grid}"/><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${formatMinutes(v)}</text>`,
    ),
    `<text x="${(left + width - right) / 2}" y="${height - 8}" text-anchor="middle" fill="${palette.detect}">time to detect</text>`,
    `<text transform="translate(12 ${(top + height - bottom) / 2}) rotate(-90)" text-anchor="middle" fill="${palette.resolve}">time to resolve</text>`,
  ].join('');
  const points = rows
    .map(
      (r) =>
        `<circle class="point" data-detect="${r.timeToDetectMinutes}" data-resolve="${r.timeToResolveMinutes}" cx="${x(r.timeToDetectMinutes)}" cy="${y(r.timeToResolveMinutes)}" r="6" fill="${palette.detect}" fill-opacity="0.85" stroke="#fff"><title>${escapeHtml(r.title)}: detected after ${formatMinutes(r.timeToDetectMinutes)}, resolved ${formatMinutes(r.timeToResolveMinutes)} later</title></circle>`,
    )
    .join('');
  return `<figure><figcaption>Time to detect vs time to resolve</figcaption><svg id="chart-detect-resolve" class="chart" role="img" aria-label="Time to detect against time to resolve" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${grid}${points}</svg></figure>`;
}

function table(stats: Stats): string {
  const head = ['Postmortem', 'Date', 'Start', 'End', 'Duration', 'Time to detect', 'Time to resolve', 'Sections missing', 'Open action items'];
  const body = stats.postmortems
    .map((r) =>
      [
        `<strong>${escapeHtml(r.title)}</strong><br><span class="file">${escapeHtml(r.file)}</span>`,
        escapeHtml(r.date ?? '–'),
        escapeHtml(shortTime(r.start)),
        escapeHtml(shortTime(r.end)),
        formatMinutes(r.durationMinutes),
        formatMinutes(r.timeToDetectMinutes),
        formatMinutes(r.timeToResolveMinutes),
        r.missingSectionNames.length ? escapeHtml(r.missingSectionNames.join(', ')) : '–',
        r.actionItems ? `${r.openActionItems} of ${r.actionItems}` : '–',
      ]
        .map((c, i) => `<td${i >= 4 && i <= 6 ? ' class="num"' : i >= 1 && i <= 3 ? ' class="when"' : ''}>${c}</td>`)
        .join(''),
    )
    .map((cells) => `<tr>${cells}</tr>`)
    .join('\n');
  return `<table id="incidents"><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function statsHtml(stats: Stats, generatedAt: Date): string {
  const totals = totalsLines(stats)
    .filter(([name]) => name !== 'incidents per month')
    .map(([name, value]) => `<div class="total"><dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd></div>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Incident metrics: ${stats.totals.incidents} postmortem${stats.totals.incidents === 1 ? '' : 's'}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: ${palette.text}; margin: 24px auto; max-width: 1320px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; }
.generated { color: ${palette.muted}; margin: 0 0 16px; }
dl.totals { display: flex; flex-wrap: wrap; gap: 12px; margin: 0 0 20px; }
.total { border: 1px solid ${palette.grid}; border-radius: 6px; padding: 8px 12px; }
.total dt { color: ${palette.muted}; font-size: 12px; }
.total dd { margin: 0; font-size: 16px; font-weight: 600; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(400px, 1fr)); gap: 16px; align-items: start; }
figure { margin: 0; border: 1px solid ${palette.grid}; border-radius: 6px; padding: 8px; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg.chart { width: 100%; height: auto; font-size: 11px; fill: ${palette.text}; }
table { border-collapse: collapse; margin-top: 20px; width: 100%; }
th, td { border-bottom: 1px solid ${palette.grid}; padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #f5f7fa; }
td.num { text-align: right; white-space: nowrap; }
td.when { white-space: nowrap; }
.file { color: ${palette.muted}; font-size: 12px; }
</style>
</head>
<body>
<h1>Incident metrics</h1>
<p class="generated">${stats.totals.incidents} postmortem${stats.totals.incidents === 1 ? '' : 's'} · generated ${escapeHtml(generatedAt.toISOString().slice(0, 16).replace('T', ' '))} UTC by postmortem stats</p>
<dl class="totals">${totals}</dl>
<div class="charts">
${perMonthChart(stats)}
${durationChart(stats)}
${detectResolveChart(stats)}
</div>
${table(stats)}
</body>
</html>
`;
}
