// Writes snippets/postmortem.code-snippets from the templates, so the snippets never drift from
// what the language server checks. The meta test fails when the committed file differs.
// The pm-timeline* snippets are not here: the language server offers them, because what they
// write (the time after the entry before, the document's zone) depends on the document.
//
//   npx tsx scripts/generate-snippets.ts           write the file
//   npx tsx scripts/generate-snippets.ts --check   exit 1 when the file is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinTemplates, type Template } from '../server/src/service';
import { postmortemSkeleton, sectionSnippet } from '../server/src/service/language/snippets';

export interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

export const snippetsPath = join(__dirname, '..', 'snippets', 'postmortem.code-snippets');

function lines(text: string): string[] {
  return text.split('\n');
}

function templateSnippets(template: Template): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  out[`Postmortem (${template.id})`] = {
    prefix: `pm-template-${template.id}`,
    description: `A whole postmortem of the ${template.name} template: ${template.description}`,
    body: lines(postmortemSkeleton(template).snippet.replace(/\n$/, '')),
  };
  for (const section of template.sections) {
    out[`${section.name} section (${template.id})`] = {
      prefix: `pm-section-${template.id}-${section.id}`,
      description: `${section.name} (${section.required ? 'required' : 'optional'} in ${template.name}): ${section.hover}`,
      body: lines(sectionSnippet(section, `## ${section.name}`)),
    };
  }
  return out;
}

export function generateSnippets(templates: readonly Template[] = builtinTemplates): Record<string, Snippet> {
  return Object.assign({}, ...templates.map(templateSnippets));
}

export function snippetsFileText(templates: readonly Template[] = builtinTemplates): string {
  return `// Generated from the templates by scripts/generate-snippets.ts: do not edit by hand.\n${JSON.stringify(generateSnippets(templates), null, 2)}\n`;
}

if (require.main === module) {
  const text = snippetsFileText();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(snippetsPath, 'utf8');
    } catch {
      // A missing file is out of date.
    }
    if (current !== text) {
      console.error(`${snippetsPath} is out of date: run npx tsx scripts/generate-snippets.ts`);
      process.exit(1);
    }
  } else {
    writeFileSync(snippetsPath, text);
    console.log(`wrote ${Object.keys(generateSnippets()).length} snippets to ${snippetsPath}`);
  }
}
