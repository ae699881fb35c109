// Remembering pure functions of a text across analyses: after an edit most lines, sections and
// values read the same, so their readings are taken again instead of computed again.

/**
 * `read`, remembering its results for up to `limit` distinct texts of up to `maxChars` characters
 * in all (all forgotten at once past either). Only for functions whose result depends on the text
 * alone and is never changed by callers.
 */
export function rememberByText<T>(read: (text: string) => T, limit = 20_000, maxChars = 2_000_000): (text: string) => T {
  const known = new Map<string, T>();
  let chars = 0;
  forgetters.push(() => {
    known.clear();
    chars = 0;
  });
  return (text: string) => {
    const found = known.get(text);
    if (found !== undefined || known.has(text)) return found as T;
    const value = read(text);
    if (text.length > maxChars / 4) return value;
    if (known.size >= limit || chars + text.length > maxChars) {
      known.clear();
      chars = 0;
    }
    known.set(text, value);
    chars += text.length;
    return value;
  };
}

const forgetters: (() => void)[] = [];

/** Forgets every remembered reading (the benchmark measures cold analyses with it, with forgetTimeReadings). */
export function forgetRememberedTexts(): void {
  for (const forget of forgetters) forget();
}
