import { groupCollectionPath, groupHrid, toGroupSpec, toGroupStatus } from '../../apim/payload/group.ts';
import { type AutomationKind, automationKindSync } from '../automation-sync.ts';
import { contextRefKey } from '../context-target.ts';
import { splitErrors } from './split-errors.ts';

/** Group: the APIM group, its members included, upserted through the Automation API keyed by HRID. */
export const groupKind: AutomationKind = {
  kind: 'Group',
  references(key, data) {
    const context = contextRefKey(key, data);
    return context ? [context] : [];
  },
  async request({ key, spec }) {
    const resource = { metadata: { name: key.name, namespace: key.namespace }, spec };
    const hrid = groupHrid(resource);
    return {
      collection: groupCollectionPath(),
      item: `${groupCollectionPath()}/${encodeURIComponent(hrid)}`,
      body: toGroupSpec(resource),
    };
  },
  status: (state) => splitErrors(toGroupStatus(state)),
};

export const groupSync = automationKindSync(groupKind);
