import { cloneJson, isJsonObject, type JsonValue } from './json.ts';

/**
 * Applies an RFC 7386 JSON merge patch: objects merge key by key, `null` deletes a key, anything
 * else (arrays included) replaces the target value. Returns a new value; inputs are not modified.
 */
export function applyMergePatch(target: unknown, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch)) return cloneJson(patch);
  const result = isJsonObject(target) ? cloneJson(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}
