import { strict as assert } from 'node:assert';
import { analyze, findingsWith, md, service } from '../helpers';

// word-count: prose words against the template's range, counted as a word processor counts them.

const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');

/** A postmortem whose summary holds `n` words of prose besides its headings (3 words). */
function postmortemOf(n: number, ...extra: string[]): string {
  return md('# Postmortem', '', '## Issue Summary', '', words(n), ...extra);
}

describe('word-count: counting', () => {
  it('counts the words of headings, paragraphs and list items', () => {
    assert.equal(service.words(analyze(md('# Postmortem: DNS', '', 'One two three.', '', '- four five', '- six'))), 8);
  });

  it('leaves out fenced and indented code, front matter, HTML comments and tags', () => {
    const text = md(
      '---',
      'title: not counted at all',
      '---',
      '# Postmortem',
      '',
      '```',
      'code is not prose either',
      '```',
      '',
      '    indented code too',
      '',
      '<!-- a comment of five words -->',
      '<p align="center">Centered</p>',
    );
    assert.equal(service.words(analyze(text)), 2);
  });

  it('leaves out a fence nested in a list item', () => {
    assert.equal(service.words(analyze(md('- Ran:', '  ```', '  kubectl get pods --all-namespaces', '  ```', '- Done'))), 2);
  });

  it('counts inline code as one word and leaves out link targets, bare URLs and images', () => {
    const text = md('Raised `max_connections = 500` in the [pool config](https://example.com/a/b/c) ![graph](https://example.com/g.png) https://example.com/x');
    assert.equal(service.words(analyze(text)), 6);
  });

  it('does not count list numbers, bullets, task boxes or a dash on its own', () => {
    assert.equal(service.words(analyze(md('1. first', '2. second', '- [ ] third', '- [x] fourth', 'a – b'))), 6);
  });

  it('counts a timeline table but not a table of log lines', () => {
    const timeline = md('| Time | Event |', '|---|---|', '| 10:00 | Alert fires |');
    const logs = md('| Time | Log line |', '|---|---|', '| 10:00:01 | ERROR pool exhausted |', '| 10:00:02 | ERROR pool exhausted |');
    const levels = md('| Time | Message |', '|---|---|', '| 10:00:01 | ERROR pool exhausted |', '| 10:00:02 | WARN retrying |');
    assert.equal(service.words(analyze(timeline)), 5);
    assert.equal(service.words(analyze(logs)), 0);
    assert.equal(service.words(analyze(levels)), 0);
  });
});

describe('word-count: the range', () => {
  it('reports a standard postmortem under 400 words once, on the title, as information', () => {
    const analysis = analyze(postmortemOf(300));
    const [finding] = findingsWith(analysis, 'word-count');
    assert.equal(findingsWith(analysis, 'word-count').length, 1);
    assert.equal(finding.severity, 'information');
    assert.equal(finding.range.start.line, 0);
    assert.match(finding.message, /^303 words of prose: the standard template asks for 400–600/);
    assert.deepEqual(finding.data, { words: 303, min: 400, max: 600 });
  });

  it('reports one over 600 words, and is silent from 400 to 600', () => {
    assert.match(findingsWith(analyze(postmortemOf(700)), 'word-count')[0].message, /703 words.*Be brief/);
    assert.deepEqual(findingsWith(analyze(postmortemOf(397)), 'word-count'), []);
    assert.deepEqual(findingsWith(analyze(postmortemOf(597)), 'word-count'), []);
    assert.equal(findingsWith(analyze(postmortemOf(396)), 'word-count').length, 1, '399 words');
    assert.equal(findingsWith(analyze(postmortemOf(598)), 'word-count').length, 1, '601 words');
  });

  it('counts a postmortem written without the template headings, and is silent on an unwritten skeleton', () => {
    const freeForm = md(
      '# Incident report: the queue stalled',
      '',
      'On Monday the ingest queue stalled for two hours because a worker held a lock. We restarted the worker and added a lock timeout.',
    );
    assert.equal(findingsWith(analyze(freeForm), 'word-count').length, 1);
    const skeleton = md(
      '# Postmortem',
      '',
      '## Issue Summary',
      '',
      '## Timeline',
      '',
      '## Root Cause and Resolution',
      '',
      '## Corrective and Preventative Measures',
      '',
    );
    assert.deepEqual(findingsWith(analyze(skeleton), 'word-count'), []);
  });

  it('has no range for the other templates until one is set', () => {
    const sre = md('---', 'postmortem: { template: google-sre }', '---', postmortemOf(50));
    assert.deepEqual(findingsWith(analyze(sre), 'word-count'), []);
    const ranged = analyze(sre, { settings: { wordCount: { 'google-sre': { max: 40 } } } });
    assert.match(findingsWith(ranged, 'word-count')[0].message, /the google-sre template asks for at most 40/);
  });

  it('keeps the standard range when a setting gives another template one, and drops it for {}', () => {
    const both = analyze(postmortemOf(50), { settings: { wordCount: { 'google-sre': { min: 1 } } } });
    assert.equal(findingsWith(both, 'word-count').length, 1);
    const none = analyze(postmortemOf(50), { settings: { wordCount: { standard: {} } } });
    assert.deepEqual(findingsWith(none, 'word-count'), []);
  });

  it('takes a minimum alone', () => {
    const analysis = analyze(postmortemOf(50), { settings: { wordCount: { standard: { min: 100 } } } });
    assert.match(findingsWith(analysis, 'word-count')[0].message, /asks for at least 100/);
  });

  it('is turned off by postmortem.rules', () => {
    assert.deepEqual(findingsWith(analyze(postmortemOf(10), { settings: { rules: { 'word-count': 'off' } } }), 'word-count'), []);
  });
});
