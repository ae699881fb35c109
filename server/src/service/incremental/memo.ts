// Remembering pure functions of a text across analyses: after an edit most lines, sections and
// values read the same, so their readings are taken again instead of computed again.
//
// Memory stays bounded by what recent analyses read: every analysis starts a new generation
// (rotateRemembered), and a reading not used in this generation or the one before is forgotten.
// So an edited line's old readings go after two analyses, and re-analysing one document keeps
// about two of its versions' readings, whatever its size. A text is copied before it is kept (a
// line is a slice of the whole document's text, which it would otherwise keep alive).

/** Readings by key, kept for the keys used in this generation and the one before. */
export class Remembered<T> {
  private current = new Map<string, T>();
  private previous = new Map<string, T>();

  constructor() {
    stores.push(this);
  }

  get(key: string): T | undefined {
    const found = this.current.get(key);
    if (found !== undefined) return found;
    const old = this.previous.get(key);
    if (old !== undefined) this.current.set(key, old);
    return old;
  }

  set(key: string, value: T): void {
    this.current.set(key, value);
  }

  rotate(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  clear(): void {
    this.current.clear();
    this.previous.clear();
  }
}

const stores: Remembered<unknown>[] = [];

/** A copy of `text` that holds no reference to a longer string it was cut from. */
export const ownCopy = (text: string): string => (text.length < 13 ? text : ` ${text}`.slice(1));

/**
 * `read`, remembering its result per text (read from a copy of the text, so that the result does
 * not keep the document alive either). Only for functions whose result depends on the text alone
 * and is never changed by callers.
 */
export function rememberByText<T>(read: (text: string) => T): (text: string) => T {
  const known = new Remembered<{ value: T }>();
  return (text: string) => {
    const found = known.get(text);
    if (found) return found.value;
    const own = ownCopy(text);
    const value = read(own);
    known.set(own, { value });
    return value;
  };
}

/** Starts a new generation: what the last two analyses did not read is forgotten. */
export function rotateRemembered(): void {
  for (const store of stores) store.rotate();
}

/** Forgets every remembered reading (the benchmark measures cold analyses with it, with forgetTimeReadings). */
export function forgetRememberedTexts(): void {
  for (const store of stores) store.clear();
}
