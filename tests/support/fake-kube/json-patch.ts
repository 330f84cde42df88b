import { cloneJson, isJsonObject, type JsonValue, jsonEqual } from './json.ts';
import { arrayIndex, childOf, JsonPatchApplyError, parsePointer, resolveParent } from './json-pointer.ts';

/** Thrown when the request body is not a JSON patch document at all (→ 400 on the real server). */
export class JsonPatchDecodeError extends Error {
  override readonly name = 'JsonPatchDecodeError';
}

interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: JsonValue;
  hasValue: boolean;
}

function decode(patch: unknown): Operation[] {
  if (!Array.isArray(patch)) {
    throw new JsonPatchDecodeError(
      `json: cannot unmarshal ${isJsonObject(patch) ? 'object' : typeof patch} into Go value of type jsonpatch.Patch`,
    );
  }
  return patch.map((raw) => {
    if (!isJsonObject(raw)) throw new JsonPatchDecodeError('json: cannot unmarshal operation');
    return {
      op: String(raw.op ?? ''),
      path: String(raw.path ?? ''),
      ...(typeof raw.from === 'string' ? { from: raw.from } : {}),
      ...(Object.hasOwn(raw, 'value') ? { value: raw.value } : {}),
      hasValue: Object.hasOwn(raw, 'value'),
    };
  });
}

function getAt(document: JsonValue, pointer: string): JsonValue {
  let current: JsonValue | undefined = document;
  for (const token of parsePointer(pointer)) {
    current = current === undefined ? undefined : childOf(current, token);
  }
  if (current === undefined) throw new JsonPatchApplyError(`doc is missing path: ${pointer}`);
  return current;
}

function add(document: JsonValue, pointer: string, value: JsonValue): JsonValue {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value;
  const { parent, key } = resolveParent(document, tokens);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : arrayIndex(key, parent.length);
    parent.splice(index, 0, value);
  } else if (isJsonObject(parent)) {
    parent[key] = value;
  } else {
    throw new JsonPatchApplyError(`add operation does not apply: doc is missing path: ${pointer}`);
  }
  return document;
}

function remove(document: JsonValue, pointer: string): JsonValue {
  const tokens = parsePointer(pointer);
  const { parent, key } = resolveParent(document, tokens);
  if (Array.isArray(parent)) {
    parent.splice(arrayIndex(key, parent.length - 1), 1);
  } else if (isJsonObject(parent) && Object.hasOwn(parent, key)) {
    delete parent[key];
  } else {
    throw new JsonPatchApplyError(`Unable to remove nonexistent key: ${key}: missing value`);
  }
  return document;
}

function replace(document: JsonValue, pointer: string, value: JsonValue): JsonValue {
  getAt(document, pointer); // replace requires the target to exist
  return add(remove(document, pointer), pointer, value);
}

function requireValue(operation: Operation): JsonValue {
  if (!operation.hasValue || operation.value === undefined) {
    throw new JsonPatchApplyError(`${operation.op} operation has no value`);
  }
  return cloneJson(operation.value);
}

function applyOperation(document: JsonValue, operation: Operation): JsonValue {
  switch (operation.op) {
    case 'add':
      return add(document, operation.path, requireValue(operation));
    case 'remove':
      return remove(document, operation.path);
    case 'replace':
      return replace(document, operation.path, requireValue(operation));
    case 'move': {
      const value = cloneJson(getAt(document, operation.from ?? ''));
      return add(remove(document, operation.from ?? ''), operation.path, value);
    }
    case 'copy':
      return add(document, operation.path, cloneJson(getAt(document, operation.from ?? '')));
    case 'test':
      if (!jsonEqual(getAt(document, operation.path), operation.value ?? null)) {
        throw new JsonPatchApplyError(`testing value ${operation.path} failed: test failed`);
      }
      return document;
    default:
      throw new JsonPatchApplyError(`Unexpected kind: ${operation.op}`);
  }
}

/**
 * Applies an RFC 6902 JSON patch atomically to a copy of `document`.
 *
 * @throws JsonPatchDecodeError when `patch` is not an array of operations (the server answers 400)
 * @throws JsonPatchApplyError when an operation fails, including a failed `test` (the server answers 422)
 */
export function applyJsonPatch(document: JsonValue, patch: unknown): JsonValue {
  return decode(patch).reduce(applyOperation, cloneJson(document));
}
