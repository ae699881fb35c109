import { type Node, type ParseError, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { SeveritySetting } from './model';
import { builtinTemplates, defaultTemplateId } from './templates';
import { readChecklist } from './templates/checklist';
import type { Template, TemplateField, TemplateSection } from './templates';

// Settings: typed once, shared by the language server, the CLI and the manifest meta test.

export interface PostmortemSettings {
  /** Template id: a built-in one or one defined in `.postmortemrc.json`. */
  template: string;
  /** Globs of files that are postmortems whatever their content. */
  files: string[];
  /** Also treat Markdown files as postmortems when their content says so. */
  detectByContent: boolean;
  /** Severity per rule code; 'off' turns a rule off. */
  rules: Record<string, SeveritySetting>;
  /** Above this many characters only the structure is analysed. */
  maxDocumentSize: number;
  /** Reading of ambiguous zone abbreviations (CST, IST, BST). */
  ambiguousTimeZones: 'us' | 'other';
  /** Reading of numeric dates whose day and month are ambiguous (04-12-2022). */
  dateOrder: 'mdy' | 'dmy';
  /** Prose words a postmortem of each template should have (`word-count`); a template without an entry has no range. */
  wordCount: Record<string, WordRange>;
  /** Phrases `blame-language` flags besides its own (case-insensitive). */
  blameWords: string[];
  /** Names `blame-language` never takes for a person: systems and teams named like people (`Jenkins`). */
  allowedNames: string[];
  /** Phrases `vague-action` flags besides its own when an action item names nothing more concrete. */
  vagueWords: string[];
}

/** A range of prose words; either end may be left open. */
export interface WordRange {
  min?: number;
  max?: number;
}

export const defaultFileGlobs = [
  '**/*postmortem*.md',
  '**/*post-mortem*.md',
  '**/*postmortem*/**/*.md',
  '**/*post-mortem*/**/*.md',
  '**/postmortems/**/*.md',
  '**/incidents/**/*.md',
  '**/*incident-report*.md',
];

export const defaultSettings: PostmortemSettings = {
  template: defaultTemplateId,
  files: defaultFileGlobs,
  detectByContent: true,
  rules: {},
  maxDocumentSize: 1_000_000,
  ambiguousTimeZones: 'us',
  dateOrder: 'dmy',
  wordCount: { standard: { min: 400, max: 600 } },
  blameWords: [],
  allowedNames: [],
  vagueWords: [],
};

export const severitySettings: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];

export interface ConfigProblem {
  message: string;
  /** 0-based. */
  line: number;
  character: number;
  severity: 'error' | 'warning';
}

export interface ProjectConfig {
  settings: Partial<PostmortemSettings>;
  templates: Template[];
  problems: ConfigProblem[];
}

export const configFileName = '.postmortemrc.json';

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = (before.match(/\r\n|\r|\n/g) ?? []).length;
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line, character: offset - lastBreak - 1 };
}

/**
 * Reads `.postmortemrc.json` text. Anything broken is reported with its line and column and
 * left out, so the defaults apply to it and the rest of the file still counts.
 */
export function parseProjectConfig(text: string, knownRules: readonly string[]): ProjectConfig {
  const problems: ConfigProblem[] = [];
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const report = (node: Node | undefined, message: string, severity: 'error' | 'warning' = 'error') => {
    const at = positionAt(text, node?.offset ?? 0);
    problems.push({ message, line: at.line, character: at.character, severity });
  };
  if (errors.length || !root) {
    for (const e of errors.slice(0, 5)) {
      const at = positionAt(text, e.offset);
      problems.push({ message: `invalid JSON: ${printParseErrorCode(e.error)}`, line: at.line, character: at.character, severity: 'error' });
    }
    if (!root) problems.push({ message: 'empty configuration', line: 0, character: 0, severity: 'error' });
    return { settings: {}, templates: [], problems };
  }
  if (root.type !== 'object') {
    report(root, 'the configuration must be a JSON object');
    return { settings: {}, templates: [], problems };
  }
  const settings: Partial<PostmortemSettings> = {};
  const templates: Template[] = [];
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    const key = String(keyNode?.value);
    const value = valueNode ? getNodeValue(valueNode) : undefined;
    switch (key) {
      case '$schema':
        break;
      case 'template':
        if (typeof value === 'string' && value) settings.template = value;
        else report(valueNode, '"template" must be a template name, e.g. "standard"');
        break;
      case 'files':
        if (Array.isArray(value) && value.every((v) => typeof v === 'string')) settings.files = value;
        else report(valueNode, '"files" must be an array of glob strings');
        break;
      case 'detectByContent':
        if (typeof value === 'boolean') settings.detectByContent = value;
        else report(valueNode, '"detectByContent" must be true or false');
        break;
      case 'maxDocumentSize':
        if (typeof value === 'number' && value > 0) settings.maxDocumentSize = value;
        else report(valueNode, '"maxDocumentSize" must be a positive number of characters');
        break;
      case 'ambiguousTimeZones':
        if (value === 'us' || value === 'other') settings.ambiguousTimeZones = value;
        else report(valueNode, '"ambiguousTimeZones" must be "us" or "other"');
        break;
      case 'dateOrder':
        if (value === 'mdy' || value === 'dmy') settings.dateOrder = value;
        else report(valueNode, '"dateOrder" must be "mdy" or "dmy"');
        break;
      case 'rules':
        settings.rules = readRules(valueNode, knownRules, report);
        break;
      case 'wordCount': {
        const ranges = readWordCount(value);
        if (ranges) settings.wordCount = ranges;
        else report(valueNode, '"wordCount" must map template names to { "min": N, "max": N }, e.g. { "standard": { "min": 400, "max": 600 } }');
        break;
      }
      case 'blameWords':
      case 'allowedNames':
      case 'vagueWords': {
        const words = strings(value);
        if (!words) report(valueNode, `"${key}" must be an array of strings`);
        else if (key === 'blameWords') settings.blameWords = words;
        else if (key === 'allowedNames') settings.allowedNames = words;
        else settings.vagueWords = words;
        break;
      }
      case 'templates':
        templates.push(...readTemplates(valueNode, report));
        break;
      default:
        report(keyNode, `unknown setting "${key}"`, 'warning');
    }
  }
  if (settings.template && !builtinTemplates.some((t) => t.id === settings.template) && !templates.some((t) => t.id === settings.template)) {
    report(
      findNodeAtLocation(root, ['template']),
      `unknown template "${settings.template}"; known: ${[...builtinTemplates, ...templates].map((t) => t.id).join(', ')}`,
    );
    delete settings.template;
  }
  return { settings, templates, problems };
}

/** `{ "standard": { "min": 400, "max": 600 } }`, or undefined when it is not of that shape. */
export function readWordCount(value: unknown): Record<string, WordRange> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Record<string, WordRange> = {};
  const count = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  for (const [template, range] of Object.entries(value as Record<string, unknown>)) {
    if (!range || typeof range !== 'object' || Array.isArray(range)) return undefined;
    const { min, max, ...rest } = range as Record<string, unknown>;
    if (Object.keys(rest).length || (min !== undefined && !count(min)) || (max !== undefined && !count(max))) return undefined;
    if (typeof min === 'number' && typeof max === 'number' && min > max) return undefined;
    out[template] = { ...(typeof min === 'number' ? { min } : {}), ...(typeof max === 'number' ? { max } : {}) };
  }
  return out;
}

type Report = (node: Node | undefined, message: string, severity?: 'error' | 'warning') => void;

function readRules(node: Node | undefined, knownRules: readonly string[], report: Report): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  if (node?.type !== 'object') {
    report(node, '"rules" must be an object of rule code to severity');
    return rules;
  }
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    const code = String(keyNode?.value);
    const value = valueNode?.value;
    if (!knownRules.includes(code)) report(keyNode, `unknown rule "${code}"`, 'warning');
    else if (!severitySettings.includes(value)) report(valueNode, `severity of "${code}" must be one of ${severitySettings.join(', ')}`);
    else rules[code] = value;
  }
  return rules;
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}

function readTemplates(node: Node | undefined, report: Report): Template[] {
  const out: Template[] = [];
  if (node?.type !== 'object') {
    report(node, '"templates" must be an object of template name to template');
    return out;
  }
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    const id = String(keyNode?.value);
    const raw = valueNode ? getNodeValue(valueNode) : undefined;
    if (!raw || typeof raw !== 'object' || !Array.isArray(raw.sections) || raw.sections.length === 0) {
      report(valueNode, `template "${id}" needs a non-empty "sections" array`);
      continue;
    }
    const base = typeof raw.extends === 'string' ? builtinTemplates.find((t) => t.id === raw.extends) : undefined;
    if (raw.extends !== undefined && !base)
      report(findNodeAtLocation(valueNode as Node, ['extends']), `template "${id}" extends unknown template "${raw.extends}"`);
    const sections: TemplateSection[] = [];
    raw.sections.forEach((s: Record<string, unknown>, i: number) => {
      const at = findNodeAtLocation(valueNode as Node, ['sections', i]);
      const sectionId = typeof s?.id === 'string' ? s.id : undefined;
      const inherited = base?.sections.find((b) => b.id === sectionId);
      const name = typeof s?.name === 'string' ? s.name : inherited?.name;
      if (!sectionId || !/^[a-z][a-z0-9-]*$/.test(sectionId) || !name) {
        report(at, `section ${i + 1} of template "${id}" needs an "id" (kebab-case) and a "name"`);
        return;
      }
      const fields: TemplateField[] = Array.isArray(s.fields)
        ? (s.fields as Record<string, unknown>[]).flatMap((f, j) => {
            if (typeof f?.id !== 'string' || typeof f?.name !== 'string') {
              report(
                findNodeAtLocation(valueNode as Node, ['sections', i, 'fields', j]),
                `field ${j + 1} of section "${sectionId}" needs an "id" and a "name"`,
              );
              return [];
            }
            return [
              {
                id: f.id,
                name: f.name,
                aliases: strings(f.aliases) ?? [],
                required: f.required !== false,
                hover: typeof f.hover === 'string' ? f.hover : '',
                placeholder: typeof f.placeholder === 'string' ? f.placeholder : '',
              },
            ];
          })
        : (inherited?.fields ?? []);
      sections.push({
        id: sectionId,
        name,
        aliases: strings(s.aliases) ?? inherited?.aliases ?? [],
        ...(inherited?.besideParts ? { besideParts: inherited.besideParts } : {}),
        required: s.required !== undefined ? s.required !== false : (inherited?.required ?? true),
        fields,
        hover: typeof s.hover === 'string' ? s.hover : (inherited?.hover ?? ''),
        checklist: readChecklist(s.checklist) ?? inherited?.checklist ?? [],
        example: typeof s.example === 'string' ? s.example : (inherited?.example ?? ''),
        skeleton: typeof s.skeleton === 'string' ? s.skeleton : (inherited?.skeleton ?? ''),
      });
    });
    if (sections.length) {
      out.push({
        id,
        name: typeof raw.name === 'string' ? raw.name : id,
        description: typeof raw.description === 'string' ? raw.description : '',
        source: '.postmortemrc.json',
        sections,
      });
    }
  }
  return out;
}

/** Settings from every layer, later ones winning: defaults, editor settings, project file. */
export function mergeSettings(...layers: (Partial<PostmortemSettings> | undefined)[]): PostmortemSettings {
  const merged: PostmortemSettings = { ...defaultSettings, rules: {} };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer) as [keyof PostmortemSettings, unknown][]) {
      if (value === undefined || value === null) continue;
      if (key === 'rules') merged.rules = { ...merged.rules, ...(value as Record<string, SeveritySetting>) };
      // Ranges are per template: a layer that sets one template's range keeps the others'.
      else if (key === 'wordCount') merged.wordCount = { ...merged.wordCount, ...(value as Record<string, WordRange>) };
      else (merged as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}
