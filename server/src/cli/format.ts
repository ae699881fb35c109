import type { Analysis, Diagnostic } from '../service';

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
export function analysisJson(file: string, analysis: Analysis) {
  const { document, incident } = analysis;
  return {
    file,
    isPostmortem: analysis.classification.isPostmortem,
    template: analysis.template.id,
    title: document.title?.text ?? null,
    words: document.words,
    sections: document.sections.map((s) => ({ id: s.id, heading: s.heading, line: s.range.start.line + 1, endLine: s.range.end.line + 1, style: s.style })),
    missingSections: analysis.missingSections,
    incident: {
      start: incident.start?.iso ?? null,
      end: incident.end?.iso ?? null,
      timezone: incident.timezone,
      durationMinutes: incident.durationMinutes,
      statedDurationMinutes: incident.statedDuration?.minutes ?? null,
    },
    timeline: document.timeline.map((e) => ({ line: e.line + 1, time: e.time ?? null, text: e.text })),
    diagnostics: analysis.diagnostics.map((d) => diagnosticJson(d, document.hasBom)),
  };
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

export function sarif(files: FileAnalysis[]) {
  const rules = new Map<string, string>();
  for (const f of files) for (const r of f.analysis.diagnostics) rules.set(r.code, r.code);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'postmortem',
            informationUri: 'https://github.com/postmortem-tools/postmortem-lsp',
            rules: [...rules.keys()].map((id) => ({ id, helpUri: `https://github.com/postmortem-tools/postmortem-lsp#${id}` })),
          },
        },
        results: files.flatMap((f) =>
          f.analysis.diagnostics.map((d) => ({
            ruleId: d.code,
            level: sarifLevel[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: f.file.split('\\').join('/') },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

export function statsRows(files: FileAnalysis[]) {
  return files.map(({ file, analysis }) => {
    const required = analysis.template.sections.filter((s) => s.required).length;
    return {
      file,
      isPostmortem: analysis.classification.isPostmortem,
      template: analysis.template.id,
      words: analysis.document.words,
      sections: analysis.document.sections.length,
      requiredPresent: required - analysis.missingSections.length,
      requiredTotal: required,
      missingSections: analysis.missingSections.join(' '),
      timelineEntries: analysis.document.timeline.length,
      durationMinutes: analysis.incident.durationMinutes,
      errors: analysis.diagnostics.filter((d) => d.severity === 'error').length,
      warnings: analysis.diagnostics.filter((d) => d.severity === 'warning').length,
    };
  });
}

type Row = ReturnType<typeof statsRows>[number];
const columns: (keyof Row)[] = [
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
];

export function statsTable(rows: Row[]): string {
  const cells = [columns.map(String), ...rows.map((r) => columns.map((c) => (r[c] === null ? '-' : String(r[c]))))];
  const width = columns.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => c.padEnd(width[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function statsCsv(rows: Row[]): string {
  const quote = (v: unknown) => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => quote(r[c])).join(','))].join('\n');
}
