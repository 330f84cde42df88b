import {
  portalListingCollectionPath,
  portalListingHrid,
  portalListingPortalHrid,
  toPortalListingSpec,
  toPortalListingStatus,
} from '../../apim/payload/portal-listing.ts';
import type { ResourceKey } from '../../resource-key.ts';
import { type AutomationKind, automationKindSync } from '../automation-sync.ts';
import { apiRefKey, goneWithParent, parentContext, portalRefKey } from './parent-context.ts';
import { splitErrors } from './split-errors.ts';

/** Where the listing lives in APIM: under its portal. */
function locate(key: ResourceKey, spec: Record<string, unknown>) {
  const resource = { metadata: { name: key.name, namespace: key.namespace }, spec };
  const collection = portalListingCollectionPath(portalListingPortalHrid(resource));
  return { resource, collection, item: `${collection}/${encodeURIComponent(portalListingHrid(resource))}` };
}

const apiKeysOf = (key: ResourceKey, spec: Record<string, unknown>) =>
  (Array.isArray(spec.apis) ? spec.apis : []).map((entry) =>
    apiRefKey(key, (entry as { ref?: unknown }).ref),
  );

/**
 * PortalListing: which APIs a portal lists, upserted under the portal (`portals/{portalHrid}/listings`) in
 * the portal's APIM. The portal and every listed API must be synced first; their sync re-sends it.
 */
export const portalListingKind: AutomationKind = {
  kind: 'PortalListing',

  references(key, data) {
    return [portalRefKey(key, data.spec), ...apiKeysOf(key, data.spec)].filter(
      (k): k is ResourceKey => k !== undefined,
    );
  },

  context: (input) => parentContext(input, portalRefKey(input.key, input.data.spec)),

  async request({ key, spec, refs }) {
    const portalKey = portalRefKey(key, spec);
    if (portalKey) await refs.require('spec.portalRef', portalKey);
    for (const [i, apiKey] of apiKeysOf(key, spec).entries()) {
      if (apiKey) await refs.require(`spec.apis[${i}].ref`, apiKey);
    }
    const { resource, collection, item } = locate(key, spec);
    return { collection, item, body: toPortalListingSpec(resource) };
  },

  status: (state) => splitErrors(toPortalListingStatus(state)),

  async deletion(input) {
    const gone = await goneWithParent(input, portalRefKey(input.key, input.spec), 'portal');
    return gone ?? { item: locate(input.key, input.spec).item };
  },
};

export const portalListingSync = automationKindSync(portalListingKind);
