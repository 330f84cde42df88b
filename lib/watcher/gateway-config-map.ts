/**
 * The ConfigMaps gateways read API definitions from when they sync from Kubernetes ("DB-less" or
 * local mode), as GKO writes them (`controllers/apim/apidefinition/internal/config_map.go`) and as the
 * gateway reads them (APIM `ConfigMapEventFetcher`: labels `managed-by=gravitee.io` and
 * `gio-type=apidefinitions.gravitee.io`, keys `definition`, `environmentId`, `apiDefinitionVersion`).
 *
 * Pure: which API needs a ConfigMap, and what it holds. The writer applies it.
 */
import type { ApiV2DefinitionSpec, ApiV2PreviousStatus } from '../apim/payload/api-v2-resource.ts';
import type { ApiV4ResolvedReferences } from '../apim/payload/api-v4-references.ts';
import type { ApiV4DefinitionSpec, ApiV4PreviousStatus } from '../apim/payload/api-v4-resource.ts';
import { canonicalJson } from '../apim/payload/canonical-json.ts';
import { mergeDefinitionContext } from '../apim/payload/definition-context.ts';
import { isJsonObject, type JsonObject } from '../apim/payload/json-object.ts';
import type { ClusterConfigMap, ClusterObject, OwnerReference } from '../ports/cluster.ts';
import { toGatewayDefinitionV2 } from './gateway-config-map-v2.ts';
import { GATEWAY_DEFINITION_VERSION_V4, toGatewayDefinitionV4 } from './gateway-config-map-v4.ts';

/** Labels GKO puts on an API's gateway ConfigMap, v2 and v4 alike; gateways select on both. */
export const GATEWAY_CONFIG_MAP_LABELS: Readonly<Record<string, string>> = Object.freeze({
  'managed-by': 'gravitee.io',
  'gio-type': 'apidefinitions.gravitee.io',
});

/** Data keys of a gateway ConfigMap. */
export const GATEWAY_CONFIG_MAP_KEYS = {
  definition: 'definition',
  organizationId: 'organizationId',
  environmentId: 'environmentId',
  /** v4 only: without it the gateway reads the definition as v2. */
  apiDefinitionVersion: 'apiDefinitionVersion',
} as const;

/** Organization and environment GKO writes when the API has no ids from APIM. */
export const DEFAULT_ORGANIZATION_ID = 'DEFAULT';
export const DEFAULT_ENVIRONMENT_ID = 'DEFAULT';

/** The kinds that can have a gateway ConfigMap. */
export type GatewayConfigMapKind = 'ApiV4Definition' | 'ApiDefinition';

/** True for the kinds that can have a gateway ConfigMap. */
export function hasGatewayConfigMap(kind: string): kind is GatewayConfigMapKind {
  return kind === 'ApiV4Definition' || kind === 'ApiDefinition';
}

/** Why an API's ConfigMap must go. */
export type GatewayConfigMapRemoval =
  /** `spec.state: STOPPED` (GKO deletes the ConfigMap). */
  | 'stopped'
  /** v4 `syncFrom` is not `KUBERNETES` / v2 `local` is false: gateways read the API from APIM. */
  | 'not-local';

/** Why an API's ConfigMap is left as it is. */
export type GatewayConfigMapHold =
  /** With a context, GKO touches the ConfigMap only after APIM accepted the spec: not yet. */
  | 'awaiting-apim'
  /** A v2 API with neither context nor `local: true` is an illegal state for GKO: nothing changes. */
  | 'invalid-spec'
  /** A referenced ApiResource or SharedPolicyGroup is missing, or a template cannot be resolved. */
  | 'unresolved-references';

/** What the cluster should hold for an API. */
export type GatewayConfigMapIntent =
  | { action: 'apply'; configMap: ClusterConfigMap }
  | { action: 'delete'; reason: GatewayConfigMapRemoval }
  | { action: 'hold'; reason: GatewayConfigMapHold };

/** What the writer read from the cluster for the API (all optional). */
export interface GatewayConfigMapInputs {
  /** Resolved references (ApiResources, SharedPolicyGroups, Groups), keyed `<namespace>/<name>`. */
  resolved?: ApiV4ResolvedReferences;
  /** `organizationId` / `environmentId` of the referenced ManagementContext, if it could be read. */
  context?: { organizationId?: string; environmentId?: string };
}

/**
 * Decides what an API's gateway ConfigMap should be (GKO: `createOrUpdateV4`, `createOrUpdateV2`,
 * `updateConfigMap` in `controllers/apim/apidefinition/internal/`).
 *
 * - v4 `ApiV4Definition`: a ConfigMap when the merged `definitionContext.syncFrom` is `KUBERNETES`.
 * - v2 `ApiDefinition`: a ConfigMap when `local: true`; without context, `local: false` is illegal.
 * - `state: STOPPED` removes it.
 * - With a context, nothing changes until APIM accepted the current generation (`Accepted=True` with
 *   `observedGeneration` = `metadata.generation`), since GKO writes only after a successful import.
 *
 * Done better than GKO: switching to `syncFrom: MANAGEMENT` / `local: false` removes the ConfigMap
 * (GKO leaves it behind, so gateways kept serving the stale definition).
 *
 * @throws Error when `kind` has no gateway ConfigMap (check {@link hasGatewayConfigMap} first)
 */
export function gatewayConfigMapIntent(
  kind: string,
  object: ClusterObject,
  inputs: GatewayConfigMapInputs = {},
): GatewayConfigMapIntent {
  if (!hasGatewayConfigMap(kind)) throw new Error(`${kind} has no gateway ConfigMap`);
  const spec = object.spec ?? {};
  const withContext = hasContextRef(spec);
  const local =
    kind === 'ApiV4Definition'
      ? mergeDefinitionContext(spec.definitionContext as ApiV4DefinitionSpec['definitionContext'])
          .syncFrom === 'KUBERNETES'
      : spec.local === true;
  if (kind === 'ApiDefinition' && !withContext && !local) return { action: 'hold', reason: 'invalid-spec' };
  if (withContext && !acceptedCurrentGeneration(object)) return { action: 'hold', reason: 'awaiting-apim' };
  if (!local) return { action: 'delete', reason: 'not-local' };
  if (spec.state === 'STOPPED') return { action: 'delete', reason: 'stopped' };
  return { action: 'apply', configMap: gatewayConfigMapOf(kind, object, inputs) };
}

/**
 * The gateway ConfigMap of an API (GKO: `saveConfigMap`): named like the API in its namespace, owned by
 * it (so Kubernetes deletes it with the API), labelled for gateways, holding org/env ids and the
 * definition JSON (keys sorted, so an unchanged API gives byte-identical data).
 */
export function gatewayConfigMapOf(
  kind: GatewayConfigMapKind,
  object: ClusterObject,
  inputs: GatewayConfigMapInputs = {},
): ClusterConfigMap {
  const { name, namespace, uid } = object.metadata;
  const spec = object.spec ?? {};
  const status = object.status ?? {};
  const withContext = hasContextRef(spec);
  const data: Record<string, string> = { ...organizationAndEnvironment(status, withContext, inputs.context) };
  let definition: JsonObject;
  if (kind === 'ApiV4Definition') {
    data[GATEWAY_CONFIG_MAP_KEYS.apiDefinitionVersion] = GATEWAY_DEFINITION_VERSION_V4;
    definition = toGatewayDefinitionV4(
      { metadata: { name, namespace, uid }, spec: spec as ApiV4DefinitionSpec },
      {
        withContext,
        status: apiV4StatusOf(status),
        ...(inputs.resolved ? { resolved: inputs.resolved } : {}),
      },
    );
  } else {
    definition = toGatewayDefinitionV2(
      { metadata: { name, namespace, uid }, spec: spec as ApiV2DefinitionSpec },
      {
        withContext,
        status: apiV2StatusOf(status),
        ...(inputs.resolved
          ? { resolved: { resources: inputs.resolved.resources, groups: inputs.resolved.groups } }
          : {}),
      },
    );
  }
  data[GATEWAY_CONFIG_MAP_KEYS.definition] = canonicalJson(definition);
  return {
    metadata: {
      name,
      namespace,
      labels: { ...GATEWAY_CONFIG_MAP_LABELS },
      ownerReferences: [ownerReferenceOf(kind, object)],
    },
    data,
  };
}

/**
 * The owner reference GKO sets: kind, name, apiVersion and uid of the API; neither `controller` nor
 * `blockOwnerDeletion`, so deleting the API never waits for the ConfigMap.
 */
export function ownerReferenceOf(kind: GatewayConfigMapKind, object: ClusterObject): OwnerReference {
  return {
    apiVersion: object.apiVersion ?? 'gravitee.io/v1alpha1',
    kind,
    name: object.metadata.name,
    uid: object.metadata.uid,
  };
}

/**
 * True when a ConfigMap is a gateway ConfigMap this API may overwrite or delete: it carries the
 * gateway labels and is owned by no other gravitee.io kind (a v2 and a v4 API of the same name would
 * otherwise fight over it). Another uid of the same kind and name is a predecessor: taken over.
 */
export function isGatewayConfigMapOf(
  configMap: ClusterConfigMap,
  kind: GatewayConfigMapKind,
  name: string,
): boolean {
  const labels = configMap.metadata.labels ?? {};
  const labelled = Object.entries(GATEWAY_CONFIG_MAP_LABELS).every(([key, value]) => labels[key] === value);
  if (!labelled) return false;
  const owners = (configMap.metadata.ownerReferences ?? []).filter((o) =>
    o.apiVersion.startsWith('gravitee.io/'),
  );
  return owners.every((o) => o.kind === kind && o.name === name);
}

/**
 * GKO writes the status ids APIM answered with when there are some (`organizationId` decides), else
 * `DEFAULT`/`DEFAULT`. Better than GKO: before APIM answered, the ids of the referenced
 * ManagementContext are used rather than `DEFAULT`.
 */
function organizationAndEnvironment(
  status: Record<string, unknown>,
  withContext: boolean,
  context: GatewayConfigMapInputs['context'],
): Record<string, string> {
  const fromStatus = stringField(status, 'organizationId');
  if (fromStatus) {
    return {
      [GATEWAY_CONFIG_MAP_KEYS.organizationId]: fromStatus,
      [GATEWAY_CONFIG_MAP_KEYS.environmentId]: stringField(status, 'environmentId'),
    };
  }
  const fromContext = withContext && context?.organizationId ? context : {};
  return {
    [GATEWAY_CONFIG_MAP_KEYS.organizationId]: fromContext.organizationId || DEFAULT_ORGANIZATION_ID,
    [GATEWAY_CONFIG_MAP_KEYS.environmentId]: fromContext.environmentId || DEFAULT_ENVIRONMENT_ID,
  };
}

/** True once APIM accepted the generation the object is at (the status writer's `Accepted` condition). */
export function acceptedCurrentGeneration(object: ClusterObject): boolean {
  const conditions = object.status?.conditions;
  if (!Array.isArray(conditions)) return false;
  const accepted = conditions.find((c) => isJsonObject(c) && c.type === 'Accepted') as
    | { status?: string; observedGeneration?: number }
    | undefined;
  if (accepted?.status !== 'True') return false;
  const generation = object.metadata.generation;
  return generation === undefined || accepted.observedGeneration === generation;
}

function hasContextRef(spec: Record<string, unknown>): boolean {
  return (
    isJsonObject(spec.contextRef) && typeof spec.contextRef.name === 'string' && spec.contextRef.name !== ''
  );
}

function apiV4StatusOf(status: Record<string, unknown>): ApiV4PreviousStatus {
  const conditions = Array.isArray(status.conditions) ? status.conditions : [];
  return {
    ...(stringField(status, 'id') ? { id: stringField(status, 'id') } : {}),
    ...(stringField(status, 'crossId') ? { crossId: stringField(status, 'crossId') } : {}),
    ...(isJsonObject(status.plans) ? { plans: stringMap(status.plans) } : {}),
    automationApiManaged: conditions.some(
      (c) => isJsonObject(c) && c.type === 'AutomationAPIManaged' && c.status === 'True',
    ),
  };
}

function apiV2StatusOf(status: Record<string, unknown>): ApiV2PreviousStatus {
  return {
    ...(stringField(status, 'id') ? { id: stringField(status, 'id') } : {}),
    ...(stringField(status, 'crossId') ? { crossId: stringField(status, 'crossId') } : {}),
    ...(isJsonObject(status.plans) ? { plans: stringMap(status.plans) } : {}),
  };
}

function stringField(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  return typeof value === 'string' ? value : '';
}

function stringMap(record: JsonObject): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}
