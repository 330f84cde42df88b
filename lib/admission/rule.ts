import { record, text } from './accessors.ts';
import type { AdmissionIssue } from './issue.ts';
import type { LookedUpResource, ResourceLookup } from './lookup.ts';

/** The resource under admission: a lookup resource that also says what it is. */
export interface AdmissionResource extends LookedUpResource {
  kind: string;
  apiVersion?: string;
}

/** Knobs of the rules that depend on the environment rather than on the resources. */
export interface AdmissionOptions {
  /** The current time, for dates that must lie in the future (a subscription's `endingAt`). */
  now?: Date;
  /**
   * Where two APIs may not share a context path: in the same namespace (GKO's default) or anywhere in
   * the cluster (GKO's `CHECK_API_CONTEXT_PATH_CONFLICT_IN_CLUSTER=true`).
   */
  contextPathScope?: 'namespace' | 'cluster';
}

/** Everything a rule may look at. */
export interface AdmissionContext {
  resource: AdmissionResource;
  /** `resource.spec` as an object (empty when absent). */
  spec: Record<string, unknown>;
  name: string;
  /** The resource's namespace, `default` when the manifest leaves it out. */
  namespace: string;
  lookup: ResourceLookup;
  /** The resource as it was before this change; absent on creation. */
  previous?: AdmissionResource;
  /** `previous.spec` as an object, when there is a previous state. */
  previousSpec?: Record<string, unknown>;
  now: Date;
  contextPathScope: 'namespace' | 'cluster';
}

/** One admission rule: one concept, checked on one resource. */
export type AdmissionRule = (context: AdmissionContext) => AdmissionIssue[];

/** Namespace a manifest lands in when it names none. */
export const DEFAULT_NAMESPACE = 'default';

/** The namespace of a looked-up resource, defaulted like the CLI and the API server do. */
export function namespaceOf(resource: LookedUpResource): string {
  return text(resource.metadata?.namespace) ?? DEFAULT_NAMESPACE;
}

/** The name of a looked-up resource (empty when it has none). */
export function nameOf(resource: LookedUpResource): string {
  return text(resource.metadata?.name) ?? '';
}

/** Builds the context of one admission. */
export function admissionContext(
  resource: AdmissionResource,
  lookup: ResourceLookup,
  previous: AdmissionResource | undefined,
  options: AdmissionOptions,
): AdmissionContext {
  return {
    resource,
    spec: record(resource.spec),
    name: nameOf(resource),
    namespace: namespaceOf(resource),
    lookup,
    ...(previous ? { previous, previousSpec: record(previous.spec) } : {}),
    now: options.now ?? new Date(),
    contextPathScope: options.contextPathScope ?? 'namespace',
  };
}
