import { strict as assert } from 'node:assert';
import { type ConfigProblem, defaultSettings, mergeSettings, parseProjectConfig, allRules } from '../../server/src/service';
import { analyze, findingsWith, md, sectionIds } from './helpers';

// `.postmortemrc.json`: what is broken is reported where it is (0-based line and column) and left out,
// so the defaults apply to it while the rest of the file still counts.

const ruleCodes = allRules.map((r) => r.code);

function parse(...lines: string[]) {
  return parseProjectConfig(lines.join('\n'), ruleCodes);
}

/** Problems as `line:column severity message-start`, 0-based. */
function where(problems: ConfigProblem[]): string[] {
  return problems.map((p) => `${p.line}:${p.character} ${p.severity}`);
}

describe('config: broken JSON', () => {
  it('reports a missing comma on the line and column of the next property', () => {
    const config = parse('{', '  "template": "standard"', '  "rules": {}', '}');
    assert.deepEqual(where(config.problems), ['2:2 error']);
    assert.match(config.problems[0].message, /invalid JSON/);
    assert.deepEqual(config.settings, {});
  });

  it('reports an unclosed object at the end of the text', () => {
    const config = parse('{', '  "rules": { "missing-field": "off" }');
    assert.equal(config.problems.length, 1);
    assert.equal(config.problems[0].severity, 'error');
    assert.equal(config.problems[0].line, 1);
  });

  it('counts CRLF line breaks as one line each', () => {
    const config = parseProjectConfig('{\r\n  "template": "standard"\r\n  "rules": {}\r\n}', ruleCodes);
    assert.deepEqual(where(config.problems), ['2:2 error']);
  });

  it('reports an empty file and a file that is not an object', () => {
    assert.ok(parseProjectConfig('', ruleCodes).problems.some((p) => p.message === 'empty configuration'));
    assert.deepEqual(where(parseProjectConfig('[]', ruleCodes).problems), ['0:0 error']);
  });

  it('accepts comments and trailing commas', () => {
    const config = parse('{', '  // the house template', '  "template": "pagerduty",', '  "rules": { "missing-field": "error", },', '}');
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.settings, { template: 'pagerduty', rules: { 'missing-field': 'error' } });
  });
});

describe('config: wrong values', () => {
  it('reports each value of the wrong type at the value, and keeps the defaults for them', () => {
    const config = parse('{', '  "template": 3,', '  "detectByContent": "yes",', '  "files": [1],', '  "maxDocumentSize": -1,', '  "dateOrder": "ymd"', '}');
    assert.deepEqual(where(config.problems), ['1:14 error', '2:21 error', '3:11 error', '4:21 error', '5:15 error']);
    assert.deepEqual(config.settings, {});
    assert.deepEqual(mergeSettings(config.settings), mergeSettings());
  });

  it('keeps the good settings next to a broken one', () => {
    const config = parse('{', '  "rules": { "missing-field": "off" },', '  "template": "google-sre",', '  "detectByContent": 1', '}');
    assert.deepEqual(where(config.problems), ['3:21 error']);
    assert.deepEqual(config.settings, { rules: { 'missing-field': 'off' }, template: 'google-sre' });
    assert.equal(mergeSettings(config.settings).detectByContent, defaultSettings.detectByContent);
  });

  it('warns about an unknown rule and rejects an unknown severity, keeping the default severity', () => {
    const config = parse('{', '  "rules": {', '    "no-such-rule": "error",', '    "missing-field": "loud",', '    "empty-section": "hint"', '  }', '}');
    assert.deepEqual(where(config.problems), ['2:4 warning', '3:21 error']);
    assert.match(config.problems[0].message, /unknown rule "no-such-rule"/);
    assert.deepEqual(config.settings.rules, { 'empty-section': 'hint' });
  });

  it('warns about an unknown setting at its key', () => {
    const config = parse('{', '  "colour": "blue"', '}');
    assert.deepEqual(where(config.problems), ['1:2 warning']);
    assert.match(config.problems[0].message, /unknown setting "colour"/);
  });

  it('reports an unknown template name at the value and leaves the default template', () => {
    const config = parse('{', '  "template": "netflix"', '}');
    assert.deepEqual(where(config.problems), ['1:14 error']);
    assert.match(config.problems[0].message, /unknown template "netflix"/);
    assert.equal(config.settings.template, undefined);
    assert.equal(mergeSettings(config.settings).template, 'standard');
  });

  it('reports "rules" and "templates" of the wrong shape', () => {
    const config = parse('{ "rules": [], "templates": 3 }');
    assert.deepEqual(where(config.problems), ['0:11 error', '0:28 error']);
  });
});

describe('config: custom templates', () => {
  const text = [
    '{',
    '  "template": "lean",',
    '  "templates": {',
    '    "lean": {',
    '      "name": "Lean",',
    '      "sections": [',
    '        { "id": "what-happened", "name": "What Happened", "aliases": ["Story"] },',
    '        { "id": "follow-ups", "name": "Follow-ups", "skeleton": "- [ ] A task" }',
    '      ]',
    '    },',
    '    "broken": { "sections": [] },',
    '    "nameless": { "sections": [ { "id": "Bad Id" } ] }',
    '  }',
    '}',
  ].join('\n');
  const config = parseProjectConfig(text, ruleCodes);

  it('reads a valid custom template and selects it', () => {
    assert.deepEqual(
      config.templates.map((t) => [t.id, t.sections.map((s) => s.id)]),
      [['lean', ['what-happened', 'follow-ups']]],
    );
    assert.equal(config.settings.template, 'lean');
  });

  it('reports broken custom templates where they are and leaves them out', () => {
    assert.deepEqual(where(config.problems), ['10:14 error', '11:32 error']);
    assert.match(config.problems[0].message, /template "broken" needs a non-empty "sections" array/);
    assert.match(config.problems[1].message, /section 1 of template "nameless"/);
  });

  it('analyses with the custom template through customTemplates', () => {
    const analysis = analyze(md('## Story', 'The queue stalled for an hour.'), { settings: config.settings, customTemplates: config.templates });
    assert.equal(analysis.template.id, 'lean');
    assert.deepEqual(sectionIds(analysis), ['what-happened']);
    const missing = findingsWith(analysis, 'missing-section');
    assert.deepEqual(
      missing.map((d) => d.data?.sectionId),
      ['follow-ups'],
    );
  });

  it('inherits names and requirements from the template it extends', () => {
    const extended = parse(
      '{ "templates": { "holberton": { "extends": "standard", "sections": [ { "id": "summary" }, { "id": "timeline", "required": false } ] } } }',
    );
    assert.deepEqual(extended.problems, []);
    assert.deepEqual(
      extended.templates[0].sections.map((s) => [s.id, s.name, s.required]),
      [
        ['summary', 'Issue Summary', true],
        ['timeline', 'Timeline', false],
      ],
    );
  });

  it('reports a template that extends an unknown one', () => {
    const config = parse('{ "templates": { "x": { "extends": "nope", "sections": [ { "id": "a", "name": "A" } ] } } }');
    assert.equal(config.problems.length, 1);
    assert.match(config.problems[0].message, /extends unknown template "nope"/);
  });

  it('falls back to the standard template when the selected custom template is broken', () => {
    const broken = parse('{ "template": "broken", "templates": { "broken": { "sections": [] } } }');
    assert.ok(broken.problems.some((p) => /unknown template "broken"/.test(p.message)));
    assert.equal(analyze('## Timeline\n- 10:00 UTC - alert', { settings: broken.settings, customTemplates: broken.templates }).template.id, 'standard');
  });
});

describe('config: settings reach the analysis', () => {
  it('applies rule severities from the configuration', () => {
    const config = parse('{ "rules": { "missing-section": "off", "missing-field": "error" } }');
    const analysis = analyze(md('## Issue Summary', 'The queue stalled.'), { settings: config.settings });
    assert.deepEqual(findingsWith(analysis, 'missing-section'), []);
    const fields = findingsWith(analysis, 'missing-field');
    assert.equal(fields.length, 3, 'Duration, Impact and Root cause are missing');
    assert.ok(fields.every((d) => d.severity === 'error'));
  });
});
