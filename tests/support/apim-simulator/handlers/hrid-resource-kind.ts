import { hridNotFound, invalidRequest } from '../http-errors.ts';
import { isJsonObject, type JsonObject } from '../json.ts';
import type { StoredResource } from '../store/resource-store.ts';
import type { HandlerContext, HandlerResult, OperationBinding } from './operation-handler.ts';

/** Validation messages in APIM's `Errors` shape. */
export interface StatusErrors {
  readonly severe: string[];
  readonly warning: string[];
}

/** Ids APIM assigns to a resource. */
export interface ResourceIdentity {
  readonly id: string;
  readonly crossId?: string;
}

/**
 * One automation resource kind managed by hrid (`PUT …/<kind>`, `GET`/`DELETE …/<kind>/{hrid}`).
 * Adding a kind means writing one definition like `apis.ts` and listing it in the registry.
 */
export interface HridResourceKind {
  /** Store namespace. */
  readonly kind: string;
  readonly operations: { readonly createOrUpdate: string; readonly get: string; readonly delete: string };
  /** Hard rejections APIM makes before anything else (throw `ApimHttpError`), for dry runs too. */
  readonly precheck?: (spec: JsonObject) => void;
  /** Ids for a spec; `existing` is the stored resource when this is an update. */
  readonly identify: (
    context: HandlerContext,
    spec: JsonObject,
    existing: StoredResource | undefined,
  ) => ResourceIdentity;
  /** APIM's semantic validation; severe errors reject an import and are reported by dry runs. */
  readonly validate?: (context: HandlerContext, candidate: StoredResource) => StatusErrors;
  /** The state document for a stored resource: `put` echoes the spec as sent, `get` reads back what is stored. */
  readonly present: (resource: StoredResource, view: 'put' | 'get') => JsonObject;
  /** Message of the 400 APIM answers when severe errors block an import. */
  readonly importFailure?: (severe: readonly string[]) => string;
}

/** Builds the create-or-update, get and delete bindings of a kind. */
export function hridResourceBindings(definition: HridResourceKind): OperationBinding[] {
  const bind = (operationId: string, handle: typeof read): OperationBinding => ({
    document: 'automation',
    operationId,
    handle: (context) => handle(definition, context),
  });
  return [
    bind(definition.operations.createOrUpdate, createOrUpdate),
    bind(definition.operations.get, read),
    bind(definition.operations.delete, remove),
  ];
}

function createOrUpdate(definition: HridResourceKind, context: HandlerContext): HandlerResult {
  // The request was validated against the spec, which requires an object with an hrid.
  const spec = structuredClone(context.body) as JsonObject;
  definition.precheck?.(spec);
  const hrid = String(spec.hrid);
  const environmentId = context.environment.id;
  const existing = context.store.get(definition.kind, context.organizationId, environmentId, hrid);
  const candidate: StoredResource = {
    kind: definition.kind,
    hrid,
    organizationId: context.organizationId,
    environmentId,
    spec,
    ...definition.identify(context, spec, existing),
  };
  const errors = definition.validate?.(context, candidate) ?? { severe: [], warning: [] };
  const dryRun = context.query.get('dryRun') === 'true';
  if (dryRun) {
    // APIM only attaches `errors` to a dry-run state when validation produced some.
    const found = errors.severe.length + errors.warning.length > 0;
    return {
      status: 200,
      body: withErrors(definition.present(candidate, 'put'), found ? errors : undefined),
    };
  }
  if (errors.severe.length > 0) {
    throw invalidRequest(definition.importFailure?.(errors.severe) ?? errors.severe.join(','));
  }
  context.store.put(candidate);
  // A real import always reports its warnings, as an `errors` object with an empty `severe` list.
  return {
    status: 200,
    body: withErrors(definition.present(candidate, 'put'), { severe: [], warning: errors.warning }),
    changedState: true,
  };
}

function read(definition: HridResourceKind, context: HandlerContext): HandlerResult {
  const resource = stored(definition, context);
  return { status: 200, body: definition.present(resource, 'get') };
}

function remove(definition: HridResourceKind, context: HandlerContext): HandlerResult {
  const resource = stored(definition, context);
  context.store.delete(definition.kind, resource.organizationId, resource.environmentId, resource.hrid);
  return { status: 204, changedState: true };
}

function stored(definition: HridResourceKind, context: HandlerContext): StoredResource {
  const hrid = context.pathParams.hrid ?? '';
  const resource = context.store.get(definition.kind, context.organizationId, context.environment.id, hrid);
  if (!resource) {
    throw hridNotFound(hrid);
  }
  return resource;
}

function withErrors(state: JsonObject, errors: StatusErrors | undefined): JsonObject {
  if (!errors) {
    return state;
  }
  const previous = isJsonObject(state.errors) ? state.errors : {};
  // APIM sorts the messages of each severity.
  return {
    ...state,
    errors: { ...previous, severe: [...errors.severe].sort(), warning: [...errors.warning].sort() },
  };
}
