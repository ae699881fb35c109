/**
 * The text of an inline code span that is only a bracketed placeholder (`` `[start time]` ``,
 * `` `<service>` ``): a template's gap written as code, still a gap. Other code is commands and names.
 */
export const codedPlaceholder = /^\s*(?:\[[^[\]]*[A-Za-z][^[\]]*\]|<[A-Za-z][^<>]*>)\s*$/;
