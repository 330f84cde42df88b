import { nameUuid } from '../../ids/hrid-to-uuid.ts';
import { isJsonObject, type JsonObject, objectItems, stringMember } from '../../json.ts';
import { apisKind } from '../automation/apis.ts';
import { contextPathErrors } from '../automation/context-paths.ts';
import type { HandlerContext, HandlerResult, OperationBinding } from '../operation-handler.ts';
import { MANAGEMENT_V1_OPERATIONS } from './management-v1-document.ts';
import { API_V2_KIND, v2ApiByCrossId } from './v2-api-store.ts';

/** APIM's `ApiValidationResult`: the messages of its import-crd validation. */
interface ValidationResult {
  readonly severe: string[];
  readonly warning: string[];
}

/**
 * `PUT {management}/organizations/{org}/environments/{env}/apis/import-crd?dryRun=`, as APIM 4.x's
 * `ApisResource.importApiDefinitionCrd` and `ApiCRDServiceImpl` handle a definition of origin kubernetes:
 *
 * - validation first: the context paths of `proxy.virtual_hosts` must be free in the environment (v2 and
 *   v4 APIs alike, excluding the API with the body's id); severe errors answer 400 with the
 *   `ApiValidationResult`, except on a dry run, which reports them in `errors` and stores nothing;
 * - an API is matched by crossId: a new one keeps the ids sent (kubernetes is the source of truth), an
 *   existing one keeps its id, and each plan or page keeps the id it had for its crossId; a plan or page
 *   new to an existing API keeps the id sent (APIM would draw a random one; the simulator stays stable);
 * - the answer (`ApiCRDStatusEntity`) carries the ids, the state sent, the validation result and the
 *   API's plans by crossId; a dry run answers the body's ids and no plans.
 */
function importCrd(context: HandlerContext): HandlerResult {
  // The request was validated against the derived schema, which requires id, crossId and name.
  const body = structuredClone(context.body) as JsonObject;
  const organizationId = context.organizationId;
  const environmentId = context.environment.id;
  const crossId = String(body.crossId);
  const errors: ValidationResult = {
    severe: contextPathErrors(body, otherApiSpecs(context, String(body.id))),
    warning: [],
  };
  if (context.query.get('dryRun') === 'true') {
    return { status: 200, body: crdStatus(context, String(body.id), crossId, body.state, errors, {}) };
  }
  if (errors.severe.length > 0) {
    return { status: 400, body: errors };
  }
  const existing = v2ApiByCrossId(context.store, organizationId, environmentId, crossId);
  const id = existing?.id ?? String(body.id);
  const spec = withStoredIds(body, id, existing?.spec);
  context.store.put({ kind: API_V2_KIND, hrid: crossId, id, crossId, organizationId, environmentId, spec });
  return {
    status: 200,
    body: crdStatus(context, id, crossId, body.state, errors, plansByCrossId(spec)),
    changedState: true,
  };
}

/** Import-crd, simulated. */
export const importCrdBinding: OperationBinding = {
  document: 'management-v1',
  operationId: MANAGEMENT_V1_OPERATIONS.importCrd,
  handle: importCrd,
};

/** Specs of the environment's other APIs, v4 (automation) and v2, for the context-path check. */
function otherApiSpecs(context: HandlerContext, id: string): JsonObject[] {
  const environmentId = context.environment.id;
  return [
    ...context.store.list(apisKind.kind, environmentId),
    ...context.store.list(API_V2_KIND, environmentId),
  ]
    .filter((api) => api.id !== id)
    .map((api) => api.spec);
}

/** `ApiCRDStatusEntity`; Jackson leaves out a null state. */
function crdStatus(
  context: HandlerContext,
  id: string,
  crossId: string,
  state: unknown,
  errors: ValidationResult,
  plans: Record<string, string>,
): JsonObject {
  return {
    organizationId: context.organizationId,
    environmentId: context.environment.id,
    id,
    crossId,
    ...(typeof state === 'string' ? { state } : {}),
    errors,
    plans,
  };
}

/** The definition as stored: the API id, and plan and page ids matched by crossId against `previous`. */
function withStoredIds(body: JsonObject, id: string, previous: JsonObject | undefined): JsonObject {
  const spec: JsonObject = { ...body, id };
  if (Array.isArray(body.plans)) {
    const known = idsByCrossId(objectItems(previous ?? {}, 'plans'));
    spec.plans = objectItems(body, 'plans').map((plan) => ({
      ...plan,
      id: matchedId(plan, known) ?? stringMember(plan, 'id') ?? nameUuid(`${id}${String(plan.name)}`),
      api: id,
    }));
  }
  if (isJsonObject(body.pages)) {
    const previousPages = isJsonObject(previous?.pages)
      ? Object.values(previous.pages).filter(isJsonObject)
      : [];
    const known = idsByCrossId(previousPages);
    const pages = Object.entries(body.pages).filter((entry): entry is [string, JsonObject] =>
      isJsonObject(entry[1]),
    );
    const renamed = new Map<string, string>();
    const withIds = pages.map(([key, page]): [string, JsonObject] => {
      const sent = stringMember(page, 'id');
      const kept = matchedId(page, known) ?? sent ?? nameUuid(`${id}${key}`);
      if (sent !== undefined) renamed.set(sent, kept);
      return [key, { ...page, id: kept, api: id }];
    });
    // APIM re-points children at the id their parent ended up with.
    spec.pages = Object.fromEntries(
      withIds.map(([key, page]) => {
        const parentId = stringMember(page, 'parentId');
        const moved = parentId === undefined ? undefined : renamed.get(parentId);
        return [key, moved === undefined ? page : { ...page, parentId: moved }];
      }),
    );
  }
  return spec;
}

function idsByCrossId(items: readonly JsonObject[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const item of items) {
    const crossId = stringMember(item, 'crossId');
    const id = stringMember(item, 'id');
    if (crossId !== undefined && id !== undefined) ids.set(crossId, id);
  }
  return ids;
}

function matchedId(item: JsonObject, known: Map<string, string>): string | undefined {
  const crossId = stringMember(item, 'crossId');
  return crossId === undefined ? undefined : known.get(crossId);
}

/** The API's plans by crossId, as import-crd answers them. */
export function plansByCrossId(spec: JsonObject): Record<string, string> {
  return Object.fromEntries(idsByCrossId(objectItems(spec, 'plans')));
}
