/**
 * Size of an SQS message as SQS counts it against `MaximumMessageSize`: the UTF-8 body plus, for every
 * message attribute, its name, data type and value.
 *
 * @example sqsMessageBytes('{"a":1}', { kind: 'ApiV4Definition' }) // 7 + 4 + 6 + 15 = 32
 */
export function sqsMessageBytes(body: string, stringAttributes: Record<string, string> = {}): number {
  let size = Buffer.byteLength(body, 'utf8');
  for (const [name, value] of Object.entries(stringAttributes)) {
    size +=
      Buffer.byteLength(name, 'utf8') +
      Buffer.byteLength('String', 'utf8') +
      Buffer.byteLength(value, 'utf8');
  }
  return size;
}

/** SQS message attributes of data type String, as the SDK expects them. */
export function stringAttributes(values: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, { DataType: 'String', StringValue: value }]),
  );
}
