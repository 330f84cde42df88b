import { record, text } from './accessors.ts';

/** A reference to another resource, with its namespace resolved (an omitted namespace is the referrer's). */
export interface ObjectReference {
  name: string;
  namespace: string;
  /** The kind as written, when written. */
  kind?: string;
}

/** Reads a `{ name, namespace?, kind? }` reference; undefined when it has no name. */
export function referenceAt(value: unknown, ownerNamespace: string): ObjectReference | undefined {
  const ref = record(value);
  const name = text(ref.name);
  if (name === undefined) return undefined;
  const kind = text(ref.kind);
  return { name, namespace: text(ref.namespace) ?? ownerNamespace, ...(kind ? { kind } : {}) };
}

/** `namespace/name`, the way messages name a resource. */
export function describeReference(ref: { name: string; namespace: string }): string {
  return `${ref.namespace}/${ref.name}`;
}

/** Whether two resolved references name the same object (kinds aside). */
export function sameObject(left: ObjectReference, right: ObjectReference): boolean {
  return left.name === right.name && left.namespace === right.namespace;
}

/** The two API kinds a reference can point to. */
export type ApiKind = 'ApiV4Definition' | 'ApiDefinition';

/**
 * The API kind a reference's `kind` designates. GKO accepts the kind in any case, singular or plural
 * (`ApiV4Definition`, `apiv4definitions`) and defaults an empty kind to ApiV4Definition; anything else is
 * not an API.
 */
export function apiKindOf(kind: string | undefined): ApiKind | undefined {
  if (kind === undefined || kind === '') return 'ApiV4Definition';
  const plural = `${kind.toLowerCase().replace(/s+$/, '')}s`;
  if (plural === 'apiv4definitions') return 'ApiV4Definition';
  if (plural === 'apidefinitions') return 'ApiDefinition';
  return undefined;
}
