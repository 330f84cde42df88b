import { toApiV2ImportBody } from '../apim/payload/api-v2-import-body.ts';
import type { ApiV2ResolvedReferences } from '../apim/payload/api-v2-references.ts';
import type { ApiV2DefinitionResource, ApiV2PreviousStatus } from '../apim/payload/api-v2-resource.ts';
import { isJsonObject, type JsonObject } from '../apim/payload/json-object.ts';

/** Inputs of {@link toGatewayDefinitionV2} beyond the resource. */
export interface GatewayDefinitionV2Options {
  /** True when the API names a ManagementContext (`spec.contextRef`). */
  withContext: boolean;
  /** The resource's `status` ids (`id`, `crossId`, `plans`: plan cross id → plan id). */
  status?: ApiV2PreviousStatus;
  /** Resolved ApiResources and Groups; unresolved references stay as written. */
  resolved?: ApiV2ResolvedReferences;
}

/**
 * The v2 API definition GKO writes into the gateway ConfigMap (`definition` key) of an `ApiDefinition`
 * with `local: true` (GKO: `saveConfigMap` marshals the whole CR spec after `createOrUpdateV2` prepared
 * it): the import-crd body of the project's v2 mapping ({@link toApiV2ImportBody}: ids, definition
 * context, plans and pages as GKO computes them, references substituted), plus what the spec has and the
 * body leaves out: `contextRef` and `local`. With a context, every plan points at the API id APIM answered
 * with (`api`, GKO's `retrieveMgmtPlanIds`).
 *
 * @example
 * toGatewayDefinitionV2(
 *   { metadata: { name: 'echo', namespace: 'default', uid: 'u-1' }, spec: { name: 'echo', local: true } },
 *   { withContext: false },
 * );
 * // { name: 'echo', id: 'u-1', crossId: uuid('default/echo'), local: true,
 * //   definition_context: { origin: 'kubernetes', mode: 'fully_managed', syncFrom: 'KUBERNETES' } }
 */
export function toGatewayDefinitionV2(
  resource: ApiV2DefinitionResource,
  options: GatewayDefinitionV2Options,
): JsonObject {
  const status = options.status ?? {};
  const body: JsonObject = toApiV2ImportBody(resource, options.resolved ?? {}, status);
  const { contextRef } = resource.spec;
  const definition: JsonObject = {
    ...body,
    ...(contextRef ? { contextRef } : {}),
    local: resource.spec.local === true,
  };
  const apiId = status.id;
  if (options.withContext && apiId && Array.isArray(definition.plans)) {
    definition.plans = definition.plans.map((plan) => (isJsonObject(plan) ? { ...plan, api: apiId } : plan));
  }
  return definition;
}
