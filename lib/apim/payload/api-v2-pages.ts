import type { PageV2Input } from './api-v2-resource.ts';
import { ID_SEPARATOR, uuidFromStrings } from './api-v2-uuid.ts';
import { dropEmpty, type JsonObject, sortedEntries } from './json-object.ts';

/** A documentation page as sent to import-crd: the CR's page with its ids and API filled in. */
export interface ApiV2PageBody {
  id: string;
  crossId: string;
  api: string;
  parentId?: string;
  [key: string]: unknown;
}

/** Page fields GKO's Go struct marks `omitempty` on strings (`api/model/api/base/page.go`). */
const PAGE_OMIT_EMPTY = ['name', 'visibility'];

/**
 * Gives every page of the `spec.pages` map the ids GKO gives it (GKO: `generatePageIDs` in
 * `api/v1alpha1/apiv2definition_types.go`). Pages stay a map keyed as in the CR: APIM's import-crd takes a
 * map too. Keys come out sorted, as Go's JSON encoder writes maps.
 *
 * - `api` is always the API id;
 * - `crossId`: the spec's, else `uuid("<namespace>/<name>" + "/" + key)`;
 * - `id`: the spec's, else `uuid(apiId + "/" + key)`;
 * - with a `parent` key, `parentId` is `uuid(apiId + "/" + parent)`, overriding any spec `parentId`
 *   (so a parent page given an explicit `id` is not found by its children, exactly as with GKO).
 *
 * @example
 * toApiV2Pages({ docs: { type: 'FOLDER' } }, 'api-id', 'default/echo');
 * // { docs: { type: 'FOLDER', api: 'api-id', crossId: uuid('default/echo/docs'), id: uuid('api-id/docs') } }
 */
export function toApiV2Pages(
  pages: Record<string, PageV2Input>,
  apiId: string,
  namespacedName: string,
): Record<string, ApiV2PageBody> {
  const out: Record<string, ApiV2PageBody> = {};
  for (const [key, page] of sortedEntries(pages)) {
    const body: JsonObject = {
      ...page,
      api: apiId,
      crossId: page.crossId || uuidFromStrings(namespacedName, ID_SEPARATOR, key),
      id: page.id || uuidFromStrings(apiId, ID_SEPARATOR, key),
    };
    if (typeof page.parent === 'string') body.parentId = uuidFromStrings(apiId, ID_SEPARATOR, page.parent);
    out[key] = dropEmpty(body, PAGE_OMIT_EMPTY) as ApiV2PageBody;
  }
  return out;
}
