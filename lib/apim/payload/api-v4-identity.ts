import type { ApiV4DefinitionResource, ApiV4PreviousStatus } from './api-v4-resource.ts';
import { namespacedHrid } from './hrid.ts';

/**
 * How an API is addressed in the Automation API.
 *
 * - `hrid` mode: the API, its plans and pages are known by HRIDs (`<namespace>-<name>`, map keys).
 * - `uuid` mode: the resource predates HRIDs (first synced by GKO < 4.12) or imports an exported API
 *   (`spec.id` set); the UUID travels in the `hrid` field and the call carries `hridContainsUUID=true`.
 */
export interface ApiV4Identity {
  mode: 'hrid' | 'uuid';
  /** Value of the body's `hrid`, and of `{hrid}` in `DELETE …/apis/{hrid}`. */
  hrid: string;
  /** Query parameter `hridContainsUUID` of the PUT. */
  hridContainsUuid: boolean;
  /** API UUID GKO puts in the body's `id` (uuid mode only). */
  id?: string;
}

/**
 * Decides how GKO addresses an API (GKO: `ApiV4Definition.PopulateIDs` in
 * `api/v1alpha1/apiv4definition_types.go`, then `APIs.applyV4` in `internal/apim/service/apis.go`).
 *
 * `spec.hrid` is never used: GKO overwrites it with `<namespace>-<name>` (hrid mode) or replaces it
 * with the UUID (uuid mode); it is an internal field (`+kubebuilder:skipversion`).
 *
 * @example
 * apiV4Identity({ metadata: { name: 'api-v4', namespace: 'default' }, spec: {} });
 * // { mode: 'hrid', hrid: 'default-api-v4', hridContainsUuid: false }
 */
export function apiV4Identity(
  resource: ApiV4DefinitionResource,
  previous: ApiV4PreviousStatus = {},
): ApiV4Identity {
  const { metadata, spec } = resource;
  const knownId = spec.id || previous.id || '';
  if (knownId === '' || previous.automationApiManaged) {
    // A UUID the user wrote in the spec still wins over the HRID, as in GKO's applyV4.
    if (spec.id) return { mode: 'hrid', hrid: spec.id, hridContainsUuid: true, id: spec.id };
    return { mode: 'hrid', hrid: namespacedHrid(metadata.namespace, metadata.name), hridContainsUuid: false };
  }
  return { mode: 'uuid', hrid: knownId, hridContainsUuid: true, id: knownId };
}

/**
 * The HRID of the API in the Automation API (`hrid` of the PUT body, `{hrid}` of the DELETE path).
 *
 * @example
 * apiV4Hrid({ metadata: { name: 'api-v4', namespace: 'default' }, spec: {} }); // 'default-api-v4'
 */
export function apiV4Hrid(resource: ApiV4DefinitionResource, previous?: ApiV4PreviousStatus): string {
  return apiV4Identity(resource, previous).hrid;
}
