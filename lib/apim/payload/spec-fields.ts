import { TerminalError } from '../../errors/sync-errors.ts';
import { isJsonObject, type JsonObject } from './json-object.ts';

/**
 * A spec field the mapping needs has the wrong type, or a required one is missing. Terminal: the spec
 * must change. Specs are validated against their CRD contract before they are mapped, so seeing this
 * means a contract and a mapping disagree.
 */
export class InvalidSpecFieldError extends TerminalError {
  override readonly name: string = 'InvalidSpecFieldError';
  /** Path of the field, e.g. `spec.portalRef.name`. */
  readonly field: string;
  constructor(field: string, expected: string) {
    super('InvalidSpec', `${field} must be ${expected}`);
    this.field = field;
  }
}

/** A reference to another custom resource; `namespace` defaults to the referrer's. */
export interface ResourceRefInput {
  name: string;
  namespace?: string;
  kind?: string;
}

/**
 * Reads an optional string field; `undefined` when absent or `null`.
 *
 * @example
 * optionalString({ name: 'a' }, 'name', 'spec'); // 'a'
 */
export function optionalString(object: JsonObject, key: string, path: string): string | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InvalidSpecFieldError(`${path}.${key}`, 'a string');
  return value;
}

/** Reads a required string field. */
export function requiredString(object: JsonObject, key: string, path: string): string {
  const value = optionalString(object, key, path);
  if (value === undefined) throw new InvalidSpecFieldError(`${path}.${key}`, 'a string');
  return value;
}

/** Reads an optional integer field (CRD `integer`, e.g. `order`). */
export function optionalInteger(object: JsonObject, key: string, path: string): number | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new InvalidSpecFieldError(`${path}.${key}`, 'an integer');
  }
  return value;
}

/** Reads an optional boolean field. */
export function optionalBoolean(object: JsonObject, key: string, path: string): boolean | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new InvalidSpecFieldError(`${path}.${key}`, 'a boolean');
  return value;
}

/** Reads an optional object field. */
export function optionalObject(object: JsonObject, key: string, path: string): JsonObject | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value)) throw new InvalidSpecFieldError(`${path}.${key}`, 'an object');
  return value;
}

/** Reads an optional array field. */
export function optionalArray(object: JsonObject, key: string, path: string): unknown[] | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new InvalidSpecFieldError(`${path}.${key}`, 'an array');
  return value;
}

/** Reads an optional array whose items are all objects. */
export function optionalObjectArray(object: JsonObject, key: string, path: string): JsonObject[] | undefined {
  const items = optionalArray(object, key, path);
  if (items === undefined) return undefined;
  return items.map((item, index) => {
    if (!isJsonObject(item)) throw new InvalidSpecFieldError(`${path}.${key}[${index}]`, 'an object');
    return item;
  });
}

/** Reads an optional map of strings (CRD `additionalProperties: string`, e.g. `metadata`). */
export function optionalStringMap(
  object: JsonObject,
  key: string,
  path: string,
): Record<string, string> | undefined {
  const map = optionalObject(object, key, path);
  if (map === undefined) return undefined;
  for (const [entry, value] of Object.entries(map)) {
    if (typeof value !== 'string') throw new InvalidSpecFieldError(`${path}.${key}.${entry}`, 'a string');
  }
  return map as Record<string, string>;
}

/** Reads an optional `{ name, namespace?, kind? }` reference. */
export function optionalRef(object: JsonObject, key: string, path: string): ResourceRefInput | undefined {
  const ref = optionalObject(object, key, path);
  if (ref === undefined) return undefined;
  const refPath = `${path}.${key}`;
  const out: ResourceRefInput = { name: requiredString(ref, 'name', refPath) };
  const namespace = optionalString(ref, 'namespace', refPath);
  const kind = optionalString(ref, 'kind', refPath);
  if (namespace !== undefined) out.namespace = namespace;
  if (kind !== undefined) out.kind = kind;
  return out;
}

/** Reads a required `{ name, namespace?, kind? }` reference. */
export function requiredRef(object: JsonObject, key: string, path: string): ResourceRefInput {
  const ref = optionalRef(object, key, path);
  if (ref === undefined) throw new InvalidSpecFieldError(`${path}.${key}`, 'a reference with a name');
  return ref;
}
