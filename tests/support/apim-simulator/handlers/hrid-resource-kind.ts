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
 * When a state answer carries `errors`: always (an empty `severe` list included), only when validation
 * found something, or never. APIM's mappers differ per kind.
 */
export type ErrorsPresence = 'always' | 'when-any' | 'never';

/** Which answer a state document is built for: an import, a dry run, or a read. */
export type StateView = 'put' | 'dry-run' | 'get';

/** What a kind does to its own resources when a resource of another kind is deleted (APIM's cascades). */
export interface DeletionCascade {
  /** The kind whose deletion triggers the reaction. */
  readonly deletedKind: string;
  readonly apply: (context: HandlerContext, deleted: StoredResource) => void;
}

/**
 * One automation resource kind managed by hrid (`PUT …/<kind>`, `GET`/`DELETE …/<kind>/{hrid}`).
 * Adding a kind means writing one definition like `apis.ts` and listing it in the registry.
 */
export interface HridResourceKind {
  /** Store namespace. */
  readonly kind: string;
  readonly operations: { readonly createOrUpdate: string; readonly get: string; readonly delete: string };
  /** Path parameter naming the parent of a nested collection (`apiHrid`, `portalHrid`); hrids are unique per parent. */
  readonly parentParam?: string;
  /**
   * Query parameter that makes the hrid (in the path or the body) an existing id instead (GKO's legacy
   * `hridContainsUUID` mode); only for kinds whose operations declare it.
   */
  readonly uuidModeParam?: string;
  /** Hard rejections APIM makes before anything else (throw `ApimHttpError`), for dry runs too. */
  readonly precheck?: (spec: JsonObject, context: HandlerContext) => void;
  /** APIM's mapping of the request body before validation (e.g. blank entries dropped); answers echo the result. */
  readonly sanitize?: (spec: JsonObject) => JsonObject;
  /** Ids for a spec; `existing` is the stored resource when this is an update. */
  readonly identify: (
    context: HandlerContext,
    spec: JsonObject,
    existing: StoredResource | undefined,
  ) => ResourceIdentity;
  /** APIM's semantic validation; severe errors reject an import and are reported by dry runs. */
  readonly validate?: (
    context: HandlerContext,
    candidate: StoredResource,
    existing: StoredResource | undefined,
  ) => StatusErrors;
  /**
   * APIM's persistence step of a real import, once validation passed: it may still reject the import
   * (throw `ApimHttpError`) and returns what is stored (server-side state, fields an update keeps), or
   * `undefined` when APIM accepts the import but persists nothing.
   */
  readonly persist?: (
    context: HandlerContext,
    candidate: StoredResource,
    existing: StoredResource | undefined,
  ) => StoredResource | undefined;
  /**
   * The state document for a resource: imports and dry runs echo the spec as sent (`resource.spec`),
   * reads export what is stored.
   */
  readonly present: (resource: StoredResource, view: StateView) => JsonObject;
  /** Message of the 400 APIM answers when severe errors block an import. */
  readonly importFailure?: (severe: readonly string[]) => string;
  /** True when APIM answers a blocked import with the state document (its `errors` filled) instead of an error payload. */
  readonly rejectsWithState?: boolean;
  /** `errors` of an import answer; `always` by default. */
  readonly importErrors?: ErrorsPresence;
  /** `errors` of a dry-run answer; `when-any` by default. */
  readonly dryRunErrors?: ErrorsPresence;
  /** Whether APIM sorts the messages of each severity; true by default. */
  readonly sortsErrors?: boolean;
  /** What APIM keeps on delete (an application is archived, a subscription closed); by default nothing. */
  readonly retire?: (resource: StoredResource) => StoredResource;
  /** Reactions of this kind to deletions of other kinds. */
  readonly cascades?: readonly DeletionCascade[];
}

/**
 * Builds the create-or-update, get and delete bindings of a kind. `related` are every kind served next to
 * it, whose `cascades` run when a resource of this kind is deleted.
 */
export function hridResourceBindings(
  definition: HridResourceKind,
  related: readonly HridResourceKind[] = [],
): OperationBinding[] {
  const cascades = related
    .flatMap((kind) => kind.cascades ?? [])
    .filter((cascade) => cascade.deletedKind === definition.kind);
  const bind = (
    operationId: string,
    handle: (context: HandlerContext) => HandlerResult,
  ): OperationBinding => ({
    document: 'automation',
    operationId,
    handle,
  });
  return [
    bind(definition.operations.createOrUpdate, (context) => createOrUpdate(definition, context)),
    bind(definition.operations.get, (context) => read(definition, context)),
    bind(definition.operations.delete, (context) => remove(definition, cascades, context)),
  ];
}

function createOrUpdate(definition: HridResourceKind, context: HandlerContext): HandlerResult {
  // The request was validated against the spec, which requires an object with an hrid.
  const sent = structuredClone(context.body) as JsonObject;
  definition.precheck?.(sent, context);
  const spec = definition.sanitize?.(sent) ?? sent;
  const environmentId = context.environment.id;
  const parentHrid = parentOf(definition, context);
  const existing = uuidMode(definition, context)
    ? findById(definition, context, String(spec.hrid))
    : context.store.get(
        definition.kind,
        context.organizationId,
        environmentId,
        String(spec.hrid),
        parentHrid,
      );
  // In legacy UUID mode the body names an id: an update replaces the resource under the hrid it is stored by.
  const hrid = existing?.hrid ?? String(spec.hrid);
  const candidate: StoredResource = {
    kind: definition.kind,
    hrid,
    organizationId: context.organizationId,
    environmentId,
    ...(parentHrid === undefined ? {} : { parentHrid }),
    spec,
    ...(existing?.internal ? { internal: existing.internal } : {}),
    ...definition.identify(context, spec, existing),
  };
  const errors = definition.validate?.(context, candidate, existing) ?? { severe: [], warning: [] };
  const dryRun = context.query.get('dryRun') === 'true';
  if (dryRun) {
    return {
      status: 200,
      body: withErrors(definition, definition.present(candidate, 'dry-run'), errors, definition.dryRunErrors),
    };
  }
  if (errors.severe.length > 0) {
    if (definition.rejectsWithState) {
      return { status: 400, body: withErrors(definition, definition.present(candidate, 'put'), errors) };
    }
    throw invalidRequest(definition.importFailure?.(errors.severe) ?? errors.severe.join(','));
  }
  const stored = definition.persist ? definition.persist(context, candidate, existing) : candidate;
  if (stored) {
    context.store.put(stored);
  }
  // The answer echoes the spec as sent, with the ids and server-side state of what was stored.
  const warnings = { severe: [], warning: errors.warning };
  return {
    status: 200,
    body: withErrors(
      definition,
      definition.present({ ...(stored ?? candidate), spec }, 'put'),
      warnings,
      definition.importErrors ?? 'always',
    ),
    changedState: stored !== undefined,
  };
}

function read(definition: HridResourceKind, context: HandlerContext): HandlerResult {
  const resource = stored(definition, context);
  return { status: 200, body: definition.present(resource, 'get') };
}

function remove(
  definition: HridResourceKind,
  cascades: readonly DeletionCascade[],
  context: HandlerContext,
): HandlerResult {
  const resource = stored(definition, context);
  // Only operations declaring `dryRun` get here with it (shared policy groups): the hrid is checked, nothing changes.
  if (context.query.get('dryRun') === 'true') {
    return { status: 204 };
  }
  const retired = definition.retire?.(resource);
  if (retired) {
    context.store.put(retired);
  } else {
    context.store.delete(
      definition.kind,
      resource.organizationId,
      resource.environmentId,
      resource.hrid,
      resource.parentHrid,
    );
  }
  for (const cascade of cascades) {
    cascade.apply(context, resource);
  }
  return { status: 204, changedState: true };
}

function stored(definition: HridResourceKind, context: HandlerContext): StoredResource {
  const hrid = context.pathParams.hrid ?? '';
  const resource = uuidMode(definition, context)
    ? findById(definition, context, hrid)
    : context.store.get(
        definition.kind,
        context.organizationId,
        context.environment.id,
        hrid,
        parentOf(definition, context),
      );
  if (!resource) {
    throw hridNotFound(hrid);
  }
  return resource;
}

function parentOf(definition: HridResourceKind, context: HandlerContext): string | undefined {
  return definition.parentParam === undefined ? undefined : context.pathParams[definition.parentParam];
}

function uuidMode(definition: HridResourceKind, context: HandlerContext): boolean {
  return definition.uuidModeParam !== undefined && context.query.get(definition.uuidModeParam) === 'true';
}

function findById(
  definition: HridResourceKind,
  context: HandlerContext,
  id: string,
): StoredResource | undefined {
  return context.store.list(definition.kind, context.environment.id).find((resource) => resource.id === id);
}

function withErrors(
  definition: HridResourceKind,
  state: JsonObject,
  errors: StatusErrors,
  presence: ErrorsPresence = 'when-any',
): JsonObject {
  const found = errors.severe.length + errors.warning.length > 0;
  if (presence === 'never' || (presence === 'when-any' && !found)) {
    return state;
  }
  const order = (messages: string[]) =>
    definition.sortsErrors === false ? [...messages] : [...messages].sort();
  const previous = isJsonObject(state.errors) ? state.errors : {};
  return { ...state, errors: { ...previous, severe: order(errors.severe), warning: order(errors.warning) } };
}
