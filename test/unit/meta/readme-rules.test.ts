import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../../server/src/service';

// The README documents every rule with its default severity, and the manifest lets each be configured.

const root = join(__dirname, '../../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contractCodes = [
  'missing-section',
  'missing-field',
  'empty-section',
  'duplicate-section',
  'missing-duration',
  'duration-mismatch',
  'end-before-start',
  'missing-timezone',
  'unparsed-time',
  'timeline-order',
  'timeline-outside-window',
  'mojibake',
];

function readmeEntry(code: string): string | undefined {
  const m = new RegExp(`^### \`${code}\`\\n([\\s\\S]*?)(?=^### |^## )`, 'm').exec(readme);
  return m?.[1];
}

describe('README and manifest document every rule', () => {
  for (const rule of allRules) {
    it(`documents ${rule.code} with its default severity`, () => {
      const entry = readmeEntry(rule.code);
      assert.ok(entry, `README has a "### \`${rule.code}\`" entry`);
      assert.match(entry, new RegExp(`Default \\*\\*${rule.defaultSeverity}\\*\\*`), `README says the default is ${rule.defaultSeverity}`);
    });
    it(`lets ${rule.code} be configured in postmortem.rules`, () => {
      const properties = manifest.contributes.configuration.properties['postmortem.rules'].properties;
      assert.ok(properties[rule.code], `package.json lists ${rule.code}`);
    });
  }

  it('implements every diagnostic code the CLI contract requires', () => {
    const codes = new Set(allRules.map((r) => r.code));
    assert.deepEqual(
      contractCodes.filter((c) => !codes.has(c)),
      [],
    );
  });
});
