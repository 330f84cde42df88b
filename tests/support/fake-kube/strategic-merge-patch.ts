import { cloneJson, isJsonObject, type JsonObject, type JsonValue, jsonEqual } from './json.ts';

/**
 * Lists the real server merges instead of replacing, keyed by their path from the object root.
 * `null` merge key = set of primitives (union); otherwise items are matched on that key.
 * Only `ObjectMeta` lists matter for the built-in types this fake serves (their other lists are rare).
 */
const MERGED_LISTS: Readonly<Record<string, string | null>> = {
  'metadata.finalizers': null,
  'metadata.ownerReferences': 'uid',
};

const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';

function mergeList(current: JsonValue | undefined, patch: JsonValue[], mergeKey: string | null): JsonValue[] {
  const result = Array.isArray(current) ? cloneJson(current) : [];
  for (const item of patch) {
    if (mergeKey === null) {
      if (!result.some((existing) => jsonEqual(existing, item))) result.push(cloneJson(item));
      continue;
    }
    const key = isJsonObject(item) ? item[mergeKey] : undefined;
    const index = result.findIndex(
      (existing) => isJsonObject(existing) && jsonEqual(existing[mergeKey], key),
    );
    if (isJsonObject(item) && item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) {
      result[index] = mergeObject(result[index], item as JsonObject, '');
    } else {
      result.push(cloneJson(item));
    }
  }
  return result;
}

function mergeObject(target: JsonValue | undefined, patch: JsonObject, path: string): JsonValue {
  if (patch.$patch === 'delete') return {};
  const replace = patch.$patch === 'replace';
  const result: JsonObject = isJsonObject(target) && !replace ? cloneJson(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch') continue;
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      const field = key.slice(DELETE_FROM_PRIMITIVE_LIST.length);
      const list = result[field];
      if (Array.isArray(list) && Array.isArray(value)) {
        result[field] = list.filter((item) => !value.some((removed) => jsonEqual(item, removed)));
      }
      continue;
    }
    const childPath = path ? `${path}.${key}` : key;
    const mergeKey = MERGED_LISTS[childPath];
    if (value === null) delete result[key];
    else if (Array.isArray(value) && mergeKey !== undefined)
      result[key] = mergeList(result[key], value, mergeKey);
    else if (isJsonObject(value)) result[key] = mergeObject(result[key], value, childPath);
    else result[key] = cloneJson(value);
  }
  return result;
}

/**
 * Applies a strategic merge patch to a built-in object. This is a deliberate subset of the real
 * algorithm: JSON-merge semantics, plus set-union for `metadata.finalizers`, merge-by-uid for
 * `metadata.ownerReferences`, and the `$patch: replace|delete` and `$deleteFromPrimitiveList/<field>`
 * directives. Other lists are replaced, as a merge patch would.
 */
export function applyStrategicMergePatch(target: JsonValue, patch: JsonObject): JsonValue {
  return mergeObject(target, patch, '');
}
