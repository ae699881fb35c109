// What markdownlint's command line does for one file, as a process the benchmark can time:
// read the file, lint it with the default rules, print the results (as markdownlint-cli2's
// JSON formatter would) and exit 1 when there are any.
//
//   node scripts/bench/markdownlint-cli.mjs FILE.md
import { readFileSync } from 'node:fs';
import { lint } from 'markdownlint/sync';

const file = process.argv[2];
const results = lint({ strings: { [file]: readFileSync(file, 'utf8') } });
const found = results[file] ?? [];
process.stdout.write(
  `${JSON.stringify(found.map((r) => ({ fileName: file, lineNumber: r.lineNumber, ruleNames: r.ruleNames, ruleDescription: r.ruleDescription, errorDetail: r.errorDetail })))}\n`,
);
process.exitCode = found.length ? 1 : 0;
