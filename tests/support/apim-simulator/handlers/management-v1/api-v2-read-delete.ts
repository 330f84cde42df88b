import { isJsonObject, type JsonObject, objectItems, stringMember } from '../../json.ts';
import type { StoredResource } from '../../store/resource-store.ts';
import type { HandlerContext, HandlerResult, OperationBinding } from '../operation-handler.ts';
import { MANAGEMENT_V1_OPERATIONS } from './management-v1-document.ts';
import { API_V2_KIND, apiNotFound, v1Error, v2ApiById } from './v2-api-store.ts';

/** Members of APIM v1's `ApiEntity` that a stored v2 definition provides under the same name. */
const API_ENTITY_MEMBERS = [
  'name',
  'version',
  'description',
  'execution_mode',
  'groups',
  'proxy',
  'flow_mode',
  'flows',
  'plans',
  'gravitee',
  'definition_context',
  'visibility',
  'properties',
  'services',
  'tags',
  'resources',
  'categories',
  'labels',
  'path_mappings',
  'response_templates',
  'lifecycle_state',
];

/**
 * A stored v2 API as `GET …/apis/{api}` shows it (a subset of APIM's `ApiEntity`): ids, environment,
 * state (`STOPPED` when none was sent, APIM's default), the definition's members including plans with
 * their ids, the first virtual host's path as `context_path`, and `disable_membership_notifications`.
 */
export function v2ApiView(resource: StoredResource): JsonObject {
  const spec = resource.spec;
  const view: JsonObject = {
    id: resource.id,
    crossId: resource.crossId,
    environmentId: resource.environmentId,
    state: stringMember(spec, 'state') ?? 'STOPPED',
  };
  for (const member of API_ENTITY_MEMBERS) {
    if (spec[member] !== undefined) view[member] = spec[member];
  }
  const [virtualHost] = isJsonObject(spec.proxy) ? objectItems(spec.proxy, 'virtual_hosts') : [];
  const contextPath = virtualHost && stringMember(virtualHost, 'path');
  if (contextPath) view.context_path = contextPath;
  view.disable_membership_notifications = spec.notifyMembers === false;
  return view;
}

function read(context: HandlerContext): HandlerResult {
  const id = context.pathParams.api ?? '';
  const api = v2ApiById(context.store, context.organizationId, context.environment.id, id);
  return api ? { status: 200, body: v2ApiView(api) } : apiNotFound(id);
}

/**
 * `DELETE …/apis/{api}?closePlans=`, as APIM's `ApiServiceImpl.delete`: an unknown API is a 404; without
 * `closePlans=true`, published plans block the delete (400 `api.notDeletable`); otherwise the plans are
 * closed and the API is gone (204). A plan sent without a status counts as published, APIM's default.
 */
function remove(context: HandlerContext): HandlerResult {
  const id = context.pathParams.api ?? '';
  const api = v2ApiById(context.store, context.organizationId, context.environment.id, id);
  if (!api) return apiNotFound(id);
  if (context.query.get('closePlans') !== 'true') {
    const published = objectItems(api.spec, 'plans')
      .filter((plan) => (stringMember(plan, 'status') ?? 'PUBLISHED') === 'PUBLISHED')
      .map((plan) => String(plan.name));
    if (published.length > 0) {
      const plans = published.join(', ');
      return v1Error(
        400,
        `Plan(s) [${plans}] must be closed before being able to delete the API !`,
        'api.notDeletable',
        { plans },
      );
    }
  }
  context.store.delete(API_V2_KIND, api.organizationId, api.environmentId, api.hrid);
  return { status: 204, changedState: true };
}

/** `GET …/apis/{api}`, simulated for v2 APIs. */
export const getV2ApiBinding: OperationBinding = {
  document: 'management-v1',
  operationId: MANAGEMENT_V1_OPERATIONS.get,
  handle: read,
};

/** `DELETE …/apis/{api}`, simulated for v2 APIs. */
export const deleteV2ApiBinding: OperationBinding = {
  document: 'management-v1',
  operationId: MANAGEMENT_V1_OPERATIONS.delete,
  handle: remove,
};
