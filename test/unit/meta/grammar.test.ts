import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinTemplates } from '../../../server/src/service';
import { repoRoot, tempFolder } from '../helpers';

// The grammar names every section of every template: a heading `## <name>` gets the
// markup.heading.postmortem-section scope. Checked with the grammar test runner on a generated fixture.

function fixture(names: string[]): string {
  const lines = ['<!-- SYNTAX TEST "text.html.markdown" "every template section name"'];
  for (const name of names) {
    lines.push(`## ${name}`, `<!-- <~~~${'-'.repeat(name.length)} markup.heading.postmortem-section entity.name.section.markdown`);
    lines.push(`**${name}:**`, `<!-- <${'-'.repeat(2)} markup.heading.postmortem-section punctuation.definition.bold.markdown`);
  }
  return `${lines.join('\n')}\n`;
}

describe('syntaxes/postmortem.injection.tmLanguage.json', function () {
  this.timeout(60_000);

  it('scopes a heading naming any section of any built-in template as a postmortem section', () => {
    const names = [...new Set(builtinTemplates.flatMap((t) => t.sections.map((s) => s.name)))];
    const folder = tempFolder('postmortem-grammar-');
    try {
      const file = join(folder.path, 'sections.test.md');
      writeFileSync(file, fixture(names));
      const result = spawnSync(process.execPath, [join(repoRoot, 'test', 'grammar', 'run.mjs'), file], { cwd: repoRoot, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /grammar: 1 passed, 0 failed/);
    } finally {
      folder.remove();
    }
  });
});
