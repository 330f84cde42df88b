/**
 * The port through which admission rules see other resources. `gso validate` backs it with the manifests
 * it was given; the functions back it with the registry.
 */

/** Metadata the rules read; everything else is carried along untouched. */
export interface ResourceMetadata {
  name?: string;
  namespace?: string;
  annotations?: Record<string, string>;
  ownerReferences?: Array<{ apiVersion?: string; kind?: string; name?: string }>;
  deletionTimestamp?: string;
  [key: string]: unknown;
}

/** A resource as the lookup hands it out: loosely typed, the rules read it through small accessors. */
export interface LookedUpResource {
  metadata: ResourceMetadata;
  spec?: unknown;
  status?: unknown;
}

/** Read access to the other resources of the cluster. */
export interface ResourceLookup {
  /** The resource of `kind` (e.g. `ManagementContext`) named `name` in `namespace`, if known. */
  get(kind: string, namespace: string, name: string): LookedUpResource | undefined;
  /**
   * Every known resource of `kind`, all namespaces. Optional: a point-lookup store cannot answer it, and
   * the rules that need it (context path conflicts, subscriptions of a plan…) are then skipped.
   */
  list?(kind: string): LookedUpResource[];
}

/** A lookup that knows nothing, for callers that only want the rules about the resource itself. */
export const emptyLookup: ResourceLookup = { get: () => undefined };
