// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${1:…}` here is VS Code snippet syntax, not a template literal.
// Writes snippets/postmortem.code-snippets from the templates, so the snippets never drift from
// what the language server checks. The meta test fails when the committed file differs.
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

/** The zone as a tab stop whose default is the editor's UTC offset, e.g. `UTC+02:00`. */
const zone = '${1:UTC$CURRENT_TIMEZONE_OFFSET}';
const clock = '$CURRENT_HOUR:$CURRENT_MINUTE';
const date = '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';

const timelineSnippets: Record<string, Snippet> = {
  'Timeline entry': {
    prefix: 'pm-timeline',
    description: 'Timeline entry: bold time and zone, then what happened (`- **14:05 UTC+02:00** – …`).',
    body: [`- **${clock} ${zone}** – \${2:What happened}$0`],
  },
  'Timeline entry (plain time and zone)': {
    prefix: 'pm-timeline-zone',
    description: 'Timeline entry: time with the zone in parentheses, then what happened (`- 14:05 (UTC+02:00): …`).',
    body: [`- ${clock} (${zone}): \${2:What happened}$0`],
  },
  'Timeline entry (ISO date and time)': {
    prefix: 'pm-timeline-iso',
    description: 'Timeline entry with the date: `- 2024-05-02 14:05 UTC+02:00 – …`.',
    body: [`- ${date} ${clock} ${zone} – \${2:What happened}$0`],
  },
  'Timeline entry (table row)': {
    prefix: 'pm-timeline-table',
    description: 'Timeline row for a `| Time | Event | Link |` table.',
    body: [`| ${clock} | \${1:What happened} | \${2:Link to evidence} |$0`],
  },
};

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
  return Object.assign({}, timelineSnippets, ...templates.map(templateSnippets));
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
