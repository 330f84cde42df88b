import { type DefinitionContextV2, definitionContextV2 } from './api-v2-definition-context.ts';
import { apiV2CrossId, apiV2Id, namespacedName } from './api-v2-identity.ts';
import { type ApiV2PageBody, toApiV2Pages } from './api-v2-pages.ts';
import { type ApiV2PlanBody, toApiV2Plans } from './api-v2-plans.ts';
import { type ApiV2ResolvedReferences, applyV2ResolvedReferences } from './api-v2-references.ts';
import type { ApiV2DefinitionResource, ApiV2PreviousStatus } from './api-v2-resource.ts';
import { dropEmpty, type JsonObject } from './json-object.ts';

export { apiV2CrossId, apiV2Id } from './api-v2-identity.ts';

/**
 * Body of `PUT {management}/organizations/{org}/environments/{env}/apis/import-crd` (APIM's `ApiCRDEntity`):
 * the v2 API definition of the CR with the ids GKO computes. Fields not named here are the CR's.
 */
export interface ApiV2ImportBody {
  id: string;
  crossId: string;
  definition_context: DefinitionContextV2;
  plans?: ApiV2PlanBody[];
  pages?: Record<string, ApiV2PageBody>;
  [key: string]: unknown;
}

/**
 * Top-level fields GKO's Go structs mark `omitempty` that can hold `""` or `[]`
 * (`api/model/api/base/api.go`, `api/model/api/v2/api.go`).
 */
const API_OMIT_EMPTY = [
  'state',
  'visibility',
  'lifecycle_state',
  'gravitee',
  'flow_mode',
  'execution_mode',
  'notificationsRefs',
];

/**
 * Maps an `ApiDefinition` to the import-crd body GKO sends (GKO: `createOrUpdateV2` in
 * `controllers/apim/apidefinition/internal/update.go`, `PopulateIDs` in
 * `api/v1alpha1/apiv2definition_types.go`, `APIs.ImportV2` in `internal/apim/service/apis.go`). Pure: the
 * resource is not modified.
 *
 * What changes against the CR spec:
 * - `contextRef` and `local` are dropped: GKO sends the embedded API definition, not the CR spec;
 * - `definition_context` is ensured and its `syncFrom` decided ({@link definitionContextV2});
 * - resolved references are substituted ({@link applyV2ResolvedReferences}), unresolved ones kept as is;
 * - `id` is `status.id`, else `spec.id`, else `metadata.uid` ({@link apiV2Id});
 * - `crossId` is `status.crossId`, else `spec.crossId`, else `uuid("<namespace>/<name>")` ({@link apiV2CrossId});
 * - every plan gets its crossId and id ({@link toApiV2Plans}), every page its ids and API ({@link toApiV2Pages});
 * - empty `omitempty` fields are left out; absent fields stay absent (Go would send some as `null`).
 *
 * @param previous the resource's current status: ids APIM answered with win over derived ones.
 *
 * @example
 * toApiV2ImportBody({
 *   metadata: { name: 'echo', namespace: 'default', uid: '9f0c…' },
 *   spec: { contextRef: { name: 'dev-ctx' }, name: 'echo', version: '1', description: '', plans: [{ name: 'free' }] },
 * });
 * // { name: 'echo', version: '1', description: '', id: '9f0c…', crossId: uuid('default/echo'),
 * //   definition_context: { origin: 'kubernetes', mode: 'fully_managed', syncFrom: 'MANAGEMENT' },
 * //   plans: [{ name: 'free', crossId: uuid('9f0c…/free'), id: uuid(crossId + '/free') }] }
 */
export function toApiV2ImportBody(
  resource: ApiV2DefinitionResource,
  resolved: ApiV2ResolvedReferences = {},
  previous: ApiV2PreviousStatus = {},
): ApiV2ImportBody {
  const spec = structuredClone(resource.spec);
  applyV2ResolvedReferences(spec, resource.metadata.namespace, resolved);
  const id = apiV2Id(resource, previous);
  const { contextRef: _contextRef, local, plans, pages, definition_context, ...rest } = spec;

  const body: JsonObject = {
    ...rest,
    id,
    crossId: apiV2CrossId(resource, previous),
    definition_context: definitionContextV2(definition_context, local === true),
  };
  if (plans) body.plans = toApiV2Plans(plans, id, previous.plans);
  if (pages) body.pages = toApiV2Pages(pages, id, namespacedName(resource));

  return dropEmpty(body, API_OMIT_EMPTY) as ApiV2ImportBody;
}
