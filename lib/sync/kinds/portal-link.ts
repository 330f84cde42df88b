import {
  portalLinkCollectionPath,
  portalLinkHrid,
  portalLinkPortalHrid,
  toPortalLinkSpec,
  toPortalLinkStatus,
} from '../../apim/payload/portal-link.ts';
import type { ResourceKey } from '../../resource-key.ts';
import { type AutomationKind, automationKindSync } from '../automation-sync.ts';
import { goneWithParent, parentContext, portalRefKey } from './parent-context.ts';
import { splitErrors } from './split-errors.ts';

/** Where the link lives in APIM: under its portal. */
function locate(key: ResourceKey, spec: Record<string, unknown>) {
  const resource = { metadata: { name: key.name, namespace: key.namespace }, spec };
  const collection = portalLinkCollectionPath(portalLinkPortalHrid(resource));
  return { resource, collection, item: `${collection}/${encodeURIComponent(portalLinkHrid(resource))}` };
}

/**
 * PortalLink: a navigation link of a portal, upserted under it (`portals/{portalHrid}/links`, an endpoint
 * GKO uses that the 4.12.17 OpenAPI document does not describe) in the portal's APIM.
 */
export const portalLinkKind: AutomationKind = {
  kind: 'PortalLink',

  references(key, data) {
    const portal = portalRefKey(key, data.spec);
    return portal ? [portal] : [];
  },

  context: (input) => parentContext(input, portalRefKey(input.key, input.data.spec)),

  async request({ key, spec, refs }) {
    const portalKey = portalRefKey(key, spec);
    if (portalKey) await refs.require('spec.portalRef', portalKey);
    const { resource, collection, item } = locate(key, spec);
    return { collection, item, body: toPortalLinkSpec(resource) };
  },

  status: (state) => splitErrors(toPortalLinkStatus(state)),

  async deletion(input) {
    const gone = await goneWithParent(input, portalRefKey(input.key, input.spec), 'portal');
    return gone ?? { item: locate(input.key, input.spec).item };
  },
};

export const portalLinkSync = automationKindSync(portalLinkKind);
