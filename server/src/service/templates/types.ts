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
}

export interface TemplateSection {
  id: string;
  name: string;
  /**
   * Other names for the section. An alias may name one part of a combined section
   * (`Root Cause` is the `cause` part of `Root Cause and Resolution`): write it as `name|part`.
   */
  aliases: string[];
  required: boolean;
  fields: TemplateField[];
  /** What the section is for. */
  hover: string;
  /** What it must contain, one checklist item each. */
  checklist: string[];
  /** A short good example, Markdown. */
  example: string;
  /** Body inserted under the heading by the insert-section fix. */
  skeleton: string;
}

export interface Template {
  id: string;
  name: string;
  description: string;
  /** Where the template comes from (for the README and hover). */
  source: string;
  sections: TemplateSection[];
}
