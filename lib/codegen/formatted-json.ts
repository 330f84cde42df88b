/**
 * JSON text laid out the way the project's formatter (Biome, `biome.json`) lays it out, so a generated
 * JSON file outside the formatter's ignore list passes `npm run lint` as written.
 */

/** Biome's `formatter.lineWidth` in `biome.json`. */
const LINE_WIDTH = 110;
const INDENT = '  ';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPrimitive(value: unknown): value is null | boolean | number | string {
  return value === null || ['boolean', 'number', 'string'].includes(typeof value);
}

function render(value: Json, indent: string, prefixLength: number, suffixLength: number): string {
  if (isPrimitive(value)) return JSON.stringify(value);
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isPrimitive)) {
      // Like Biome: a list of scalars stays on one line when the whole line fits.
      const inline = `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
      if (prefixLength + inline.length + suffixLength <= LINE_WIDTH) return inline;
    }
    const items = value.map((item, index) => {
      const comma = index < value.length - 1 ? 1 : 0;
      return `${inner}${render(item, inner, inner.length, comma)}`;
    });
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, member]) => member !== undefined);
  if (entries.length === 0) return '{}';
  const members = entries.map(([key, member], index) => {
    const head = `${inner}${JSON.stringify(key)}: `;
    const comma = index < entries.length - 1 ? 1 : 0;
    return `${head}${render(member, inner, head.length, comma)}`;
  });
  // Objects are always expanded, as JSON.stringify writes them and Biome keeps them.
  return `{\n${members.join(',\n')}\n${indent}}`;
}

/**
 * Serialises JSON data with two-space indentation, objects expanded, lists of scalars on one line when
 * they fit within the line width, and a final newline.
 *
 * @example
 * formattedJson({ required: ['id', 'name'] }); // '{\n  "required": ["id", "name"]\n}\n'
 */
export function formattedJson(value: unknown): string {
  return `${render(JSON.parse(JSON.stringify(value)) as Json, '', 0, 0)}\n`;
}
