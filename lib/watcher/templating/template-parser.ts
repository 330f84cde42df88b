/**
 * Parser of GKO's templating notation: Go `text/template` with `[[` / `]]` delimiters and two functions,
 * `secret "name/key"` and `configmap "name/key"`, evaluated against the resource's namespace.
 *
 * The operator accepts the subset of Go templates that resource specs use: text, comments (`[[/* … *\/]]`),
 * whitespace trim markers (`[[- ` / ` -]]`), string literals (double-quoted or back-quoted), the two
 * functions, parentheses and pipes (`[[ "name/key" | secret ]]`). Anything else Go would accept (`if`,
 * `printf`, variables) is reported as unsupported rather than passed on half-evaluated.
 */

/** The functions a template may call: each reads one key of a Secret or ConfigMap of the same namespace. */
export type TemplateSource = 'secret' | 'configmap';

/** A piece of a parsed template: literal text, or the value of one key of a Secret or ConfigMap. */
export type TemplatePart =
  | { type: 'text'; text: string }
  | { type: 'reference'; source: TemplateSource; name: string; key: string };

/**
 * The string is not a template the operator can evaluate. The message never quotes the string: a value
 * that merely looks like a template (a password with `[[`) must not reach a log or a status.
 */
export class TemplateSyntaxError extends Error {
  override readonly name = 'TemplateSyntaxError';
}

const LEFT = '[[';
const RIGHT = ']]';
const SPACE = /[ \t\r\n]/;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;

/** Go's template builtins and keywords: valid Go templates, but outside the subset the operator evaluates. */
const UNSUPPORTED_WORDS = new Set([
  'and',
  'or',
  'not',
  'len',
  'index',
  'slice',
  'print',
  'printf',
  'println',
  'html',
  'js',
  'urlquery',
  'call',
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'if',
  'else',
  'end',
  'range',
  'with',
  'define',
  'template',
  'block',
  'break',
  'continue',
  'nil',
  'true',
  'false',
]);

/** True when Go would treat the string as a template: it contains the left delimiter. */
export function containsTemplate(text: string): boolean {
  return text.includes(LEFT);
}

/** The references a template reads, in order of appearance. */
export function templateReferences(parts: TemplatePart[]) {
  return parts.filter((p): p is Extract<TemplatePart, { type: 'reference' }> => p.type === 'reference');
}

type Token =
  | { type: 'string'; value: string }
  | { type: 'word'; value: string }
  | { type: 'pipe' }
  | { type: 'open' }
  | { type: 'close' };

/** A command's evaluated value: a constant string, or a reference read at resolution time. */
type Value = { type: 'text'; text: string } | Extract<TemplatePart, { type: 'reference' }>;

const isSpace = (c: string | undefined) => c !== undefined && SPACE.test(c);

function trimTrailingSpace(text: string): string {
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1])) end--;
  return text.slice(0, end);
}

/**
 * Splits a string into text and references, following Go's lexer: a string without `[[` is one text part.
 *
 * @throws TemplateSyntaxError when the template is malformed or uses what the operator does not evaluate.
 * @example
 * parseTemplate('Bearer [[ secret `api/token` ]]');
 * // [{ type: 'text', text: 'Bearer ' }, { type: 'reference', source: 'secret', name: 'api', key: 'token' }]
 */
export function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let pending = '';
  let pos = 0;
  for (;;) {
    const open = text.indexOf(LEFT, pos);
    if (open < 0) {
      pending += text.slice(pos);
      break;
    }
    let before = text.slice(pos, open);
    let cursor = open + LEFT.length;
    if (text[cursor] === '-' && isSpace(text[cursor + 1])) {
      before = trimTrailingSpace(before);
      cursor += 2;
    }
    pending += before;
    const action = text.startsWith('/*', cursor) ? skipComment(text, cursor) : lexAction(text, cursor);
    if (action.tokens) {
      const value = evaluateAction(action.tokens);
      if (value.type === 'text') pending += value.text;
      else {
        if (pending) parts.push({ type: 'text', text: pending });
        pending = '';
        parts.push(value);
      }
    }
    pos = action.end;
    if (action.trimAfter) while (isSpace(text[pos])) pos++;
  }
  if (pending || parts.length === 0) parts.push({ type: 'text', text: pending });
  return parts;
}

interface LexedAction {
  /** Undefined for a comment. */
  tokens?: Token[];
  /** Index just past the right delimiter. */
  end: number;
  trimAfter: boolean;
}

/** The right delimiter at `pos`, with or without its trim marker (` -]]`). */
function rightDelimiterAt(text: string, pos: number): { end: number; trimAfter: boolean } | undefined {
  if (isSpace(text[pos]) && text[pos + 1] === '-' && text.startsWith(RIGHT, pos + 2))
    return { end: pos + 2 + RIGHT.length, trimAfter: true };
  if (text.startsWith(RIGHT, pos)) return { end: pos + RIGHT.length, trimAfter: false };
  return undefined;
}

function skipComment(text: string, start: number): LexedAction {
  const close = text.indexOf('*/', start + 2);
  if (close < 0) throw new TemplateSyntaxError('unclosed comment');
  const delimiter = rightDelimiterAt(text, close + 2);
  if (!delimiter) throw new TemplateSyntaxError('comment ends before closing delimiter');
  return delimiter;
}

function lexAction(text: string, start: number): LexedAction {
  const tokens: Token[] = [];
  let pos = start;
  for (;;) {
    const delimiter = rightDelimiterAt(text, pos);
    if (delimiter) return { tokens, ...delimiter };
    const c = text[pos];
    if (c === undefined) throw new TemplateSyntaxError('unclosed action');
    if (isSpace(c)) {
      pos++;
    } else if (c === '"') {
      const { value, end } = lexQuoted(text, pos);
      tokens.push({ type: 'string', value });
      pos = end;
    } else if (c === '`') {
      const close = text.indexOf('`', pos + 1);
      if (close < 0) throw new TemplateSyntaxError('unterminated raw quoted string');
      tokens.push({ type: 'string', value: text.slice(pos + 1, close) });
      pos = close + 1;
    } else if (c === '|') {
      tokens.push({ type: 'pipe' });
      pos++;
    } else if (c === '(') {
      tokens.push({ type: 'open' });
      pos++;
    } else if (c === ')') {
      tokens.push({ type: 'close' });
      pos++;
    } else {
      IDENTIFIER.lastIndex = pos;
      const word = IDENTIFIER.exec(text)?.[0];
      if (!word) {
        throw new TemplateSyntaxError(
          /[.$0-9+-]/.test(c)
            ? 'fields, variables and numbers are not supported: only secret and configmap are evaluated'
            : 'unrecognized character in action',
        );
      }
      tokens.push({ type: 'word', value: word });
      pos += word.length;
    }
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
};

/** A Go interpreted string literal starting at `start` (a double quote). */
function lexQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let pos = start + 1;
  for (;;) {
    const c = text[pos];
    if (c === undefined || c === '\n') throw new TemplateSyntaxError('unterminated quoted string');
    if (c === '"') return { value, end: pos + 1 };
    if (c !== '\\') {
      value += c;
      pos++;
      continue;
    }
    const e = text[pos + 1] ?? '';
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      value += simple;
      pos += 2;
      continue;
    }
    const hexLength = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    const digits = hexLength
      ? text.slice(pos + 2, pos + 2 + hexLength)
      : /[0-7]/.test(e)
        ? text.slice(pos + 1, pos + 4)
        : '';
    const valid = hexLength ? /^[0-9a-fA-F]+$/.test(digits) : /^[0-7]{3}$/.test(digits);
    if (!valid || digits.length !== (hexLength || 3))
      throw new TemplateSyntaxError('invalid escape sequence in quoted string');
    value += String.fromCodePoint(Number.parseInt(digits, hexLength ? 16 : 8));
    pos += hexLength ? 2 + hexLength : 4;
  }
}

/** Evaluates the tokens of one action: `pipeline := command ('|' command)*`. */
function evaluateAction(tokens: Token[]): Value {
  if (tokens.length === 0) throw new TemplateSyntaxError('missing value for command');
  const reader = { tokens, index: 0 };
  const value = evaluatePipeline(reader);
  if (reader.index < tokens.length) throw new TemplateSyntaxError('unexpected ")" in action');
  return value;
}

function evaluatePipeline(reader: { tokens: Token[]; index: number }): Value {
  let piped: Value | undefined;
  for (;;) {
    piped = evaluateCommand(reader, piped);
    const next = reader.tokens[reader.index];
    if (next?.type !== 'pipe') return piped;
    reader.index++;
  }
}

function evaluateCommand(reader: { tokens: Token[]; index: number }, piped: Value | undefined): Value {
  const operands: Array<Value | { type: 'word'; value: string }> = [];
  for (;;) {
    const token = reader.tokens[reader.index];
    if (!token || token.type === 'pipe' || token.type === 'close') break;
    reader.index++;
    if (token.type === 'string') operands.push({ type: 'text', text: token.value });
    else if (token.type === 'word') operands.push(token);
    else {
      const inner = evaluatePipeline(reader);
      if (reader.tokens[reader.index]?.type !== 'close') throw new TemplateSyntaxError('unclosed left paren');
      reader.index++;
      operands.push(inner);
    }
  }
  const [head, ...args] = operands;
  if (!head) throw new TemplateSyntaxError('missing value for command');
  if (head.type !== 'word') {
    if (args.length > 0 || piped) throw new TemplateSyntaxError("can't give argument to non-function");
    return head;
  }
  const fn = head.value;
  if (fn !== 'secret' && fn !== 'configmap') {
    throw new TemplateSyntaxError(
      UNSUPPORTED_WORDS.has(fn)
        ? `"${fn}" is valid in Go templates but not supported here: only secret and configmap are evaluated`
        : 'function not defined: only secret and configmap are available',
    );
  }
  const all = piped ? [...args, piped] : args;
  if (all.length !== 1)
    throw new TemplateSyntaxError(`wrong number of args for ${fn}: want 1 got ${all.length}`);
  const [arg] = all;
  if (arg?.type !== 'text') {
    throw new TemplateSyntaxError(
      `the argument of ${fn} must be a string literal such as "name/key", not a value read from the cluster`,
    );
  }
  return referenceOf(fn, arg.text);
}

/** Splits `name/key` as GKO does: exactly one slash, both sides non-empty. */
function referenceOf(source: TemplateSource, argument: string): Value {
  const what = source === 'secret' ? 'secret' : 'configmap';
  if (argument === '') throw new TemplateSyntaxError(`empty ${what} name`);
  const pieces = argument.split('/');
  const [name, key] = pieces;
  if (pieces.length !== 2 || !name || !key)
    throw new TemplateSyntaxError(`wrong ${what} name: expected my-${what}/key1`);
  return { type: 'reference', source, name, key };
}
