// A strict reader of VS Code / TextMate snippet syntax, for testing the snippets we ship and the
// snippet text the server sends. It follows VS Code's grammar:
//
//   any         ::= tabstop | placeholder | choice | variable | text
//   tabstop     ::= '$' int | '${' int '}' | '${' int transform '}'
//   placeholder ::= '${' int ':' any '}'
//   choice      ::= '${' int '|' text (',' text)* '|}'
//   variable    ::= '$' var | '${' var '}' | '${' var ':' any '}' | '${' var transform '}'
//   transform   ::= '/' regex '/' (format | text)+ '/' options
//
// and is stricter than VS Code where VS Code silently inserts something else than meant: an
// unescaped `$` that starts nothing, an unescaped `}` outside a placeholder, an unknown variable
// (VS Code turns its name into a placeholder) and one tab stop with two different defaults.

export const knownVariables = new Set([
  'TM_SELECTED_TEXT',
  'TM_CURRENT_LINE',
  'TM_CURRENT_WORD',
  'TM_LINE_INDEX',
  'TM_LINE_NUMBER',
  'TM_FILENAME',
  'TM_FILENAME_BASE',
  'TM_DIRECTORY',
  'TM_FILEPATH',
  'RELATIVE_FILEPATH',
  'CLIPBOARD',
  'WORKSPACE_NAME',
  'WORKSPACE_FOLDER',
  'CURSOR_INDEX',
  'CURSOR_NUMBER',
  'CURRENT_YEAR',
  'CURRENT_YEAR_SHORT',
  'CURRENT_MONTH',
  'CURRENT_MONTH_NAME',
  'CURRENT_MONTH_NAME_SHORT',
  'CURRENT_DATE',
  'CURRENT_DAY_NAME',
  'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR',
  'CURRENT_MINUTE',
  'CURRENT_SECOND',
  'CURRENT_SECONDS_UNIX',
  'CURRENT_TIMEZONE_OFFSET',
  'RANDOM',
  'RANDOM_HEX',
  'UUID',
  'BLOCK_COMMENT_START',
  'BLOCK_COMMENT_END',
  'LINE_COMMENT',
]);

export type SnippetNode =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number; children: SnippetNode[]; placeholder: boolean }
  | { type: 'choice'; index: number; options: string[] }
  | { type: 'variable'; name: string; children: SnippetNode[] };

export interface ParsedSnippet {
  nodes: SnippetNode[];
  errors: string[];
  /** Tab stop numbers in order of appearance, repeats included. */
  tabstops: number[];
  variables: string[];
}

class Reader {
  pos = 0;
  errors: string[] = [];
  tabstops: number[] = [];
  variables: string[] = [];
  private defaults = new Map<number, string>();

  constructor(private readonly text: string) {}

  private error(message: string): void {
    this.errors.push(`${message} at offset ${this.pos}: ${JSON.stringify(this.text.slice(Math.max(0, this.pos - 20), this.pos + 20))}`);
  }

  private peek(offset = 0): string {
    return this.text[this.pos + offset] ?? '';
  }

  private readWhile(pattern: RegExp): string {
    const start = this.pos;
    while (this.pos < this.text.length && pattern.test(this.text[this.pos])) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** Nodes until the end, or until an unescaped `}` inside a placeholder. */
  any(nested: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (this.pos < this.text.length) {
      const c = this.peek();
      if (c === '\\') {
        const next = this.peek(1);
        // `\$`, `\}` and `\\` escape; any other backslash is itself.
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += c;
          this.pos++;
        }
        continue;
      }
      if (c === '}') {
        if (nested) break;
        this.error('unescaped "}" outside a placeholder (write "\\}")');
        text += c;
        this.pos++;
        continue;
      }
      if (c === '$') {
        flush();
        const node = this.dollar();
        if (node) nodes.push(node);
        else text += '$';
        continue;
      }
      text += c;
      this.pos++;
    }
    flush();
    return nodes;
  }

  private dollar(): SnippetNode | undefined {
    const start = this.pos;
    this.pos++; // $
    if (/\d/.test(this.peek())) {
      const index = Number(this.readWhile(/\d/));
      this.tabstops.push(index);
      return { type: 'tabstop', index, children: [], placeholder: false };
    }
    if (/[_a-zA-Z]/.test(this.peek())) {
      const name = this.readWhile(/[_a-zA-Z0-9]/);
      this.variable(name);
      return { type: 'variable', name, children: [] };
    }
    if (this.peek() !== '{') {
      this.pos = start;
      this.error('unescaped "$" that starts no tab stop or variable (write "\\$")');
      this.pos = start + 1;
      return undefined;
    }
    this.pos++; // {
    if (/\d/.test(this.peek())) {
      const index = Number(this.readWhile(/\d/));
      this.tabstops.push(index);
      const c = this.peek();
      if (c === '}') {
        this.pos++;
        return { type: 'tabstop', index, children: [], placeholder: false };
      }
      if (c === ':') {
        this.pos++;
        const children = this.any(true);
        this.close();
        this.rememberDefault(index, render(children));
        return { type: 'tabstop', index, children, placeholder: true };
      }
      if (c === '|') {
        this.pos++;
        const options = this.choice();
        return { type: 'choice', index, options };
      }
      if (c === '/') {
        this.transform();
        return { type: 'tabstop', index, children: [], placeholder: false };
      }
      this.error(`"\${${index}" followed by "${c}"`);
      return undefined;
    }
    if (/[_a-zA-Z]/.test(this.peek())) {
      const name = this.readWhile(/[_a-zA-Z0-9]/);
      this.variable(name);
      const c = this.peek();
      if (c === '}') {
        this.pos++;
        return { type: 'variable', name, children: [] };
      }
      if (c === ':') {
        this.pos++;
        const children = this.any(true);
        this.close();
        return { type: 'variable', name, children };
      }
      if (c === '/') {
        this.transform();
        return { type: 'variable', name, children: [] };
      }
      this.error(`"\${${name}" followed by "${c}"`);
      return undefined;
    }
    this.error('"${" followed by neither a number nor a variable name');
    return undefined;
  }

  private variable(name: string): void {
    this.variables.push(name);
    if (!knownVariables.has(name)) this.error(`unknown variable "${name}" (VS Code would insert its name)`);
  }

  private rememberDefault(index: number, value: string): void {
    const earlier = this.defaults.get(index);
    if (earlier !== undefined && earlier !== value) this.error(`tab stop ${index} has two defaults: ${JSON.stringify(earlier)} and ${JSON.stringify(value)}`);
    else this.defaults.set(index, value);
  }

  private close(): void {
    if (this.peek() === '}') this.pos++;
    else this.error('placeholder without its closing "}"');
  }

  /** `a,b|}` after `${1|`: options with `\,` `\|` `\\` `\$` `\}` escapes. */
  private choice(): string[] {
    const options: string[] = [];
    let option = '';
    while (this.pos < this.text.length) {
      const c = this.peek();
      if (c === '\\' && /[,|\\$}]/.test(this.peek(1))) {
        option += this.peek(1);
        this.pos += 2;
        continue;
      }
      if (c === ',') {
        options.push(option);
        option = '';
        this.pos++;
        continue;
      }
      if (c === '|' && this.peek(1) === '}') {
        options.push(option);
        this.pos += 2;
        if (options.some((o) => o === '')) this.error('a choice with an empty option');
        return options;
      }
      option += c;
      this.pos++;
    }
    this.error('choice without its closing "|}"');
    return options;
  }

  /** `/regex/format/options}` */
  private transform(): void {
    this.pos++; // /
    const part = () => {
      let out = '';
      while (this.pos < this.text.length && this.peek() !== '/') {
        if (this.peek() === '\\') {
          out += this.peek() + this.peek(1);
          this.pos += 2;
        } else out += this.text[this.pos++];
      }
      if (this.peek() !== '/') this.error('transform without its closing "/"');
      this.pos++;
      return out;
    };
    const regex = part();
    part(); // format
    const options = this.readWhile(/[a-z]/);
    try {
      new RegExp(regex, options);
    } catch (error) {
      this.error(`invalid transform regex: ${(error as Error).message}`);
    }
    this.close();
  }
}

export function parseSnippet(body: string): ParsedSnippet {
  const reader = new Reader(body);
  const nodes = reader.any(false);
  return { nodes, errors: reader.errors, tabstops: reader.tabstops, variables: reader.variables };
}

/** The text the snippet inserts when every tab stop keeps its default (choices: the first option). */
export function render(nodes: readonly SnippetNode[], variables: Readonly<Record<string, string>> = {}): string {
  const one = (n: SnippetNode): string => {
    if (n.type === 'text') return n.value;
    if (n.type === 'choice') return n.options[0] ?? '';
    if (n.type === 'variable') return variables[n.name] ?? render(n.children, variables);
    return render(n.children, variables);
  };
  return nodes.map(one).join('');
}

/** Variables with fixed values, for rendering in tests. */
export const sampleVariables: Record<string, string> = {
  CURRENT_YEAR: '2024',
  CURRENT_MONTH: '01',
  CURRENT_DATE: '19',
  CURRENT_HOUR: '15',
  CURRENT_MINUTE: '07',
  CURRENT_SECOND: '00',
  CURRENT_TIMEZONE_OFFSET: '+02:00',
};
