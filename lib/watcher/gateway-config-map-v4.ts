import { uuidFromStrings } from '../apim/payload/api-v2-uuid.ts';
import { apiV4Identity } from '../apim/payload/api-v4-identity.ts';
import { PLAN_OMIT_EMPTY } from '../apim/payload/api-v4-plans.ts';
import { type ApiV4ResolvedReferences, applyResolvedReferences } from '../apim/payload/api-v4-references.ts';
import type {
  ApiV4DefinitionResource,
  ApiV4PreviousStatus,
  PageInput,
  PlanInput,
} from '../apim/payload/api-v4-resource.ts';
import { API_OMIT_EMPTY } from '../apim/payload/api-v4-spec.ts';
import { mergeDefinitionContext } from '../apim/payload/definition-context.ts';
import { namespacedHrid, nameToValidHrid } from '../apim/payload/hrid.ts';
import { dropEmpty, isJsonObject, type JsonObject, sortedEntries } from '../apim/payload/json-object.ts';

/** `definitionVersion` of a v4 API as gateways read it from a ConfigMap (the CR says `V4`). */
export const GATEWAY_DEFINITION_VERSION_V4 = '4.0.0';

/** Inputs of {@link toGatewayDefinitionV4} beyond the resource. */
export interface GatewayDefinitionV4Options {
  /** True when the API names a ManagementContext (`spec.contextRef`): APIM then owns the ids. */
  withContext: boolean;
  /** The resource's `status` ids (APIM's answer when synced with a context); ignored without context. */
  status?: ApiV4PreviousStatus;
  /** Resolved ApiResources, SharedPolicyGroups and Groups; unresolved references stay as written. */
  resolved?: ApiV4ResolvedReferences;
}

// The omitempty lists are GKO's Go structs, shared with the Automation API body: one source for both.
/** Page fields GKO's struct marks `omitempty` (`api/model/api/base/page.go`). */
const PAGE_OMIT_EMPTY = ['id', 'crossId', 'name', 'visibility', 'hrid'];

/**
 * An enum value as the gateway's v4 definition spells it: lower case, `_` → `-`
 * (GKO: `Enum.ToGatewayDefinition` in `api/model/api/v4/enum.go`). `KEY_LESS` → `key-less`.
 */
export function gatewayEnum(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase().replaceAll('_', '-') : value;
}

/**
 * The v4 API definition GKO writes into the gateway ConfigMap (`definition` key) of an
 * `ApiV4Definition` with `definitionContext.syncFrom: KUBERNETES`. Pure: the resource is not modified.
 *
 * What GKO does (`createOrUpdateV4` in `controllers/apim/apidefinition/internal/update.go`, `PopulateIDs`
 * in `api/v1alpha1/apiv4definition_types.go`, `ToGatewayDefinition` in `api/model/api/v4/*.go`):
 * - references are resolved and `definitionContext` merged, as for the Automation API payload;
 * - ids: an HRID-managed API gets `hrid: <namespace>-<name>` and, without a context, the id
 *   `uuid(hrid)` and plan ids `uuid(apiId + planKey)`; a UUID-managed API (`spec.id` set, not synced
 *   through HRIDs) keeps its id, and gets cross id, plan ids and page ids derived like GKO;
 * - `definitionVersion: 4.0.0`, `apiVersion` = `spec.version`, enums in gateway spelling (`type`,
 *   listener types, entrypoint `qos`, load balancer, flow selectors, flow mode, plan security/mode/status);
 * - `plans` becomes an array (sorted by key) whose entries are **named after their key**;
 * - `contextRef` is left out (it is not part of the API model).
 *
 * Done better than GKO: with a context, GKO leaves `id` (and plan ids) empty for HRID-managed APIs,
 * which the gateway cannot deploy; here they come from the status APIM answered with. An endpoint
 * group without name is named `group-<index>` instead of a random name (random names rewrite the
 * ConfigMap on every pass).
 *
 * @example
 * toGatewayDefinitionV4(
 *   { metadata: { name: 'echo', namespace: 'default' }, spec: { version: '1', type: 'PROXY', state: 'STARTED' } },
 *   { withContext: false },
 * );
 * // { version: '1', type: 'proxy', state: 'STARTED', hrid: 'default-echo', id: '14a58be3-…',
 * //   definitionContext: { origin: 'KUBERNETES', syncFrom: 'MANAGEMENT' }, apiVersion: '1',
 * //   definitionVersion: '4.0.0', plans: [] }
 */
export function toGatewayDefinitionV4(
  resource: ApiV4DefinitionResource,
  options: GatewayDefinitionV4Options,
): JsonObject {
  const { namespace, name } = resource.metadata;
  // Without a context no APIM ever answered: GKO derives every id from the resource alone.
  const status = options.withContext ? (options.status ?? {}) : {};
  const spec = structuredClone(resource.spec);
  applyResolvedReferences(spec, namespace, options.resolved);
  // The mode follows the sync function, which addresses APIs by HRID unless `spec.id` is set: a status id
  // alone (a GKO < 4.12 resource) does not switch to UUID mode, it only supplies the ids below.
  const identity = apiV4Identity(resource, status.automationApiManaged ? { automationApiManaged: true } : {});
  const { plans = {}, pages, contextRef: _contextRef, ...rest } = spec;

  const body: JsonObject = { ...rest, definitionContext: mergeDefinitionContext(spec.definitionContext) };
  let apiId: string;
  if (identity.mode === 'hrid') {
    const hrid = namespacedHrid(namespace, name);
    body.hrid = hrid;
    apiId = options.withContext ? spec.id || status.id || '' : uuidFromStrings(hrid);
  } else {
    delete body.hrid;
    apiId = identity.id ?? '';
    body.crossId = status.crossId || spec.crossId || uuidFromStrings(`${namespace}/${name}`);
  }
  body.id = apiId;

  body.apiVersion = typeof spec.version === 'string' ? spec.version : '';
  body.definitionVersion = GATEWAY_DEFINITION_VERSION_V4;
  if (spec.type !== undefined) body.type = gatewayEnum(spec.type);
  if (Array.isArray(spec.listeners)) body.listeners = spec.listeners.map(toGatewayListener);
  if (Array.isArray(spec.endpointGroups))
    body.endpointGroups = spec.endpointGroups.map(toGatewayEndpointGroup);
  if (Array.isArray(spec.flows)) body.flows = spec.flows.map(toGatewayFlow);
  if (isJsonObject(spec.flowExecution)) {
    body.flowExecution = { ...spec.flowExecution, mode: gatewayEnum(spec.flowExecution.mode) };
    dropEmpty(body.flowExecution as JsonObject, ['mode']);
  }

  const planIds = (key: string) => planIdOf(key, apiId, identity.mode, options.withContext, status.plans);
  body.plans = sortedEntries(plans).map(([key, plan]) =>
    toGatewayPlan(key, plan, identity.mode === 'hrid', planIds(key)),
  );
  if (pages) {
    body.pages =
      identity.mode === 'hrid'
        ? hridPages(pages, body.hrid as string)
        : uuidPages(pages, apiId, `${namespace}/${name}`);
  }
  return dropEmpty(body, API_OMIT_EMPTY);
}

/**
 * Plan id GKO writes (`pickPlanIDs`): the id APIM gave the plan (`status.plans`), else `uuid(apiId + key)`.
 * HRID-managed APIs with a context get no plan id from GKO; here, the one APIM answered with if known.
 */
function planIdOf(
  key: string,
  apiId: string,
  mode: 'hrid' | 'uuid',
  withContext: boolean,
  known: Record<string, string> = {},
): string | undefined {
  const fromStatus = known[key] ?? known[nameToValidHrid(key)];
  if (mode === 'hrid' && withContext) return fromStatus;
  return fromStatus || uuidFromStrings(apiId, key);
}

function toGatewayPlan(key: string, plan: PlanInput, hridMode: boolean, id: string | undefined): JsonObject {
  const out: JsonObject = { ...structuredClone(plan), hrid: nameToValidHrid(key), name: key };
  if (id) out.id = id;
  if (hridMode && plan.generalConditions !== undefined) {
    out.generalConditionsHrid = nameToValidHrid(plan.generalConditions);
    delete out.generalConditions;
  }
  if (isJsonObject(out.security)) out.security = { ...out.security, type: gatewayEnum(out.security.type) };
  out.mode = gatewayEnum(out.mode ?? '');
  out.status = gatewayEnum(out.status ?? '');
  if (Array.isArray(plan.flows)) out.flows = plan.flows.map(toGatewayFlow);
  return dropEmpty(out, PLAN_OMIT_EMPTY);
}

function toGatewayListener(listener: unknown): unknown {
  if (!isJsonObject(listener)) return listener;
  const out: JsonObject = { ...structuredClone(listener), type: gatewayEnum(listener.type) };
  if (Array.isArray(listener.entrypoints)) out.entrypoints = listener.entrypoints.map(toGatewayEntrypoint);
  return out;
}

function toGatewayEntrypoint(entrypoint: unknown): unknown {
  if (!isJsonObject(entrypoint)) return entrypoint;
  const out: JsonObject = { ...entrypoint };
  if (out.qos !== undefined) out.qos = gatewayEnum(out.qos);
  // A dead letter queue without endpoint means none (GKO drops it).
  if (isJsonObject(out.dlq) && out.dlq.endpoint === undefined) delete out.dlq;
  return out;
}

function toGatewayEndpointGroup(group: unknown, index: number): unknown {
  if (!isJsonObject(group)) return group;
  const out: JsonObject = structuredClone(group);
  if (!out.name) out.name = `group-${index}`;
  if (isJsonObject(out.loadBalancer)) {
    out.loadBalancer = { ...out.loadBalancer, type: gatewayEnum(out.loadBalancer.type) };
  }
  return out;
}

function toGatewayFlow(flow: unknown): unknown {
  if (!isJsonObject(flow)) return flow;
  const out: JsonObject = structuredClone(flow);
  if (Array.isArray(out.selectors)) {
    out.selectors = out.selectors.map((selector) =>
      isJsonObject(selector) ? { ...selector, type: gatewayEnum(selector.type ?? '') } : selector,
    );
  }
  return out;
}

/** Pages of an HRID-managed API (`pickPageHRIDs`): keyed by HRID, pointing at the API's HRID. */
function hridPages(pages: Record<string, PageInput>, apiHrid: string): JsonObject {
  const out: JsonObject = {};
  for (const [key, page] of sortedEntries(pages)) {
    const hrid = nameToValidHrid(key);
    const next: JsonObject = { ...structuredClone(page), api: apiHrid, hrid };
    if (page.parent !== undefined) next.parentHrid = nameToValidHrid(page.parent);
    out[hrid] = dropEmpty(next, PAGE_OMIT_EMPTY);
  }
  return out;
}

/** Pages of a UUID-managed API (`pickPageIDs`): keyed by name, ids derived from the API id. */
function uuidPages(pages: Record<string, PageInput>, apiId: string, namespacedName: string): JsonObject {
  const out: JsonObject = {};
  for (const [key, page] of sortedEntries(pages)) {
    const next: JsonObject = {
      ...structuredClone(page),
      api: apiId,
      hrid: nameToValidHrid(key),
      id: page.id || uuidFromStrings(apiId, '/', key),
      crossId: page.crossId || uuidFromStrings(namespacedName, '/', key),
    };
    if (page.parent !== undefined) next.parentId = uuidFromStrings(apiId, '/', page.parent);
    out[key] = dropEmpty(next, PAGE_OMIT_EMPTY);
  }
  return out;
}
