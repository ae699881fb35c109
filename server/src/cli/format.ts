import { allRules, type Analysis, type Diagnostic, type Severity } from '../service';
import { formatMinutes, type IncidentRow, shortTime, type Stats } from './stats';

// Output formats of the CLI. Lines and columns are 1-based here, as in SARIF and status bars.

/** 1-based columns as editors show them: a byte order mark on the first line is not a column. */
function column(line: number, character: number, hasBom: boolean): number {
  return (line === 0 && hasBom ? Math.max(0, character - 1) : character) + 1;
}

function diagnosticJson(d: Diagnostic, hasBom = false) {
  return {
    line: d.range.start.line + 1,
    column: column(d.range.start.line, d.range.start.character, hasBom),
    endLine: d.range.end.line + 1,
    endColumn: column(d.range.end.line, d.range.end.character, hasBom),
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
}

/** One object of `analyze --format json`, exactly as docs/cli-contract.md describes it. */
/** The contract's JSON (docs/cli-contract.md), extended with `reasons`: why each item was read as it was. */
export function analysisJson(file: string, analysis: Analysis) {
  const { document, incident } = analysis;
  return {
    file,
    isPostmortem: analysis.classification.isPostmortem,
    template: analysis.template.id,
    title: document.title?.text ?? null,
    words: document.words,
    sections: document.sections.map((s) => ({
      id: s.id,
      heading: s.heading,
      line: s.range.start.line + 1,
      endLine: s.range.end.line + 1,
      style: s.style,
      reasons: s.reasons ?? [],
    })),
    missingSections: analysis.missingSections,
    incident: {
      start: incident.start?.iso ?? null,
      end: incident.end?.iso ?? null,
      timezone: incident.timezone,
      durationMinutes: incident.durationMinutes,
      statedDurationMinutes: incident.statedDuration?.minutes ?? null,
      reasons: incidentReasons(analysis),
    },
    timeline: document.timeline.map((e) => ({ line: e.line + 1, time: e.time ?? null, text: e.text, reasons: e.timeNotes ?? [] })),
    diagnostics: analysis.diagnostics.map((d) => diagnosticJson(d, document.hasBom)),
    reasons: analysis.classification.reasons,
  };
}

/** The window's and the stated duration's reasons, with what each end had to assume. */
function incidentReasons(analysis: Analysis): string[] {
  const { incident } = analysis;
  const ends = [
    ...(incident.start
      ? [`start ${incident.start.text.trim()} (line ${incident.start.range.start.line + 1}): ${incident.start.assumptions.join('; ') || 'as written'}`]
      : []),
    ...(incident.end
      ? [`end ${incident.end.text.trim()} (line ${incident.end.range.start.line + 1}): ${incident.end.assumptions.join('; ') || 'as written'}`]
      : []),
  ];
  return [...incident.reasons, ...ends];
}

/** `analyze --explain`: the reading in a reader's words, for a writer who wants to know why. */
export function explain(file: string, analysis: Analysis): string {
  const { document, incident, classification } = analysis;
  const out: string[] = [file];
  out.push(`  ${classification.isPostmortem ? 'a postmortem' : 'not a postmortem'} (evidence ${classification.score > 0 ? '+' : ''}${classification.score})`);
  for (const e of [...classification.evidence].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)))
    out.push(`    ${e.weight > 0 ? '+' : ''}${e.weight}  ${e.what}`);
  out.push(`  template: ${analysis.template.id}; title: ${document.title ? `"${document.title.text}" (line ${document.title.line + 1})` : 'none'}`);
  out.push('  sections:');
  if (!document.sections.length) out.push('    none');
  for (const s of document.sections)
    out.push(`    line ${s.range.start.line + 1}: ${(s.reasons ?? [`read as ${s.id}`]).join('; ')}${s.empty ? ' — empty' : ''}`);
  if (analysis.missingSections.length) out.push(`    missing: ${analysis.missingSections.join(', ')}`);
  out.push('  incident:');
  const window = incident.start
    ? `${incident.start.iso ?? incident.start.text}${incident.end ? ` to ${incident.end.iso ?? incident.end.text}` : ', no end'}`
    : 'no window read';
  out.push(`    ${window}${incident.durationMinutes !== null ? `, ${incident.durationMinutes} min` : ''}${incident.timezone ? ` (${incident.timezone})` : ''}`);
  for (const r of incidentReasons(analysis)) out.push(`    ${r}`);
  if (document.timeline.length) {
    out.push(`  timeline: ${document.timeline.length} entries`);
    for (const e of document.timeline.slice(0, 12))
      out.push(`    line ${e.line + 1}: ${e.timeText} -> ${e.time ?? 'no instant'}${e.timeNotes?.length ? ` (${e.timeNotes.join('; ')})` : ''}`);
    if (document.timeline.length > 12) out.push(`    … ${document.timeline.length - 12} more`);
  }
  return out.join('\n');
}

export interface FileAnalysis {
  file: string;
  analysis: Analysis;
}

export function lintJson(files: FileAnalysis[]) {
  return files.map((f) => ({
    file: f.file,
    isPostmortem: f.analysis.classification.isPostmortem,
    diagnostics: f.analysis.diagnostics.map((d) => diagnosticJson(d, f.analysis.document.hasBom)),
  }));
}

export function stylish(files: FileAnalysis[]): string {
  const out: string[] = [];
  const count = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const { file, analysis } of files) {
    if (!analysis.diagnostics.length) continue;
    out.push(file);
    const rows = analysis.diagnostics.map((d) => [`${d.range.start.line + 1}:${d.range.start.character + 1}`, d.severity, d.message, d.code]);
    const width = [0, 1].map((i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows) out.push(`  ${r[0].padEnd(width[0])}  ${r[1].padEnd(width[1])}  ${r[2]}  ${r[3]}`);
    out.push('');
    for (const d of analysis.diagnostics) count[d.severity]++;
  }
  const total = count.error + count.warning + count.information + count.hint;
  out.push(
    total
      ? `${total} problem${total === 1 ? '' : 's'} (${count.error} error${count.error === 1 ? '' : 's'}, ${count.warning} warning${count.warning === 1 ? '' : 's'}, ${count.information + count.hint} info) in ${files.length} file${files.length === 1 ? '' : 's'}`
      : `no problems in ${files.length} file${files.length === 1 ? '' : 's'}`,
  );
  return out.join('\n');
}

const sarifLevel = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
const documentation = 'https://github.com/postmortem-tools/postmortem-lsp#';
export const sarifSchemaUri = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** Codes the service reports itself rather than through a rule. */
const serviceCodes: { code: string; description: string; help: string; defaultSeverity: Severity; tags: string[] }[] = [
  {
    code: 'unknown-template',
    description: 'The front matter names a template that does not exist; the standard template is used.',
    help: 'Name one of the built-in templates (standard, google-sre, pagerduty, atlassian) or one defined in .postmortemrc.json.',
    defaultSeverity: 'warning',
    tags: ['configuration'],
  },
  {
    code: 'large-document',
    description: 'The document is above the size limit: only its structure is analysed.',
    help: 'Raise postmortem.maxDocumentSize, or split the document.',
    defaultSeverity: 'information',
    tags: ['limits'],
  },
];

/** A path as a SARIF artifact URI: relative paths stay relative (to the checkout), with `/` and each segment escaped. */
function artifactUri(file: string): string {
  const path = file.split('\\').join('/');
  const escaped = path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  if (/^[A-Za-z]:\//.test(path)) return `file:///${path.slice(0, 2)}${escaped.slice(escaped.indexOf('/'))}`;
  return path.startsWith('/') ? `file://${escaped}` : escaped;
}

/** The sentence on turning a rule off, the same for every rule. */
function offSwitch(code: string): string {
  return `Turn it off with "postmortem.rules": { "${code}": "off" } in the settings or .postmortemrc.json, for one line with <!-- postmortem-disable-next-line ${code} --> above it, or for a file with <!-- postmortem-disable-file ${code} -->.`;
}

/** SARIF 2.1.0: every rule described (short description, help, link, default level), every finding with its region. */
export function sarif(files: FileAnalysis[]) {
  const rules = [...allRules, ...serviceCodes];
  const index = new Map(rules.map((r, i) => [r.code, i]));
  return {
    $schema: sarifSchemaUri,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'postmortem',
            version: '0.1.0',
            semanticVersion: '0.1.0',
            informationUri: 'https://github.com/postmortem-tools/postmortem-lsp',
            rules: rules.map((r) => ({
              id: r.code,
              name: r.code.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description },
              fullDescription: { text: `${r.description} Default severity: ${r.defaultSeverity}.` },
              help: { text: `${r.help} ${offSwitch(r.code)}`, markdown: `${r.help}\n\n${offSwitch(r.code)}\n\n[Documentation](${documentation}${r.code})` },
              helpUri: `${documentation}${r.code}`,
              defaultConfiguration: { level: sarifLevel[r.defaultSeverity] },
              properties: { tags: [...r.tags] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: files.flatMap((f) =>
          f.analysis.diagnostics.map((d) => {
            const at = diagnosticJson(d, f.analysis.document.hasBom);
            return {
              ruleId: d.code,
              ...(index.has(d.code) ? { ruleIndex: index.get(d.code) } : {}),
              level: sarifLevel[d.severity],
              message: { text: d.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: artifactUri(f.file) },
                    region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn },
                  },
                },
              ],
            };
          }),
        ),
      },
    ],
  };
}

// GitHub Actions workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const githubCommand = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

/** One `::error file=…,line=…,col=…,title=…::message` line per finding, so they appear on the pull request's diff. */
export function github(files: FileAnalysis[]): string {
  const lines: string[] = [];
  for (const { file, analysis } of files) {
    for (const d of analysis.diagnostics) {
      const at = diagnosticJson(d, analysis.document.hasBom);
      const properties = [
        `file=${escapeProperty(file.split('\\').join('/'))}`,
        `line=${at.line}`,
        `endLine=${at.endLine}`,
        `col=${at.column}`,
        ...(at.endLine === at.line ? [`endColumn=${at.endColumn}`] : []),
        `title=${escapeProperty(`postmortem ${d.code}`)}`,
      ];
      lines.push(`::${githubCommand[d.severity]} ${properties.join(',')}::${escapeData(d.message)}`);
    }
  }
  return lines.join('\n');
}

// `stats`: the rows and the totals as a table, CSV or JSON (the HTML report is in statsHtml.ts).

const tableColumns: [string, (r: IncidentRow) => string][] = [
  ['file', (r) => r.file],
  ['title', (r) => (r.title.length > 48 ? `${r.title.slice(0, 47)}…` : r.title)],
  ['date', (r) => r.date ?? '-'],
  ['start', (r) => shortTime(r.start)],
  ['end', (r) => shortTime(r.end)],
  ['duration', (r) => formatMinutes(r.durationMinutes)],
  ['detect', (r) => formatMinutes(r.timeToDetectMinutes)],
  ['resolve', (r) => formatMinutes(r.timeToResolveMinutes)],
  ['missing', (r) => r.missingSectionNames.join(', ') || '-'],
  ['actions', (r) => (r.actionItems ? `${r.openActionItems}/${r.actionItems} open` : '-')],
];

function aligned(cells: string[][]): string {
  const width = cells[0].map((_, i) => Math.max(...cells.map((r) => [...r[i]].length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => c + ' '.repeat(width[i] - [...c].length))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function totalsLines(stats: Stats): [string, string][] {
  const t = stats.totals;
  const over = (n: number) => (n === t.incidents ? '' : ` (over ${n} of ${t.incidents})`);
  return [
    ['incidents', String(t.incidents)],
    ['total duration', `${formatMinutes(t.withDuration ? t.totalDurationMinutes : null)}${over(t.withDuration)}`],
    ['median duration', `${formatMinutes(t.medianDurationMinutes)}${over(t.withDuration)}`],
    ['mean time to detect', `${formatMinutes(t.meanTimeToDetectMinutes)}${over(t.withTimeToDetect)}`],
    ['mean time to resolve', `${formatMinutes(t.meanTimeToResolveMinutes)}${over(t.withTimeToResolve)}`],
    ['open action items', String(t.openActionItems)],
    ['incidents per month', (t.incidentsPerMonth.map((m) => `${m.month}: ${m.incidents}`).join(', ') || '-') + (t.undated ? ` (${t.undated} undated)` : '')],
  ];
}

export function statsTable(stats: Stats): string {
  const rows = aligned([tableColumns.map(([name]) => name), ...stats.postmortems.map((r) => tableColumns.map(([, cell]) => cell(r)))]);
  const totals = aligned(totalsLines(stats).map(([name, value]) => [`${name}:`, value]));
  return `${rows}\n\n${totals}`;
}

const csvColumns: (keyof IncidentRow)[] = [
  'file',
  'isPostmortem',
  'template',
  'words',
  'requiredPresent',
  'requiredTotal',
  'timelineEntries',
  'durationMinutes',
  'errors',
  'warnings',
  'missingSections',
  'title',
  'date',
  'start',
  'end',
  'detected',
  'timeToDetectMinutes',
  'timeToResolveMinutes',
  'actionItems',
  'openActionItems',
];

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row per postmortem under a header; then, after a blank line, the totals as `metric,value` rows. */
export function statsCsv(stats: Stats): string {
  const t = stats.totals;
  const totals: [string, unknown][] = [
    ['incidents', t.incidents],
    ['totalDurationMinutes', t.totalDurationMinutes],
    ['medianDurationMinutes', t.medianDurationMinutes],
    ['meanTimeToDetectMinutes', t.meanTimeToDetectMinutes],
    ['meanTimeToResolveMinutes', t.meanTimeToResolveMinutes],
    ['openActionItems', t.openActionItems],
    ...t.incidentsPerMonth.map((m): [string, unknown] => [`incidents ${m.month}`, m.incidents]),
  ];
  return [
    csvColumns.join(','),
    ...stats.postmortems.map((r) => csvColumns.map((c) => csvCell(r[c])).join(',')),
    '',
    'metric,value',
    ...totals.map(([k, v]) => `${csvCell(k)},${csvCell(v)}`),
  ].join('\n');
}
