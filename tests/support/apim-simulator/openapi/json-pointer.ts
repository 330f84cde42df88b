import { isJsonObject, type JsonObject } from '../json.ts';

/** Escapes one JSON pointer segment (RFC 6901). */
export function escapePointerSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** A same-document pointer such as `#/paths/~1apis/put`. */
export function pointerOf(segments: readonly string[]): string {
  return `#/${segments.map(escapePointerSegment).join('/')}`;
}

/** Appends segments to an existing same-document pointer. */
export function childPointer(pointer: string, ...segments: string[]): string {
  return `${pointer}/${segments.map(escapePointerSegment).join('/')}`;
}

/** The value a same-document pointer designates, or `undefined`. */
export function valueAtPointer(document: JsonObject, pointer: string): unknown {
  if (!pointer.startsWith('#/')) {
    return undefined;
  }
  let current: unknown = document;
  for (const raw of pointer.slice(2).split('/')) {
    if (!isJsonObject(current) && !Array.isArray(current)) {
      return undefined;
    }
    const segment = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** An OpenAPI object together with the pointer of where it really lives once `$ref`s are followed. */
export interface Located {
  readonly value: JsonObject;
  readonly pointer: string;
}

/**
 * Follows same-document `$ref`s (parameters, responses and request bodies are often shared through
 * `components`) so schema pointers can be built from where the object actually is.
 */
export function followRefs(document: JsonObject, value: unknown, pointer: string): Located | undefined {
  let current = value;
  let currentPointer = pointer;
  // A cycle of references would never end; ten hops is far more than any real document uses.
  for (let hops = 0; hops < 10; hops += 1) {
    if (!isJsonObject(current)) {
      return undefined;
    }
    const ref = current.$ref;
    if (typeof ref !== 'string') {
      return { value: current, pointer: currentPointer };
    }
    currentPointer = ref;
    current = valueAtPointer(document, ref);
  }
  return undefined;
}
