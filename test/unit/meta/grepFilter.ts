// How test/unit/stryker-grep.ts reads the titles out of StrykerJS's test filter (see there).

const SEPARATOR = '$)|(^';

/** The titles a runner's filter expression names, or undefined when it is not one. */
export function titlesOf(re: RegExp): string[] | undefined {
  const source = re.source;
  if (re.flags || !source.startsWith('(^') || !source.endsWith('$)')) return undefined;
  const titles = source
    .slice(2, -2)
    .split(SEPARATOR)
    .map((t) => t.replace(/\\(.)/g, '$1'));
  // The same expression rebuilt from the titles read must be the one given (a title holding a
  // line break or a slash would not read back): otherwise the expression is used as it is. The escape
  // is @stryker-mutator/util's escapeRegExp (an ES module this CommonJS hook cannot load at once;
  // grepFilter.test.ts builds its expressions with the real one).
  const rebuilt = titles.map((t) => `(^${t.replace(/[.*+\-?^${}()|[\]\\]/g, '\\$&')}$)`).join('|');
  return new RegExp(rebuilt).source === source ? titles : undefined;
}

/** An object mocha can use as its grep (it only calls `test`), matching exactly these titles. */
export function titleFilter(titles: readonly string[]): RegExp {
  const wanted = new Set(titles);
  const filter = /(?:)/;
  filter.test = (title: string) => wanted.has(title);
  return filter;
}
