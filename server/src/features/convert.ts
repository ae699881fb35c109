import { type Diagnostic as LspDiagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../service';

// Service findings -> LSP diagnostics. The code actions read `data` back, never the message.

export const docsBase = 'https://github.com/postmortem-tools/postmortem-lsp/blob/main/README.md';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticData {
  /** Index of the finding in the analysis of `version`. */
  index: number;
  version: number;
}

export function toLspDiagnostic(d: Diagnostic, index: number, version: number, uri: string): LspDiagnostic {
  const data: DiagnosticData = { index, version };
  return {
    range: d.range,
    severity: severities[d.severity],
    code: d.code,
    codeDescription: { href: `${docsBase}#${d.code}` },
    source: 'postmortem',
    message: d.message,
    data,
    // The other places a finding is about (every mis-decoded place, every placeholder of a section).
    ...(d.related?.length ? { relatedInformation: d.related.map((r) => ({ location: { uri, range: r.range }, message: r.message })) } : {}),
  };
}
