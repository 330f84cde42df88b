import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { applyStructuralDefaults } from './crd-defaults.ts';
import { SHARED_DIR } from './shared-paths.ts';

type SpecSchema = Parameters<typeof applyStructuralDefaults>[1];

const specSchemas = new Map<string, SpecSchema>();

/** Schema of `spec` in GKO's CRD of a kind, by plural (e.g. `applications`), version `v1alpha1`. */
export function gkoSpecSchema(plural: string): SpecSchema {
  let schema = specSchemas.get(plural);
  if (!schema) {
    const file = `${SHARED_DIR}gko/crds/gravitee.io/gravitee.io_${plural}.yaml`;
    const crd = parse(readFileSync(file, 'utf8')) as {
      spec: {
        versions: Array<{
          name: string;
          schema: { openAPIV3Schema: { properties?: Record<string, SpecSchema> } };
        }>;
      };
    };
    schema = crd.spec.versions.find((v) => v.name === 'v1alpha1')?.schema.openAPIV3Schema.properties?.spec;
    if (!schema) throw new Error(`no v1alpha1 spec schema in ${file}`);
    specSchemas.set(plural, schema);
  }
  return schema;
}

/**
 * A copy of a spec as the API server would store it: the `default`s of GKO's CRD of that kind applied.
 *
 * @example
 * asStoredSpec('groups', { name: 'g', members: [] }).notifyMembers; // true
 */
export function asStoredSpec<T>(plural: string, spec: T): T {
  const copy = structuredClone(spec);
  applyStructuralDefaults(copy, gkoSpecSchema(plural));
  return copy;
}

/** The `required` list of a CRD spec schema (top level), to pin facts about invalid examples. */
export function requiredSpecFields(plural: string): string[] {
  return ((gkoSpecSchema(plural) as { required?: string[] }).required ?? []).slice();
}
