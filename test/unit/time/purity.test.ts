import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The time service runs in the language server, the CLI and tests alike: no I/O, no editor, no clock.
const SERVICE = join(__dirname, '../../../server/src/service/time');
const FORBIDDEN: [RegExp, string][] = [
  [/from ['"]node:|require\(/, 'Node imports'],
  [/from ['"]vscode/, 'editor or LSP imports'],
  [/Date\.now\(|new Date\(\)/, 'the current time'],
];

describe('time: purity', () => {
  for (const file of readdirSync(SERVICE).filter((f) => f.endsWith('.ts'))) {
    it(`${file} uses no Node, editor, LSP or current-time APIs`, () => {
      const source = readFileSync(join(SERVICE, file), 'utf8');
      for (const [pattern, what] of FORBIDDEN) assert.doesNotMatch(source, pattern, `${file} uses ${what}`);
    });
  }
});
