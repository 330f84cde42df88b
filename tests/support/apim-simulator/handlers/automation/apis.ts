import { invalidRequest } from '../../http-errors.ts';
import { apiScopedId, topLevelCrossId, topLevelId } from '../../ids/hrid-to-uuid.ts';
import { type JsonObject, objectItems, stringMember } from '../../json.ts';
import type { StoredResource } from '../../store/resource-store.ts';
import { type HridResourceKind, hridResourceBindings } from '../hrid-resource-kind.ts';
import { API_V2_KIND } from '../management-v1/v2-api-store.ts';
import type { OperationBinding } from '../operation-handler.ts';
import { contextPathErrors } from './context-paths.ts';

/**
 * V4 APIs through the automation API, as APIM 4.11/4.12 handle them:
 * - ids are deterministic: crossId from organization + hrid, id from crossId + environment, and each plan
 *   id from the API crossId + environment + plan hrid, so a re-created API gets its old ids back;
 * - a crossId sent in the body is kept (promotion between environments);
 * - the PUT answer echoes the spec as sent plus status fields, so its plans carry no ids; a GET exports
 *   the stored API, whose plans carry their `id` next to their `hrid`;
 * - duplicate plan or page hrids are a 400 even for dry runs;
 * - overlapping context paths are severe errors: a 400 on import, reported in `errors` on dry runs.
 */
export const apisKind: HridResourceKind = {
  kind: 'api',
  operations: { createOrUpdate: 'createOrUpdateApis', get: 'getApi', delete: 'deleteApi' },
  precheck: (spec) => {
    rejectDuplicateHrids(spec, 'plans');
    rejectDuplicateHrids(spec, 'pages');
  },
  identify: (context, spec, existing) => {
    if (existing) {
      return { id: existing.id, ...(existing.crossId ? { crossId: existing.crossId } : {}) };
    }
    const hrid = String(spec.hrid);
    return {
      id: topLevelId(context.organizationId, context.environment.id, hrid),
      crossId: stringMember(spec, 'crossId') ?? topLevelCrossId(context.organizationId, hrid),
    };
  },
  validate: (context, candidate) => {
    // v2 APIs imported through the Management API v1 claim context paths too.
    const others = [
      ...context.store.list('api', candidate.environmentId),
      ...context.store.list(API_V2_KIND, candidate.environmentId),
    ]
      .filter((api) => api.id !== candidate.id)
      .map((api) => api.spec);
    return { severe: contextPathErrors(candidate.spec, others), warning: [] };
  },
  present: (resource, view) => ({
    ...(view === 'get' ? withPlanIds(resource) : resource.spec),
    id: resource.id,
    ...(resource.crossId ? { crossId: resource.crossId } : {}),
    organizationId: resource.organizationId,
    environmentId: resource.environmentId,
  }),
  importFailure: (severe) => `Unable to import because of errors [${severe.join(',')}]`,
};

/** Create-or-update, get and delete bindings for APIs. */
export const apiBindings: OperationBinding[] = hridResourceBindings(apisKind);

function rejectDuplicateHrids(spec: JsonObject, member: 'plans' | 'pages'): void {
  const hrids = objectItems(spec, member).map((item) => item.hrid);
  if (new Set(hrids).size !== hrids.length) {
    throw invalidRequest(`Duplicate hrid found in ${member}`);
  }
}

/** The stored spec as a GET exports it: a plan keeps an id it was sent with, otherwise gets APIM's derived id. */
function withPlanIds(resource: StoredResource): JsonObject {
  if (!Array.isArray(resource.spec.plans)) {
    return resource.spec;
  }
  const plans = objectItems(resource.spec, 'plans').map((plan) => ({
    ...plan,
    id:
      stringMember(plan, 'id') ??
      apiScopedId(resource.organizationId, resource.environmentId, resource.hrid, String(plan.hrid)),
  }));
  return { ...resource.spec, plans };
}
