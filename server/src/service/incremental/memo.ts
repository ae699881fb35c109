// Remembering pure functions of a text across analyses: after an edit most lines, sections and
// values read the same, so their readings are taken again instead of computed again.
//
// Memory stays bounded by what recent analyses read: every analysis starts a new generation
// (rotateRemembered), and a reading not used in this generation or the one before is forgotten.
// So an edited line's old readings go after two analyses, and re-analysing one document keeps
// about two of its versions' readings, whatever its size. A text is copied before it is kept (a
// line is a slice of the whole document's text, which it would otherwise keep alive).

/**
 * Readings by key, kept for the keys used in this generation and the one before. Each reading
 * carries the generation that last used it: a hit only stamps it (no copying from one generation's
 * map to the next), and a new generation sweeps out what the last two did not use.
 */
/** A remembered reading, with the generation that last used it. */
export interface RememberedEntry<T> {
  readonly value: T;
  used: number;
}

export class Remembered<T> {
  private readonly entries = new Map<string, RememberedEntry<T>>();

  constructor() {
    stores.push(this);
  }

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    entry.used = generation;
    return entry.value;
  }

  set(key: string, value: T): void {
    if (remembering) this.entries.set(key, { value, used: generation });
  }

  /** The entry of `key`, marked as used now: kept by a caller, it is marked again with `keepUsing`, without a look-up. */
  entryOf(key: string): RememberedEntry<T> | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) entry.used = generation;
    return entry;
  }

  /** Remembers `value` under `key` and gives its entry (see entryOf). */
  add(key: string, value: T): RememberedEntry<T> {
    const entry = { value, used: generation };
    if (remembering) this.entries.set(key, entry);
    return entry;
  }

  /** Forgets what neither the generation that just ended nor the one before it used. */
  sweep(): void {
    for (const [key, entry] of this.entries) if (entry.used < generation - 1) this.entries.delete(key);
  }

  /** Forgets everything and leaves the stores that rotateRemembered sweeps (for a store that is no longer used). */
  drop(): void {
    this.entries.clear();
    const at = stores.indexOf(this as Remembered<unknown>);
    if (at >= 0) stores.splice(at, 1);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

let generation = 0;
let remembering = true;

/**
 * Whether readings are remembered for later analyses (the default). A process that analyses each
 * text once (the command line) turns it off: nothing is kept that no later analysis would take
 * again, which is most of the memory an analysis of a long document holds, and no text is copied.
 * Turning it off forgets what was remembered.
 */
export function setRemembering(on: boolean): void {
  if (remembering === on) return;
  remembering = on;
  if (!on) forgetRememberedTexts();
}

/** Marks an entry (from entryOf or add) as used in this generation, as a look-up of its key would. */
export function keepUsing(entry: RememberedEntry<unknown>): void {
  entry.used = generation;
}
const stores: Remembered<unknown>[] = [];

/** A copy of `text` that holds no reference to a longer string it was cut from. */
export const ownCopy = (text: string): string => (text.length < 13 || !remembering ? text : ` ${text}`.slice(1));

/**
 * `read`, remembering its result per text (read from a copy of the text, so that the result does
 * not keep the document alive either). Only for functions whose result depends on the text alone
 * and is never changed by callers.
 */
export function rememberByText<T>(read: (text: string) => T): RememberingReader<T> {
  const known = new Remembered<{ value: T }>();
  const reader = (text: string) => {
    const found = known.get(text);
    if (found) return found.value;
    const own = ownCopy(text);
    const value = read(own);
    known.set(own, { value });
    return value;
  };
  return Object.assign(reader, { drop: () => known.drop() });
}

/** A reading remembered per text (rememberByText); `drop` forgets it for good, for a reader no longer used. */
export type RememberingReader<T> = ((text: string) => T) & { drop(): void };

/** Starts a new generation: what the last two analyses did not read is forgotten. */
export function rotateRemembered(): void {
  generation++;
  for (const store of stores) store.sweep();
}

/** How many readings are remembered, in every store (the tests read it). */
export function rememberedCount(): number {
  let count = 0;
  for (const store of stores) count += store.size;
  return count;
}

/** Forgets every remembered reading, the time readings' included (the benchmark measures cold analyses with it). */
export function forgetRememberedTexts(): void {
  for (const store of stores) store.clear();
}

const forgetters: (() => void)[] = [];

/**
 * Registers how to empty a cache whose keys outlive an analysis (templates, zone names, the
 * parser), so that forgetEverything empties it too. Such a cache holds only what its keys alone
 * determine and never grows past them, so it is not swept by generation.
 */
export function onForget(forget: () => void): void {
  forgetters.push(forget);
}

/**
 * Forgets every remembered reading and empties every cache, as a new process would start. The unit
 * tests do it before each test (test/unit/hooks.ts), so that no test sees what an earlier one read:
 * under mutation testing the modules stay loaded while mutants are switched, and a reading
 * remembered before would hide the mutated code.
 */
export function forgetEverything(): void {
  forgetRememberedTexts();
  for (const forget of forgetters) forget();
}
