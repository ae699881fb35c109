import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings } from '../../../server/src/service';
import { repoRoot } from '../helpers';

// The extension manifest agrees with the code: settings with the service's defaults, commands
// registered by the client, grammars that exist.

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const properties: Record<string, Record<string, unknown>> = contributes.configuration.properties;

function clientSource(): string {
  const dir = join(repoRoot, 'client', 'src');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

describe('package.json contributes', () => {
  it('describes every setting', () => {
    for (const [key, schema] of Object.entries(properties)) {
      const description = (schema.markdownDescription ?? schema.description) as string | undefined;
      assert.ok(description && description.trim().length > 10, `${key} has no description`);
      if (Array.isArray(schema.enumDescriptions)) assert.equal(schema.enumDescriptions.length, (schema.enum as unknown[]).length, `${key} enumDescriptions`);
    }
  });

  it('has one setting per service setting, with the same default', () => {
    assert.deepEqual(
      Object.keys(properties).sort(),
      Object.keys(defaultSettings)
        .map((k) => `postmortem.${k}`)
        .sort(),
    );
    for (const [key, value] of Object.entries(defaultSettings)) assert.deepEqual(properties[`postmortem.${key}`].default, value, `postmortem.${key}`);
  });

  it('describes every command with a title in the Postmortem category (the manifest has no other description field for commands)', () => {
    for (const c of contributes.commands) {
      assert.match(c.command, /^postmortem\.[a-zA-Z]+$/);
      assert.ok(c.title && c.title.trim().length > 3, `${c.command} has no title`);
      assert.equal(c.category, 'Postmortem', c.command);
    }
  });

  it('registers every contributed command in the client, and contributes every command the client registers', () => {
    const registered = [...clientSource().matchAll(/registerCommand\(\s*'([^']+)'/g)].map((m) => m[1]).sort();
    const contributed = contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(registered, contributed);
  });

  it('lists only contributed commands in menus', () => {
    const contributed = new Set(contributes.commands.map((c: { command: string }) => c.command));
    for (const [menu, entries] of Object.entries(contributes.menus as Record<string, { command: string }[]>)) {
      for (const e of entries) assert.ok(contributed.has(e.command), `${menu}: ${e.command}`);
    }
  });

  it('injects the postmortem grammar into Markdown from a file that declares the same scope', () => {
    assert.equal(contributes.grammars.length, 1);
    const [contribution] = contributes.grammars;
    assert.deepEqual(contribution.injectTo, ['text.html.markdown']);
    const grammar = JSON.parse(readFileSync(join(repoRoot, contribution.path), 'utf8'));
    assert.equal(grammar.scopeName, contribution.scopeName);
    assert.match(grammar.injectionSelector, /^L:text\.html\.markdown\b/);
  });
});
