import type { ResourceStore, StoredResource } from '../../store/resource-store.ts';
import type { HandlerResult } from '../operation-handler.ts';

/**
 * Store namespace of v2 APIs. They are keyed by crossId (the store's `hrid` slot), the key APIM's
 * import-crd matches an existing API by; reads and deletes find them by id.
 */
export const API_V2_KIND = 'api-v2';

/** The v2 API with this crossId in the environment, if any. */
export function v2ApiByCrossId(
  store: ResourceStore,
  organizationId: string,
  environmentId: string,
  crossId: string,
): StoredResource | undefined {
  return store.get(API_V2_KIND, organizationId, environmentId, crossId);
}

/** The v2 API with this id in the environment, if any. */
export function v2ApiById(
  store: ResourceStore,
  organizationId: string,
  environmentId: string,
  id: string,
): StoredResource | undefined {
  return store
    .list(API_V2_KIND, environmentId)
    .find((api) => api.organizationId === organizationId && api.id === id);
}

/** An answer in Management API v1's `ErrorEntity` shape (`http_status`, not the v2 `httpStatus`). */
export function v1Error(
  status: number,
  message: string,
  technicalCode: string,
  parameters: Record<string, string>,
): HandlerResult {
  return { status, body: { message, http_status: status, technicalCode, parameters } };
}

/** APIM's `ApiNotFoundException`. */
export function apiNotFound(id: string): HandlerResult {
  return v1Error(404, `Api [${id}] cannot be found.`, 'api.notFound', { api: id });
}
