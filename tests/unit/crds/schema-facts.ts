/**
 * Flattens an OpenAPI v3 schema into `field path → facts` so two CRDs can be compared field by
 * field (paths use `.name`, `[]` for list items and `{}` for map values).
 */
import { isDeepStrictEqual } from 'node:util';
import type { JsonSchemaProps } from '../../../lib/codegen/structural-schema.ts';

/** The validation-relevant facts of one schema node. */
export interface SchemaFacts {
  type?: unknown;
  enum?: unknown;
  default?: unknown;
  format?: unknown;
  pattern?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  minLength?: unknown;
  maxLength?: unknown;
  minItems?: unknown;
  maxItems?: unknown;
  'x-kubernetes-preserve-unknown-fields'?: unknown;
  'x-kubernetes-list-type'?: unknown;
  'x-kubernetes-list-map-keys'?: unknown;
  required?: unknown;
}

const COMPARED: ReadonlyArray<keyof SchemaFacts> = [
  'type',
  'enum',
  'default',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'required',
];

/** One way two schemas disagree. */
export interface SchemaDifference {
  path: string;
  aspect: keyof SchemaFacts | 'presence';
  gko: unknown;
  ours: unknown;
}

/**
 * Enumerations may be split over `allOf` branches (GKO's plan `mode` repeats its enum there);
 * the effective set is their intersection.
 */
function effectiveEnum(node: JsonSchemaProps): unknown[] | undefined {
  const lists: unknown[][] = [];
  if (Array.isArray(node.enum)) lists.push(node.enum);
  for (const branch of (node.allOf as JsonSchemaProps[] | undefined) ?? []) {
    if (Array.isArray(branch.enum)) lists.push(branch.enum);
  }
  const [first, ...rest] = lists;
  return first?.filter((value) => rest.every((list) => list.includes(value)));
}

/** Collects the facts of every node under `root`, keyed by path from `prefix`. */
export function collectFacts(root: JsonSchemaProps, prefix: string): Map<string, SchemaFacts> {
  const facts = new Map<string, SchemaFacts>();
  const visit = (node: JsonSchemaProps, path: string): void => {
    const entry: SchemaFacts = {};
    for (const aspect of COMPARED) {
      const value = aspect === 'enum' ? effectiveEnum(node) : node[aspect];
      if (value !== undefined)
        entry[aspect] = aspect === 'required' ? [...(value as string[])].sort() : value;
    }
    facts.set(path, entry);
    for (const [name, child] of Object.entries(node.properties ?? {})) visit(child, `${path}.${name}`);
    if (node.items !== undefined) visit(node.items, `${path}[]`);
    if (typeof node.additionalProperties === 'object') visit(node.additionalProperties, `${path}{}`);
  };
  visit(root, prefix);
  return facts;
}

/**
 * A field GKO lists as required but that has a default is equivalent to an optional defaulted
 * field: the API server applies defaults before it validates `required`.
 */
function requiredEquivalent(path: string, gko: unknown, ours: unknown, oursFacts: Map<string, SchemaFacts>) {
  const gkoRequired = new Set((gko as string[] | undefined) ?? []);
  const ourRequired = new Set((ours as string[] | undefined) ?? []);
  for (const name of new Set([...gkoRequired, ...ourRequired])) {
    if (gkoRequired.has(name) === ourRequired.has(name)) continue;
    const defaulted = oursFacts.get(`${path}.${name}`)?.default !== undefined;
    if (!(gkoRequired.has(name) && defaulted)) return false;
  }
  return true;
}

/** Every disagreement between GKO's facts and ours, in path order. */
export function compareFacts(
  gkoFacts: Map<string, SchemaFacts>,
  oursFacts: Map<string, SchemaFacts>,
): SchemaDifference[] {
  const differences: SchemaDifference[] = [];
  const paths = [...new Set([...gkoFacts.keys(), ...oursFacts.keys()])].sort();
  for (const path of paths) {
    const gko = gkoFacts.get(path);
    const ours = oursFacts.get(path);
    if (gko === undefined || ours === undefined) {
      differences.push({ path, aspect: 'presence', gko: gko !== undefined, ours: ours !== undefined });
      continue;
    }
    for (const aspect of COMPARED) {
      if (isDeepStrictEqual(gko[aspect], ours[aspect])) continue;
      if (aspect === 'required' && requiredEquivalent(path, gko.required, ours.required, oursFacts)) continue;
      differences.push({ path, aspect, gko: gko[aspect], ours: ours[aspect] });
    }
  }
  return differences;
}

/** `path aspect`, the identity of a difference used by allow-lists. */
export function differenceKey(difference: Pick<SchemaDifference, 'path' | 'aspect'>): string {
  return `${difference.path} ${difference.aspect}`;
}
