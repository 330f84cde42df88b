/**
 * GKO's guards on deletion: a resource others still reference is not deleted from APIM (GKO's webhook
 * refuses the delete for contexts, shared policy groups, APIs and applications with subscriptions; its
 * controllers hold the finalizer for portals and APIs still listed or documented). Here they are a list
 * of issues the caller can act on, typically by keeping the finalizer and reporting them.
 */
import { list, record } from './accessors.ts';
import { type AdmissionIssue, admissionError } from './issue.ts';
import type { LookedUpResource, ResourceLookup } from './lookup.ts';
import { apiKindOf, type ObjectReference, referenceAt } from './references.ts';
import { type AdmissionResource, nameOf, namespaceOf } from './rule.ts';
import { FLOW_PHASES, v4Flows } from './rules/api-v4-flows.ts';

/** How one kind of resource points at others: the references it holds, read from its spec. */
interface Referrer {
  kind: string;
  /** The references of `resource`, with the kind each one targets. */
  references: (
    spec: Record<string, unknown>,
    namespace: string,
  ) => Array<{ kind: string; ref: ObjectReference }>;
}

const contextRef = (kind: string): Referrer => ({
  kind,
  references: (spec, namespace) => {
    const ref = referenceAt(spec.contextRef, namespace);
    return ref ? [{ kind: 'ManagementContext', ref }] : [];
  },
});

const apiRef = (value: unknown, namespace: string) => {
  const ref = referenceAt(value, namespace);
  const kind = apiKindOf(ref?.kind);
  return ref && kind ? [{ kind, ref }] : [];
};

const REFERRERS: Referrer[] = [
  {
    kind: 'ApiV4Definition',
    references: (spec, namespace) => [
      ...contextRef('ApiV4Definition').references(spec, namespace),
      ...v4Flows(spec).flatMap(({ flow }) =>
        FLOW_PHASES.flatMap((phase) =>
          list(flow[phase]).flatMap((step) => {
            const ref = referenceAt(record(step).sharedPolicyGroupRef, namespace);
            return ref ? [{ kind: 'SharedPolicyGroup', ref }] : [];
          }),
        ),
      ),
    ],
  },
  ...['ApiDefinition', 'Application', 'SharedPolicyGroup', 'Group', 'Dictionary', 'Portal'].map(contextRef),
  {
    kind: 'Subscription',
    references: (spec, namespace) => {
      const application = referenceAt(spec.application, namespace);
      return [
        ...apiRef(spec.api, namespace),
        ...(application ? [{ kind: 'Application', ref: application }] : []),
      ];
    },
  },
  {
    kind: 'Documentation',
    references: (spec, namespace) => {
      const portal = referenceAt(spec.portalRef, namespace);
      return [...apiRef(spec.apiRef, namespace), ...(portal ? [{ kind: 'Portal', ref: portal }] : [])];
    },
  },
  {
    kind: 'PortalListing',
    references: (spec, namespace) => {
      const portal = referenceAt(spec.portalRef, namespace);
      return [
        ...(portal ? [{ kind: 'Portal', ref: portal }] : []),
        ...list(spec.apis).flatMap((item) => apiRef(record(item).ref, namespace)),
      ];
    },
  },
  {
    kind: 'PortalLink',
    references: (spec, namespace) => {
      const portal = referenceAt(spec.portalRef, namespace);
      return portal ? [{ kind: 'Portal', ref: portal }] : [];
    },
  },
];

function referrersOf(
  resource: AdmissionResource,
  lookup: ResourceLookup,
): Array<{ kind: string; referrer: LookedUpResource }> {
  if (!lookup.list) return [];
  const name = nameOf(resource);
  const namespace = namespaceOf(resource);
  const found: Array<{ kind: string; referrer: LookedUpResource }> = [];
  for (const { kind, references } of REFERRERS) {
    for (const referrer of lookup.list(kind)) {
      if (referrer.metadata?.deletionTimestamp) continue;
      const refs = references(record(referrer.spec), namespaceOf(referrer));
      if (refs.some((r) => r.kind === resource.kind && r.ref.name === name && r.ref.namespace === namespace))
        found.push({ kind, referrer });
    }
  }
  return found;
}

/**
 * Why `resource` cannot be deleted yet: one error per resource that still references it (a context's
 * APIs, applications…; an API's or application's subscriptions; a portal's listings, links and pages; a
 * shared policy group's APIs). Empty when nothing does, or when the lookup cannot `list`.
 */
export function deletionIssues(resource: AdmissionResource, lookup: ResourceLookup): AdmissionIssue[] {
  return referrersOf(resource, lookup).map(({ kind, referrer }) =>
    admissionError(
      'metadata.name',
      `${kind} ${namespaceOf(referrer)}/${nameOf(referrer)} still references this ${resource.kind}; delete it first`,
    ),
  );
}
