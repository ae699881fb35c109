import { strict as assert } from 'node:assert';
import { allRules, defaultSettings, mergeSettings, parseProjectConfig } from '../../../server/src/service';

// The writing settings: typed once, read from .postmortemrc.json with their problems where they are.

const parse = (...lines: string[]) =>
  parseProjectConfig(
    lines.join('\n'),
    allRules.map((r) => r.code),
  );

describe('settings: wordCount, blameWords, allowedNames, vagueWords', () => {
  it('default to the standard range and no extra words', () => {
    assert.deepEqual(defaultSettings.wordCount, { standard: { min: 400, max: 600 } });
    assert.deepEqual([defaultSettings.blameWords, defaultSettings.allowedNames, defaultSettings.vagueWords], [[], [], []]);
  });

  it('are read from .postmortemrc.json', () => {
    const config = parse(
      '{',
      '  "wordCount": { "google-sre": { "max": 2000 }, "standard": { "min": 300, "max": 700 } },',
      '  "blameWords": ["dropped the ball"],',
      '  "allowedNames": ["Jenkins"],',
      '  "vagueWords": ["harden the system"]',
      '}',
    );
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.settings, {
      wordCount: { 'google-sre': { max: 2000 }, standard: { min: 300, max: 700 } },
      blameWords: ['dropped the ball'],
      allowedNames: ['Jenkins'],
      vagueWords: ['harden the system'],
    });
  });

  it('report a value of the wrong shape at the value, and keep the defaults', () => {
    const config = parse('{', '  "wordCount": { "standard": { "min": 600, "max": 400 } },', '  "blameWords": "oops",', '  "allowedNames": [1]', '}');
    assert.deepEqual(
      config.problems.map((p) => `${p.line}:${p.character} ${p.severity}`),
      ['1:15 error', '2:16 error', '3:18 error'],
    );
    assert.match(config.problems[0].message, /"wordCount" must map template names to \{ "min": N, "max": N \}/);
    assert.deepEqual(mergeSettings(config.settings).wordCount, defaultSettings.wordCount);
  });

  it('merge word ranges per template, so a layer that sets one keeps the others', () => {
    const merged = mergeSettings({ wordCount: { 'google-sre': { max: 2000 } } }, { wordCount: { pagerduty: { min: 100 } } });
    assert.deepEqual(merged.wordCount, { standard: { min: 400, max: 600 }, 'google-sre': { max: 2000 }, pagerduty: { min: 100 } });
  });
});
