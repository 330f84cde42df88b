import {
  applicationCollectionPath,
  applicationHrid,
  toApplicationSpec,
  toApplicationStatus,
} from '../../apim/payload/application.ts';
import { type AutomationKind, automationKindSync } from '../automation-sync.ts';
import { contextRefKey } from '../context-target.ts';
import { splitErrors } from './split-errors.ts';

/**
 * Application: upsert through the Automation API keyed by HRID; TLS client certificates from Secret or
 * ConfigMap refs arrive inline (sealed by the watcher). Deleting it waits while Subscriptions use it.
 */
export const applicationKind: AutomationKind = {
  kind: 'Application',
  deletionBlockedBy: ['Subscription'],
  references(key, data) {
    const context = contextRefKey(key, data);
    return context ? [context] : [];
  },
  async request({ key, spec }) {
    const resource = { metadata: { name: key.name, namespace: key.namespace }, spec };
    const hrid = applicationHrid(resource);
    return {
      collection: applicationCollectionPath(),
      item: `${applicationCollectionPath()}/${encodeURIComponent(hrid)}`,
      body: toApplicationSpec(resource),
    };
  },
  status: (state) => splitErrors(toApplicationStatus(state)),
};

export const applicationSync = automationKindSync(applicationKind);
