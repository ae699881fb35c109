import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { generateSnippets, type Snippet, snippetsFileText, snippetsPath } from '../../../scripts/generate-snippets';
import { builtinTemplates } from '../../../server/src/service';
import { analyze, repoRoot } from '../helpers';
import { parseSnippet, render, sampleVariables } from './snippetSyntax';

const committed = readFileSync(snippetsPath, 'utf8');
const snippets = parseJsonc(committed) as Record<string, Snippet>;
const bodyOf = (s: Snippet) => s.body.join('\n');

describe('snippets/postmortem.code-snippets', () => {
  it('is the file scripts/generate-snippets.ts writes from the templates', () => {
    assert.equal(committed, snippetsFileText(), 'out of date: run npx tsx scripts/generate-snippets.ts');
  });

  it('is the file package.json contributes for Markdown', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.snippets, [{ language: 'markdown', path: './snippets/postmortem.code-snippets' }]);
  });

  it('has unique prefixes, all starting with pm-', () => {
    const prefixes = Object.values(snippets).map((s) => s.prefix);
    assert.deepEqual(
      prefixes.filter((p, i) => prefixes.indexOf(p) !== i),
      [],
    );
    for (const p of prefixes) assert.match(p, /^pm-[a-z0-9-]+$/);
  });

  it('gives every snippet a description', () => {
    for (const [name, s] of Object.entries(snippets)) assert.ok(s.description.trim().length > 10, name);
  });

  it('writes every body in valid snippet syntax', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const parsed = parseSnippet(bodyOf(s));
      assert.deepEqual(parsed.errors, [], `${name} (${s.prefix})`);
    }
  });

  it('leaves the pm-timeline snippets to the language server, which knows the entry before and the zone', () => {
    assert.deepEqual(
      Object.values(snippets)
        .map((s) => s.prefix)
        .filter((p) => p.startsWith('pm-timeline')),
      [],
    );
  });

  it('has a snippet for every section of every template, and a whole postmortem per template', () => {
    const prefixes = new Set(Object.values(snippets).map((s) => s.prefix));
    for (const t of builtinTemplates) {
      assert.ok(prefixes.has(`pm-template-${t.id}`), t.id);
      for (const s of t.sections) assert.ok(prefixes.has(`pm-section-${t.id}-${s.id}`), `${t.id}/${s.id}`);
    }
    assert.equal(
      Object.keys(generateSnippets()).length,
      builtinTemplates.reduce((n, t) => n + 1 + t.sections.length, 0),
    );
  });

  for (const template of builtinTemplates) {
    it(`expands pm-template-${template.id} to a ${template.id} postmortem with every required section and nothing empty`, () => {
      const snippet = Object.values(snippets).find((s) => s.prefix === `pm-template-${template.id}`)!;
      const text = render(parseSnippet(bodyOf(snippet)).nodes, sampleVariables);
      const analysis = analyze(text);
      assert.equal(analysis.template.id, template.id, 'front matter names the template');
      assert.deepEqual(analysis.missingSections, []);
      const structural = analysis.diagnostics.filter((d) => ['missing-section', 'empty-section', 'duplicate-section', 'unknown-template'].includes(d.code));
      assert.deepEqual(
        structural.map((d) => `${d.code}: ${d.message}`),
        [],
      );
      assert.deepEqual(
        analysis.document.sections.map((s) => s.id),
        template.sections.filter((s) => s.required).map((s) => s.id),
      );
      // What the snippet leaves to fill in is reported as placeholders (information), never as broken times.
      assert.deepEqual(
        analysis.diagnostics.filter((d) => d.severity !== 'information' || d.code !== 'placeholder').map((d) => `${d.code}: ${d.message}`),
        [],
      );
      assert.deepEqual(analysis.completeness.requiredComplete, 0, 'a skeleton counts as nothing written yet');
    });

    it(`expands each pm-section-${template.id}-* snippet to that section, recognised and not empty`, () => {
      for (const section of template.sections) {
        const snippet = Object.values(snippets).find((s) => s.prefix === `pm-section-${template.id}-${section.id}`)!;
        const body = render(parseSnippet(bodyOf(snippet)).nodes, sampleVariables);
        const analysis = analyze(`---\npostmortem: { template: ${template.id} }\n---\n\n# Postmortem\n\n${body}\n`);
        assert.deepEqual(
          analysis.document.sections.map((s) => [s.id, s.empty]),
          [[section.id, false]],
          `${section.id}:\n${body}`,
        );
      }
    });
  }
});
