// A template is data: the sections a postmortem of that kind has, in order.

export interface TemplateField {
  id: string;
  name: string;
  aliases: string[];
  required: boolean;
  /** What a good value says (hover text). */
  hover: string;
  /** Placeholder value written by the insert-field fix. */
  placeholder: string;
  /** A good value, shown in the hover. */
  example?: string;
}

/**
 * How to tell whether a document covers a checklist item. Checks read the section's own text
 * (every heading of it), leaving out lines still as the template's skeleton wrote them.
 */
export type ChecklistCheck =
  /** The section has this field, filled in (not the template's placeholder). */
  | { field: string }
  /** The document has at least this many timestamped timeline entries. */
  | { timelineEntries: number }
  /** The section's text matches. */
  | { pattern: RegExp }
  | { anyOf: ChecklistCheck[] }
  | { allOf: ChecklistCheck[] };

export interface ChecklistItem {
  text: string;
  /** Without a check, the item counts as covered when the section has content of its own. */
  check?: ChecklistCheck;
}

export interface TemplateSection {
  id: string;
  name: string;
  /**
   * Other names for the section. An alias may name one part of a combined section
   * (`Root Cause` is the `cause` part of `Root Cause and Resolution`): write it as `name|part`.
   */
  aliases: string[];
  /**
   * Parts written beside the section rather than as a piece of it ("Contributing Factors" after
   * "Root Cause"): a heading naming one repeats only another heading of that part.
   */
  besideParts?: string[];
  required: boolean;
  fields: TemplateField[];
  /** What the section is for. */
  hover: string;
  /** What it must contain, one checklist item each. */
  checklist: ChecklistItem[];
  /** A short good example, Markdown. */
  example: string;
  /** Body inserted under the heading by the insert-section fix. */
  skeleton: string;
  /**
   * What a heading names when it uses none of the aliases: intent words (stems, matched at the start
   * of a word: `prevent` for "preventive"; `cause$` for the word itself, not "caused") and, when given, a head noun that must come with them
   * ("Steps to keep this from recurring" = `recur` + `step`), or two intent words together. A heading matched this way is not an
   * exact name, so a bare plain line still needs a real one.
   */
  intents?: SectionIntent[];
}

export interface SectionIntent {
  words: string[];
  heads?: string[];
  /** Words that make the heading about something else ("System overview", "Summary of changes"): no match with them. */
  except?: string[];
  /** The part of a combined section it names (`cause`, `resolution`). */
  part?: string;
}

export interface Template {
  id: string;
  name: string;
  description: string;
  /** Where the template comes from (for the README and hover). */
  source: string;
  sections: TemplateSection[];
}
