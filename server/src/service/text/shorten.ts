/** Text for a message: whole up to `max` characters, else cut to `max - 3` at most, without the spaces at the cut, and an ellipsis. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3).trimEnd()}…` : text;
}
