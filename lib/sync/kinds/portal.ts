import { portalCollectionPath, portalHrid, toPortalSpec, toPortalStatus } from '../../apim/payload/portal.ts';
import { type AutomationKind, automationKindSync } from '../automation-sync.ts';
import { contextRefKey } from '../context-target.ts';
import { splitErrors } from './split-errors.ts';

/** Portal: the next-gen developer portal (navigation and structure), upserted through the Automation API keyed by HRID. */
export const portalKind: AutomationKind = {
  kind: 'Portal',
  references(key, data) {
    const context = contextRefKey(key, data);
    return context ? [context] : [];
  },
  async request({ key, spec }) {
    const resource = { metadata: { name: key.name, namespace: key.namespace }, spec };
    const hrid = portalHrid(resource);
    return {
      collection: portalCollectionPath(),
      item: `${portalCollectionPath()}/${encodeURIComponent(hrid)}`,
      body: toPortalSpec(resource),
    };
  },
  status: (state) => splitErrors(toPortalStatus(state)),
};

export const portalSync = automationKindSync(portalKind);
