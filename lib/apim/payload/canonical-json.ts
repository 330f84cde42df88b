import { createHash } from 'node:crypto';

/**
 * Serialises JSON data with object keys sorted (UTF-16 code unit order) and no whitespace, so two
 * payloads that differ only in key order give the same text. For plain JSON data this is the
 * canonical form of RFC 8785 (JCS): same key order, same number and string formatting as
 * `JSON.stringify`. Array order is meaningful (plans are prioritised by position) and kept.
 *
 * Like `JSON.stringify`: `undefined`, functions and symbols are dropped from objects and become `null`
 * in arrays; `toJSON()` is honoured; a `bigint` throws.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, { d: null, c: 'x' }] }); // '{"a":[true,{"c":"x","d":null}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const text = write(value);
  if (text === undefined) throw new TypeError(`canonicalJson: ${typeof value} is not JSON data`);
  return text;
}

function write(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return write(withToJson.toJSON());
  if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const text = write(record[key]);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}

/**
 * Hex SHA-256 of a UTF-8 string.
 *
 * @example
 * sha256Hex(''); // 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Fingerprint of a payload: SHA-256 of its canonical JSON. Equal for payloads that only differ in key
 * order, so comparing it with the last applied one tells whether APIM needs a write at all (GKO keeps
 * a similar hash of the spec in its `last-spec-hash` annotation).
 *
 * @example
 * payloadHash({ a: 1, b: 2 }) === payloadHash({ b: 2, a: 1 }); // true
 */
export function payloadHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
