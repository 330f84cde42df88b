import { isJsonObject, type JsonValue } from './json.ts';

/** Thrown when a JSON patch operation cannot be applied to the document. */
export class JsonPatchApplyError extends Error {
  override readonly name = 'JsonPatchApplyError';
}

/** Splits an RFC 6901 pointer into unescaped tokens (`/a~1b/c~0` → `['a/b', 'c~']`). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/'))
    throw new JsonPatchApplyError(`invalid JSON pointer ${JSON.stringify(pointer)}`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The container a pointer's last token addresses, and that token; throws when the parent is missing. */
export function resolveParent(
  document: JsonValue,
  tokens: readonly string[],
): { parent: JsonValue; key: string } {
  let current: JsonValue = document;
  for (const token of tokens.slice(0, -1)) {
    const next = childOf(current, token);
    if (next === undefined) throw new JsonPatchApplyError(`doc is missing path: /${tokens.join('/')}`);
    current = next;
  }
  return { parent: current, key: tokens[tokens.length - 1] ?? '' };
}

/** The value at `token` inside `container`, or undefined. */
export function childOf(container: JsonValue, token: string): JsonValue | undefined {
  if (Array.isArray(container)) {
    const index = arrayIndex(token, container.length - 1);
    return container[index];
  }
  if (isJsonObject(container)) return Object.hasOwn(container, token) ? container[token] : undefined;
  return undefined;
}

/** Parses an array index token; `max` bounds it (length for insertion, length - 1 for access). */
export function arrayIndex(token: string, max: number): number {
  if (!/^(0|[1-9][0-9]*)$/.test(token))
    throw new JsonPatchApplyError(`invalid array index ${JSON.stringify(token)}`);
  const index = Number(token);
  if (index > max) throw new JsonPatchApplyError(`array index ${index} out of bounds`);
  return index;
}
