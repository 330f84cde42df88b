import { apiV4Identity } from './api-v4-identity.ts';
import { type ApiV4PageSpec, toApiV4Pages } from './api-v4-pages.ts';
import { type ApiV4PlanSpec, toApiV4Plans } from './api-v4-plans.ts';
import { type ApiV4ResolvedReferences, applyResolvedReferences } from './api-v4-references.ts';
import type { ApiV4DefinitionResource, ApiV4PreviousStatus } from './api-v4-resource.ts';
import { type DefinitionContext, mergeDefinitionContext } from './definition-context.ts';
import { dropEmpty, type JsonObject } from './json-object.ts';

export { apiV4Hrid } from './api-v4-identity.ts';

/**
 * Body of `PUT …/automation/organizations/{org}/environments/{env}/apis` (schema `ApiV4Spec` of the
 * Automation API). Fields not named here are the CR's, passed through as GKO does.
 */
export interface ApiV4Spec {
  hrid: string;
  definitionContext: DefinitionContext;
  plans?: ApiV4PlanSpec[];
  pages?: ApiV4PageSpec[];
  [key: string]: unknown;
}

/** Inputs beyond the resource itself. */
export interface ApiV4SpecOptions {
  /** Resolved references (ApiResources, SharedPolicyGroups, Groups, Notifications); see the type. */
  resolved?: ApiV4ResolvedReferences;
  /** The resource's current status, only relevant to resources first synced by GKO < 4.12. */
  previous?: ApiV4PreviousStatus;
}

/**
 * Top-level fields GKO's Go structs mark `omitempty` and that can hold `""` or `[]`
 * (`api/model/api/base/api.go`, `api/model/api/v4/api.go`).
 */
export const API_OMIT_EMPTY = [
  'id',
  'crossId',
  'hrid',
  'state',
  'visibility',
  'definitionVersion',
  'lifecycleState',
  'members',
  'portalNavigation',
  'notificationsRefs',
];

/**
 * Maps an `ApiV4Definition` to the body GKO (4.12+) sends to the Automation API. Pure: the resource is
 * not modified.
 *
 * What changes against the CR spec (GKO: `createOrUpdateV4` in
 * `controllers/apim/apidefinition/internal/update.go`, `PopulateIDs` in
 * `api/v1alpha1/apiv4definition_types.go`, `ToAutomation` in `internal/apim/model/api.go`):
 * - `contextRef` is dropped (it only selects the APIM instance);
 * - `hrid` is `<namespace>-<name>` (or the UUID, see {@link apiV4Identity});
 * - `definitionContext` defaults to `{ origin: KUBERNETES, syncFrom: MANAGEMENT }`;
 * - the `plans` and `pages` maps become arrays whose entries carry their key as `hrid`;
 * - resolved references are substituted ({@link applyResolvedReferences}), unresolved ones kept as is;
 * - empty `omitempty` fields are left out; absent fields stay absent (Go would send some as `null`).
 *
 * @example
 * toApiV4Spec({
 *   metadata: { name: 'echo', namespace: 'default' },
 *   spec: { contextRef: { name: 'dev-ctx' }, name: 'echo', plans: { KeyLess: { name: 'Free' } } },
 * });
 * // { name: 'echo', hrid: 'default-echo', definitionContext: { origin: 'KUBERNETES', syncFrom: 'MANAGEMENT' },
 * //   plans: [{ name: 'Free', hrid: 'KeyLess' }] }
 */
export function toApiV4Spec(resource: ApiV4DefinitionResource, options: ApiV4SpecOptions = {}): ApiV4Spec {
  const previous = options.previous ?? {};
  const spec = structuredClone(resource.spec);
  applyResolvedReferences(spec, resource.metadata.namespace, options.resolved);
  const identity = apiV4Identity(resource, previous);
  const { plans, pages, ...rest } = spec;

  const body: JsonObject = {
    ...rest,
    hrid: identity.hrid,
    definitionContext: mergeDefinitionContext(spec.definitionContext),
  };
  // The Automation API has no notion of management contexts: GKO's DTO has no such field.
  delete body.contextRef;
  if (identity.id) body.id = identity.id;
  if (identity.mode === 'uuid') {
    // GKO falls back to xxh3(namespace/name) when neither is set; not reproduced yet.
    body.crossId = previous.crossId || spec.crossId;
  }
  // GKO turns an empty plans map into no plans at all, but an empty pages map into `pages: []`.
  if (plans && Object.keys(plans).length > 0) body.plans = toApiV4Plans(plans, identity, previous.plans);
  if (pages) body.pages = toApiV4Pages(pages, identity);

  return dropEmpty(body, API_OMIT_EMPTY) as ApiV4Spec;
}
