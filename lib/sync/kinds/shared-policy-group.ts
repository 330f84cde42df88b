import {
  sharedPolicyGroupCollectionPath,
  sharedPolicyGroupHrid,
  toSharedPolicyGroupSpec,
  toSharedPolicyGroupStatus,
} from '../../apim/payload/shared-policy-group.ts';
import { type AutomationKind, automationKindSync } from '../automation-sync.ts';
import { contextRefKey } from '../context-target.ts';
import { splitErrors } from './split-errors.ts';

/**
 * SharedPolicyGroup: upserted through the Automation API keyed by HRID; its crossId is what API flow steps
 * that reference it send. A change re-syncs those APIs; deleting it waits while they use it.
 */
export const sharedPolicyGroupKind: AutomationKind = {
  kind: 'SharedPolicyGroup',
  deletionBlockedBy: ['ApiV4Definition'],
  references(key, data) {
    const context = contextRefKey(key, data);
    return context ? [context] : [];
  },
  async request({ key, spec }) {
    const resource = { metadata: { name: key.name, namespace: key.namespace }, spec };
    const hrid = sharedPolicyGroupHrid(resource);
    return {
      collection: sharedPolicyGroupCollectionPath(),
      item: `${sharedPolicyGroupCollectionPath()}/${encodeURIComponent(hrid)}`,
      body: toSharedPolicyGroupSpec(resource),
    };
  },
  status: (state) => splitErrors(toSharedPolicyGroupStatus(state)),
};

export const sharedPolicyGroupSync = automationKindSync(sharedPolicyGroupKind);
