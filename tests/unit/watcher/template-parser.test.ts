import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  containsTemplate,
  parseTemplate,
  TemplateSyntaxError,
} from '../../../lib/watcher/templating/template-parser.ts';

const secret = (name: string, key: string) => ({ type: 'reference', source: 'secret', name, key }) as const;
const configmap = (name: string, key: string) =>
  ({ type: 'reference', source: 'configmap', name, key }) as const;
const text = (value: string) => ({ type: 'text', text: value }) as const;

describe('template parser', () => {
  it('reads a whole-string secret template with a back-quoted argument, as in GKO examples', () => {
    // Act
    const parts = parseTemplate('[[ secret `graviteeio-templating/security` ]]');

    // Assess
    assert.deepEqual(parts, [secret('graviteeio-templating', 'security')]);
  });

  it('keeps the text around embedded templates', () => {
    // Act
    const parts = parseTemplate('Bearer [[ secret "api/token" ]] for [[configmap "env/name"]]!');

    // Assess
    assert.deepEqual(parts, [
      text('Bearer '),
      secret('api', 'token'),
      text(' for '),
      configmap('env', 'name'),
      text('!'),
    ]);
  });

  it('returns a string without delimiters as one text part, including a lone closing delimiter', () => {
    // Act
    const parts = parseTemplate('a]]b');

    // Assess
    assert.deepEqual(parts, [text('a]]b')]);
    assert.equal(containsTemplate('a]]b'), false);
    assert.equal(containsTemplate('x[[y'), true);
  });

  it('drops comments and applies trim markers on both sides', () => {
    // Act
    const parts = parseTemplate('a  \n [[- /* note */ -]] \n b [[- secret "s/k" -]]  c');

    // Assess
    assert.deepEqual(parts, [text('ab'), secret('s', 'k'), text('c')]);
  });

  it('renders string literals in place and accepts pipes and parentheses', () => {
    // Act
    const parts = parseTemplate('[[ "x" ]]-[[ "s/k" | secret ]]-[[ (configmap ("c/k")) ]]');

    // Assess
    assert.deepEqual(parts, [text('x-'), secret('s', 'k'), text('-'), configmap('c', 'k')]);
  });

  it('unquotes Go escapes in double-quoted arguments', () => {
    // Act
    const parts = parseTemplate('[[ secret "a\\x2db/\\u006b\\145y" ]]');

    // Assess
    assert.deepEqual(parts, [secret('a-b', 'key')]);
  });

  it('finds a closing delimiter inside a quoted argument to be part of the argument', () => {
    // Act
    const parts = parseTemplate('[[ secret "we]]ird/key" ]]');

    // Assess
    assert.deepEqual(parts, [secret('we]]ird', 'key')]);
  });

  for (const [scenario, template, message] of [
    ['an unclosed action', 'x [[ secret "a/b"', /unclosed action/],
    ['an unclosed comment', '[[/* x ]]', /unclosed comment/],
    ['a comment followed by more than the delimiter', '[[/* x */ y ]]', /comment ends before/],
    ['an empty action', '[[ ]]', /missing value/],
    ['an argument without slash', '[[ secret "nokey" ]]', /wrong secret name/],
    ['an argument with two slashes', '[[ configmap "a/b/c" ]]', /wrong configmap name/],
    ['an empty key', '[[ secret "a/" ]]', /wrong secret name/],
    ['an empty argument', '[[ secret "" ]]', /empty secret name/],
    ['no argument', '[[ secret ]]', /want 1 got 0/],
    ['two arguments', '[[ secret "a/b" "c/d" ]]', /want 1 got 2/],
    ['an unknown function', '[[ vault "a/b" ]]', /function not defined/],
    ['a Go builtin', '[[ printf "%s" "x" ]]', /"printf" is valid in Go templates but not supported/],
    ['a control structure', '[[ if "x" ]]y[[ end ]]', /"if" is valid in Go templates but not supported/],
    ['a field of dot', '[[ .Values.x ]]', /fields, variables and numbers are not supported/],
    ['a reference as argument', '[[ secret (configmap "c/name") ]]', /must be a string literal/],
    ['an argument to a literal', '[[ "a" "b" ]]', /can't give argument to non-function/],
    ['an unterminated quoted string', '[[ secret "a/b ]]', /unterminated quoted string/],
    ['an invalid escape', '[[ secret "a\\q/b" ]]', /invalid escape/],
    ['an unbalanced parenthesis', '[[ (secret "a/b" ]]', /unclosed left paren/],
  ] as const) {
    it(`rejects ${scenario}`, () => {
      // Act
      const parse = () => parseTemplate(template);

      // Assess
      assert.throws(parse, (error: unknown) => {
        assert.ok(error instanceof TemplateSyntaxError);
        assert.equal(error.name, 'TemplateSyntaxError');
        assert.match(error.message, message);
        return true;
      });
    });
  }

  it('never quotes the parsed text in its errors, since a malformed template may be a password', () => {
    // Prepare
    const lookalikes = [
      'pa[[ss',
      'x[[ hunter2 ]]',
      'x[[ .hunter2 ]]',
      'x[[ secret "hunter2" ]]',
      'x[[ "a\\qhunter2" ]]',
    ];

    // Act
    const messages = lookalikes.map((text) => {
      try {
        parseTemplate(text);
        return 'parsed';
      } catch (error) {
        return (error as Error).message;
      }
    });

    // Assess
    assert.equal(messages.includes('parsed'), false);
    assert.deepEqual(
      messages.filter((m) => m.includes('hunter2') || m.includes('ss')),
      [],
    );
  });
});
