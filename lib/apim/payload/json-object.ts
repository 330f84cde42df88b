/** A JSON object as decoded from a custom resource or an APIM answer. */
export type JsonObject = Record<string, unknown>;

/**
 * True for a plain JSON object (not `null`, not an array).
 *
 * @example
 * isJsonObject({ a: 1 }); // true
 * isJsonObject([1]); // false
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Removes the keys whose value Go's `encoding/json` leaves out under `omitempty`: empty strings and
 * empty arrays (and `undefined`). GKO's structs mark these fields `omitempty`, so sending `""` or `[]`
 * where GKO sends nothing could change what APIM does (e.g. `members: []`).
 *
 * @example
 * dropEmpty({ id: '', members: [], name: 'a' }, ['id', 'members']); // { name: 'a' }
 */
export function dropEmpty<T extends JsonObject>(object: T, keys: readonly string[]): T {
  for (const key of keys) {
    const value = object[key];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
      delete object[key];
    }
  }
  return object;
}

/**
 * Entries of a map-like CR field (`plans`, `pages`) sorted by key.
 *
 * GKO ranges over a Go map, whose order is random; the Kubernetes API server stores custom resources
 * as JSON with sorted keys, so key order is the stable order every reader of the resource sees.
 *
 * @example
 * sortedEntries({ b: 1, a: 2 }); // [['a', 2], ['b', 1]]
 */
export function sortedEntries<V>(map: Record<string, V>): Array<[string, V]> {
  return Object.keys(map)
    .sort()
    .map((key) => [key, map[key] as V]);
}
