import type { ApiV2DefinitionResource, ApiV2PreviousStatus } from './api-v2-resource.ts';
import { uuidFromStrings } from './api-v2-uuid.ts';

/**
 * The id GKO gives a v2 API (GKO: `ApiDefinition.pickID` in `api/v1alpha1/apiv2definition_types.go`):
 * the id APIM last answered with (`status.id`), else `spec.id` (an API exported from APIM), else the
 * resource's `metadata.uid`. It is the `id` of the import-crd body and the `{id}` of the DELETE.
 *
 * @example
 * apiV2Id({ metadata: { name: 'echo', namespace: 'default', uid: '5b2f…' }, spec: {} }); // '5b2f…'
 */
export function apiV2Id(resource: ApiV2DefinitionResource, previous: ApiV2PreviousStatus = {}): string {
  return previous.id || resource.spec.id || resource.metadata.uid;
}

/**
 * The cross id GKO gives a v2 API (GKO: `pickCrossID` / `getOrGenerateCrossID`): `status.crossId`, else
 * `spec.crossId`, else a UUID derived from `<namespace>/<name>`, so the same resource promoted to another
 * environment (or re-created) is recognised by APIM.
 *
 * @example
 * apiV2CrossId({ metadata: { name: 'basic-api-example', namespace: 'default', uid: 'u' }, spec: {} });
 * // '67aaa5c4-36f6-2dfe-162e-ea9246b9a846'
 */
export function apiV2CrossId(resource: ApiV2DefinitionResource, previous: ApiV2PreviousStatus = {}): string {
  return previous.crossId || resource.spec.crossId || uuidFromStrings(namespacedName(resource));
}

/** `<namespace>/<name>`, GKO's `NamespacedName.String()`, a seed of derived ids. */
export function namespacedName(resource: ApiV2DefinitionResource): string {
  return `${resource.metadata.namespace}/${resource.metadata.name}`;
}
