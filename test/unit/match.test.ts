import * as assert from 'node:assert/strict';
import { normalizeLabel, SectionMatcher } from '../../server/src/service/parse/match';
import { builtinTemplates } from '../../server/src/service/templates';

// Built in each test, so mutation testing sees which test reads what (nothing runs at load).
const standard = () => new SectionMatcher(builtinTemplates[0]);
const idOf = (heading: string) => standard().match(heading)?.section.id;

describe('heading matching', () => {
  const cases: [string, string | undefined][] = [
    ['Issue Summary', 'summary'],
    ['ISSUE SUMMARY:', 'summary'],
    ['1. Issue Summary', 'summary'],
    ['IV. Timeline', 'timeline'],
    ['⏳ Timeline (a.k.a. How We Panicked in Real-Time)', 'timeline'],
    ['Timeline of Events', 'timeline'],
    ['Outage Timeline', 'timeline'],
    ['Root Cause & Resolution', 'root-cause'],
    ['Root causes and resolutions', 'root-cause'],
    ['Contributing Factors', 'root-cause'],
    ['Corrective and Preventive Measures', 'corrective-actions'],
    ['Preventive and Corrective Measures', 'corrective-actions'],
    ['Prevention and Corrective Measures', 'corrective-actions'],
    ['Corrective Actions and Preventive Measures', 'corrective-actions'],
    ['Preventative measures and action items', 'corrective-actions'],
    ['Action Items', 'corrective-actions'],
    ['Timline', 'timeline'],
    ['Corective and Preventive Measures', 'corrective-actions'],
    ['Origin of the incident', 'root-cause'],
    ['Origins of the Outage', 'root-cause'],
    ['Quick overview of network setup', undefined],
    ['System Architecture Overview', undefined],
    ['Summary of changes', undefined],
    ['Summary of the outage', 'summary'],
    ['Incident summary and impact', 'summary'],
    ['Moving Forward', 'corrective-actions'],
    ['Going forward', 'corrective-actions'],
    ['Why did the site go down?', 'root-cause'],
    ["Why didn't I know about this sooner?", undefined],
    ['Debugging Process', undefined],
    ['Summary and Timeline', 'summary'],
    ['Root cause and resolution must contain', undefined],
    ['Conclusion', undefined],
  ];
  for (const [heading, id] of cases) {
    it(`reads "${heading}" as ${id ?? 'no section'}`, () => assert.equal(idOf(heading), id));
  }

  it('marks a match through a typo as inexact, so a bare plain line does not count by it', () => {
    assert.equal(standard().match('Timline')?.exact, false);
    assert.equal(standard().match('Preventive and Corrective Measures')?.exact, true);
  });

  it('normalises emoji, markup, numbering, ampersands and British spelling', () => {
    assert.equal(normalizeLabel('### 🚀 **2. Corrective & Preventative Measures:**'), 'corrective and preventive measures');
  });
});

describe('match: a question names a section by its intent', () => {
  it('reads "What was the root cause?" and a long "What are we doing to prevent it from happening again?"', () => {
    assert.equal(standard().match('What was the root cause?')?.section.id, 'root-cause');
    assert.equal(standard().match('What are we doing to prevent it from happening again?')?.section.id, 'corrective-actions');
  });
  it('does not read the same words as a statement ("What was the root cause" without the question mark)', () => {
    assert.equal(standard().match('What was the root cause'), undefined);
  });
});

describe('match: what is being done about it', () => {
  it('reads "What is being done about this?" as the corrective measures', () => {
    assert.equal(idOf('What is being done about this?'), 'corrective-actions');
  });
});
