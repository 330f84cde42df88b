import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { API_V4_CRD_FILE } from './shared-paths.ts';

/** The subset of a CRD structural schema that defaulting walks. */
interface StructuralSchema {
  default?: unknown;
  nullable?: boolean;
  properties?: Record<string, StructuralSchema>;
  items?: StructuralSchema;
  additionalProperties?: StructuralSchema | boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Applies a CRD's `default`s the way the Kubernetes API server does before storing a custom resource
 * (apiextensions-apiserver `structuraldefaulting.Default`): in each object, a missing (or non-nullable
 * `null`) property with a default gets a copy of it, then every property, array item and
 * additionalProperties value is visited, defaulted ones included.
 *
 * GKO never sees a manifest as written, only as stored; the examples are therefore defaulted here before
 * they are mapped, as the operator's watcher would receive them.
 */
export function applyStructuralDefaults(value: unknown, schema: StructuralSchema | undefined): void {
  if (!schema) return;
  if (Array.isArray(value)) {
    for (const item of value) applyStructuralDefaults(item, schema.items);
    return;
  }
  if (!isObject(value)) return;
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (property.default === undefined) continue;
    if (!(key in value) || (value[key] === null && !property.nullable))
      value[key] = structuredClone(property.default);
  }
  for (const [key, child] of Object.entries(value)) {
    const property = schema.properties?.[key];
    if (property) applyStructuralDefaults(child, property);
    else if (isObject(schema.additionalProperties))
      applyStructuralDefaults(child, schema.additionalProperties);
  }
}

let specSchema: StructuralSchema | undefined;

/** Schema of `spec` in GKO's `ApiV4Definition` CRD (its only version, `v1alpha1`). */
export function apiV4SpecSchema(): StructuralSchema {
  if (!specSchema) {
    const crd = parse(readFileSync(API_V4_CRD_FILE, 'utf8')) as {
      spec: { versions: Array<{ name: string; schema: { openAPIV3Schema: StructuralSchema } }> };
    };
    const version = crd.spec.versions.find((v) => v.name === 'v1alpha1');
    specSchema = version?.schema.openAPIV3Schema.properties?.spec;
    if (!specSchema) throw new Error(`no v1alpha1 spec schema in ${API_V4_CRD_FILE}`);
  }
  return specSchema;
}

/**
 * A copy of an `ApiV4Definition` spec as the API server would store it (CRD defaults applied).
 *
 * @example
 * asStoredApiV4Spec({ name: 'echo' }).lifecycleState; // 'UNPUBLISHED'
 */
export function asStoredApiV4Spec<T>(spec: T): T {
  const copy = structuredClone(spec);
  applyStructuralDefaults(copy, apiV4SpecSchema());
  return copy;
}
