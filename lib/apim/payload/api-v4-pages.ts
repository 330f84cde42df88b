import type { ApiV4Identity } from './api-v4-identity.ts';
import type { PageInput } from './api-v4-resource.ts';
import { nameToValidHrid } from './hrid.ts';
import { dropEmpty, type JsonObject, sortedEntries } from './json-object.ts';

/** A documentation page as sent to the Automation API (`PageV4`); other CR fields pass through. */
export interface ApiV4PageSpec {
  hrid: string;
  api: string;
  parentHrid?: string;
  [key: string]: unknown;
}

/** Page fields GKO's Go struct marks `omitempty` on strings (`api/model/api/base/page.go`). */
const PAGE_OMIT_EMPTY = ['id', 'crossId', 'name', 'visibility', 'hrid'];

/**
 * Turns the `spec.pages` map into the Automation API's `pages` array (GKO: `pickPageHRIDs` /
 * `pickPageIDs` in `api/v1alpha1/apiv4definition_types.go`, then `ToAutomation`).
 *
 * Each page's `hrid` is its map key made HRID-safe and `api` is the API's hrid (GKO points it at the
 * API's HRID field, so it ends up equal to the body's `hrid`). In hrid mode `parent` (a page key) also
 * becomes `parentHrid`; `parent` itself is kept, as GKO keeps it.
 *
 * @example
 * toApiV4Pages({ docs: { type: 'FOLDER' } }, { mode: 'hrid', hrid: 'default-api', hridContainsUuid: false });
 * // [{ type: 'FOLDER', hrid: 'docs', api: 'default-api' }]
 */
export function toApiV4Pages(pages: Record<string, PageInput>, identity: ApiV4Identity): ApiV4PageSpec[] {
  return sortedEntries(pages).map(([key, page]) => {
    const out: JsonObject = { ...page, hrid: nameToValidHrid(key), api: identity.hrid };
    if (identity.mode === 'hrid' && page.parent !== undefined) {
      out.parentHrid = nameToValidHrid(page.parent);
    }
    // uuid mode: GKO derives missing page id / crossId / parentId with xxh3; not reproduced yet.
    return dropEmpty(out, PAGE_OMIT_EMPTY) as ApiV4PageSpec;
  });
}
