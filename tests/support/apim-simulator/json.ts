/** A parsed JSON object whose members have not been narrowed yet. */
export type JsonObject = { [key: string]: unknown };

/** True when `value` is a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The array members of `object[key]` that are JSON objects; empty when the member is absent or not an array. */
export function objectItems(object: JsonObject, key: string): JsonObject[] {
  const value = object[key];
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

/** `object[key]` when it is a string, otherwise `undefined`. */
export function stringMember(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}
