import { strict as assert } from 'node:assert';
import { lineEvidence, readLabel } from '../../server/src/service/parse/labels';

// A field line set in bold as a whole (`**Duration: 30 mins** (09:10 to 09:55)`) is a label and its
// value; a sentence set in bold is not.
function read(text: string) {
  const lines = [text];
  return readLabel(lines, 0, 0, text, false, 0, lineEvidence(lines, 0, 'paragraph', true));
}

describe('a field line set in bold as a whole', () => {
  it('is the label and its value, the columns those of the line', () => {
    const text = '**Duration: 30 mins** (13:20 ~ 13:30 EAT).';
    const label = read(text);
    assert.ok(label, 'read as a label');
    assert.equal(label.label, 'Duration');
    assert.equal(label.style, 'bold');
    assert.equal(label.colon, true);
    assert.equal(text.slice(label.labelStart, label.labelEnd), '**Duration:');
    assert.equal(text.slice(label.valueStart), label.value);
    assert.equal(label.value, '30 mins** (13:20 ~ 13:30 EAT).');
    assert.equal(label.evidence.repaired, 'the label and its value in one bold span');
  });

  it('takes a name of up to three words and a value of up to six', () => {
    assert.equal(read('**Root cause: a bad deploy**')?.label, 'Root cause');
    assert.equal(read('**Time of resolution: 10:45 AM UTC**')?.label, 'Time of resolution');
    assert.equal(read('**Impact: one two three four five six**')?.value, 'one two three four five six**');
  });

  it('is a bold sentence when the value runs on, the name is longer or has a digit, or a colon follows the pair', () => {
    assert.equal(read('**Impact: one two three four five six seven**'), undefined);
    assert.equal(read('**Note: this whole sentence is set in bold for emphasis**'), undefined);
    assert.equal(read('**What we did next: restarted it**'), undefined);
    assert.equal(read('**Step 1: restart the server**'), undefined);
    assert.equal(read('**note: lower case first word**'), undefined);
    assert.equal(read('**Duration: 30 mins**: more'), undefined);
  });
});
