import {
  portalLinkCollectionPath,
  portalLinkHrid,
  portalLinkPortalHrid,
  toPortalLinkSpec,
  toPortalLinkStatus,
} from '../../apim/payload/portal-link.ts';
import type { ResourceKey } from '../../resource-key.ts';
import { type AutomationKind, automationKindSync } from '../automation-sync.ts';
import { describeKey, refKeyOf } from '../referenced.ts';
import { parentContext } from './parent-context.ts';
import { splitErrors } from './split-errors.ts';

const portalKeyOf = (key: ResourceKey, spec: Record<string, unknown>) =>
  refKeyOf(key, 'Portal', spec.portalRef as { name?: unknown });

/**
 * PortalLink: a navigation link of a portal, upserted under it (`portals/{portalHrid}/links`, an endpoint
 * GKO uses that the 4.12.17 OpenAPI document does not describe) in the portal's APIM.
 */
export const portalLinkKind: AutomationKind = {
  kind: 'PortalLink',

  references(key, data) {
    const portal = portalKeyOf(key, data.spec);
    return portal ? [portal] : [];
  },

  context: (input) => parentContext(input, portalKeyOf(input.key, input.data.spec)),

  async request({ key, spec, refs }) {
    const portalKey = portalKeyOf(key, spec);
    if (portalKey) await refs.require('spec.portalRef', portalKey);
    const resource = { metadata: { name: key.name, namespace: key.namespace }, spec };
    const collection = portalLinkCollectionPath(portalLinkPortalHrid(resource));
    return {
      collection,
      item: `${collection}/${encodeURIComponent(portalLinkHrid(resource))}`,
      body: toPortalLinkSpec(resource),
    };
  },

  status: (state) => splitErrors(toPortalLinkStatus(state)),

  async deletion({ key, spec, refs }) {
    const portalKey = portalKeyOf(key, spec);
    if (portalKey && !(await refs.find(portalKey)))
      return { gone: `its portal ${describeKey(portalKey)} is gone` };
    const resource = { metadata: { name: key.name, namespace: key.namespace }, spec };
    return {
      item: `${portalLinkCollectionPath(portalLinkPortalHrid(resource))}/${encodeURIComponent(portalLinkHrid(resource))}`,
    };
  },
};

export const portalLinkSync = automationKindSync(portalLinkKind);
