// The postmortem document model: what a careful reader sees in the Markdown.
// Positions are 0-based lines and UTF-16 columns, as in LSP.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** How the author marked a section heading. */
export type HeadingStyle = 'atx' | 'setext' | 'bold' | 'plain' | 'html' | 'list';

export interface Section {
  /** Template section id (`summary`, `timeline`, ...). */
  id: string;
  /** The heading line as written (markup included, trimmed). */
  heading: string;
  /** The heading's own text without markup. */
  label: string;
  style: HeadingStyle;
  /** 1-6 for atx/setext/html headings; 0 for pseudo-headings (bold or plain lines). */
  level: number;
  /** The heading itself. */
  headingRange: Range;
  /** Heading plus body, up to the next section heading of the same or a stronger rank. */
  range: Range;
  /** First and last line of the body (after the heading); bodyEndLine < bodyStartLine when empty. */
  bodyStartLine: number;
  bodyEndLine: number;
  /** True when the body holds nothing but blank lines, rules and comments. */
  empty: boolean;
  /** Which part of a combined section this heading names (e.g. `cause` of Root Cause and Resolution). */
  part?: string;
  /** `#Timeline`: meant as a heading but not one in CommonMark. */
  missingSpace?: boolean;
  /**
   * "Resolution and preventive steps" names two sections: the second is this copy, with the same
   * heading and body, and the id of the section that owns the heading. Outline and folding skip it.
   */
  sharesHeadingWith?: string;
  /** Why the heading was read as this section, in a reader's words. */
  reasons?: string[];
}

export interface Field {
  /** Template field id (`duration`, `impact`, `start`, ...). */
  id: string;
  /** The section the field sits in, or null above the first section. */
  sectionId: string | null;
  label: string;
  labelRange: Range;
  /** The value written after the label on the same line (may be empty). */
  value: string;
  valueRange: Range;
  /** The value with any continuation written on the following lines (nested list, next paragraph). */
  fullValue: string;
  /** Lines the value spans (inclusive). */
  valueEndLine: number;
  /** `sentence`: stated in a sentence of the section ("The root cause was …"), not under a label. */
  style: 'list' | 'bold' | 'plain' | 'table' | 'sentence';
  /** Indentation and markup before the label, so a fix can write a sibling in the same style. */
  prefix: string;
}

export interface TimelineEntry {
  line: number;
  /** Last line of the entry, nested lines included. */
  endLine: number;
  /** The time as written, e.g. `10:15 AM`. */
  timeText: string;
  timeRange: Range;
  /** The text after the time. */
  text: string;
  kind: 'list' | 'paragraph' | 'table' | 'nested' | 'heading';
  /** The date of a table row written in a column of its own (`| Jan 28 | 02:34 | … |`), as it is read. */
  dateText?: string;
  dateRange?: Range;
  /** The instant, ISO 8601 in UTC when a zone is known, or null when the time cannot be read. */
  time?: string | null;
  /**
   * The instant used to compare entries with each other and with the incident's start and end
   * (milliseconds; on a stand-in day when the document gives no date), or null when unread.
   */
  at?: number | null;
  /** How the time was read: what the entry took from the incident, a day line or the section. */
  timeNotes?: string[];
  /** The zone the time was read in (written, or taken from its neighbours, the section or the incident). */
  zone?: { text: string; zone: string } | null;
  /** The calendar day the time was placed on, or null when the document gives no date. */
  day?: { year: number; month: number; day: number } | null;
}

export interface Block {
  /** Markdown-it block type at the top level (`heading`, `paragraph`, `bullet_list`, `fence`, `html_block`, ...). */
  type: string;
  startLine: number;
  /** Exclusive. */
  endLine: number;
}

export interface FrontMatter {
  startLine: number;
  endLine: number;
  /** `postmortem.template` or `template`, when given. */
  template?: string;
  /** The front matter declares the document a postmortem (`postmortem:`, `type: postmortem`, an incident record's keys). */
  declaresPostmortem: boolean;
  /** Its `tags:` or `categories:` name postmortem: evidence, not a declaration. */
  taggedPostmortem?: boolean;
  /** A status page's incident record (`severity:`, `start_time:`, `incident_id:`): its `date:` is when the incident began. */
  incidentRecord?: boolean;
  /** `title:`, for a document whose title is not a heading (Jekyll, Hugo, Quarto). */
  title?: { text: string; line: number };
  /** Incident keys (`start_time`, `end_time`, `duration`, `date`, `timezone`, ...) with where their values are. */
  incidentKeys?: FrontMatterKey[];
}

export interface FrontMatterKey {
  /** The key as written, e.g. `start_time`. */
  key: string;
  line: number;
  /** The value without quotes. */
  value: string;
  /** Column where `value` starts. */
  valueStart: number;
}

export interface PostmortemDocument {
  /** Lines of the text without their line breaks. */
  lines: string[];
  /** The line break after each line ('' for the last). */
  eols: string[];
  hasBom: boolean;
  title: { text: string; line: number } | null;
  frontMatter: FrontMatter | null;
  sections: Section[];
  fields: Field[];
  timeline: TimelineEntry[];
  blocks: Block[];
  /** Headings that look like sections of no template, for outline and completion. */
  otherHeadings: { label: string; line: number; style: HeadingStyle; level: number }[];
  /** Prose words, code excluded. */
  words: number;
  /** Ranges of disable comments, by rule. */
  suppressions: Suppressions;
}

export interface Suppressions {
  /** Rules disabled for the whole file ('*' = all). */
  file: Set<string>;
  /** line -> rules disabled on that line ('*' = all). */
  lines: Map<number, Set<string>>;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';
