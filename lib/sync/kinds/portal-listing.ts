import {
  portalListingCollectionPath,
  portalListingHrid,
  portalListingPortalHrid,
  toPortalListingSpec,
  toPortalListingStatus,
} from '../../apim/payload/portal-listing.ts';
import type { ResourceKey } from '../../resource-key.ts';
import { type AutomationKind, automationKindSync } from '../automation-sync.ts';
import { describeKey, refKeyOf } from '../referenced.ts';
import { apiRefKey, parentContext } from './parent-context.ts';
import { splitErrors } from './split-errors.ts';

const portalKeyOf = (key: ResourceKey, spec: Record<string, unknown>) =>
  refKeyOf(key, 'Portal', spec.portalRef as { name?: unknown });

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
    return [portalKeyOf(key, data.spec), ...apiKeysOf(key, data.spec)].filter(
      (k): k is ResourceKey => k !== undefined,
    );
  },

  context: (input) => parentContext(input, portalKeyOf(input.key, input.data.spec)),

  async request({ key, spec, refs }) {
    const portalKey = portalKeyOf(key, spec);
    if (portalKey) await refs.require('spec.portalRef', portalKey);
    for (const [i, apiKey] of apiKeysOf(key, spec).entries()) {
      if (apiKey) await refs.require(`spec.apis[${i}].ref`, apiKey);
    }
    const resource = { metadata: { name: key.name, namespace: key.namespace }, spec };
    const collection = portalListingCollectionPath(portalListingPortalHrid(resource));
    return {
      collection,
      item: `${collection}/${encodeURIComponent(portalListingHrid(resource))}`,
      body: toPortalListingSpec(resource),
    };
  },

  status: (state) => splitErrors(toPortalListingStatus(state)),

  async deletion({ key, spec, refs }) {
    const portalKey = portalKeyOf(key, spec);
    if (portalKey && !(await refs.find(portalKey)))
      return { gone: `its portal ${describeKey(portalKey)} is gone` };
    const resource = { metadata: { name: key.name, namespace: key.namespace }, spec };
    return {
      item: `${portalListingCollectionPath(portalListingPortalHrid(resource))}/${encodeURIComponent(portalListingHrid(resource))}`,
    };
  },
};

export const portalListingSync = automationKindSync(portalListingKind);
