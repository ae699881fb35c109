// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${1:…}` here is VS Code snippet syntax, not a template literal.
import { strict as assert } from 'node:assert';
import { parseSnippet, render, sampleVariables } from './snippetSyntax';

// The snippet reader the snippet tests rely on: it must accept what VS Code accepts and reject
// what VS Code would insert differently than meant.

const errorsOf = (body: string) => parseSnippet(body).errors;
const rendered = (body: string) => render(parseSnippet(body).nodes, sampleVariables);

describe('snippet syntax reader', () => {
  it('accepts tab stops, placeholders, nested placeholders, choices and variables', () => {
    for (const body of [
      '$1 $0',
      '${1} ${2:default}',
      '${1:outer ${2:inner}}',
      '${1|UTC,WAT,SAST|}',
      '$CURRENT_YEAR-${CURRENT_MONTH}-${CURRENT_DATE:01}',
      '${1:UTC$CURRENT_TIMEZONE_OFFSET}',
      '${TM_FILENAME/(.*)\\.md/$1/}',
      'plain text with a \\$ and a \\} and a \\\\',
    ]) {
      assert.deepEqual(errorsOf(body), [], body);
    }
  });

  it('renders defaults, first choices, variables and escapes', () => {
    assert.equal(rendered('- **$CURRENT_HOUR:$CURRENT_MINUTE ${1:UTC}** – ${2:what}$0'), '- **15:07 UTC** – what');
    assert.equal(rendered('${1|WAT,UTC|} ${2:a ${3:b}}'), 'WAT a b');
    assert.equal(rendered('cost \\$5 \\} \\\\'), 'cost $5 } \\');
    assert.equal(rendered('\\*bold\\*'), '\\*bold\\*');
  });

  it('rejects an unescaped dollar that starts nothing', () => {
    assert.equal(errorsOf('costs $ 5').length, 1);
    assert.ok(errorsOf('${ nothing}').length >= 1);
  });

  it('rejects an unescaped closing brace outside a placeholder', () => {
    assert.equal(errorsOf('postmortem: { template: standard }').length, 1);
    assert.deepEqual(errorsOf('postmortem: { template: standard \\}'), []);
  });

  it('rejects unknown variables, which VS Code would insert by name', () => {
    assert.match(errorsOf('$CURRENT_TIME')[0], /unknown variable "CURRENT_TIME"/);
  });

  it('rejects unclosed placeholders and choices', () => {
    assert.match(errorsOf('${1:open')[0], /closing/);
    assert.match(errorsOf('${1|a,b}')[0], /closing/);
  });

  it('rejects one tab stop with two different defaults', () => {
    assert.match(errorsOf('${1:a} ${1:b}')[0], /two defaults/);
    assert.deepEqual(errorsOf('${1:a} $1 ${1:a}'), []);
  });

  it('rejects an invalid transform regex', () => {
    assert.match(errorsOf('${1/(/x/}')[0], /invalid transform regex/);
  });

  it('lists tab stops and variables in order', () => {
    const parsed = parseSnippet('${2:a} $1 $CURRENT_YEAR ${1|x,y|}');
    assert.deepEqual(parsed.tabstops, [2, 1, 1]);
    assert.deepEqual(parsed.variables, ['CURRENT_YEAR']);
  });
});
