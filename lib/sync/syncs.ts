import type { KindSync } from './kind-sync.ts';
import { apiDefinitionSync } from './kinds/api-definition.ts';
import { apiResourceSync } from './kinds/api-resource.ts';
import { apiV4DefinitionSync } from './kinds/api-v4-definition.ts';
import { applicationSync } from './kinds/application.ts';
import { dictionarySync } from './kinds/dictionary.ts';
import { documentationSync } from './kinds/documentation.ts';
import { groupSync } from './kinds/group.ts';
import { managementContextSync } from './kinds/management-context.ts';
import { notificationSync } from './kinds/notification.ts';
import { portalSync } from './kinds/portal.ts';
import { portalLinkSync } from './kinds/portal-link.ts';
import { portalListingSync } from './kinds/portal-listing.ts';
import { sharedPolicyGroupSync } from './kinds/shared-policy-group.ts';
import { subscriptionSync } from './kinds/subscription.ts';

/**
 * The sync logic of every kind, one function each. Referenced kinds come first: local mode and `gso plan`
 * start their consumers in this order, so fewer changes wait for a reference.
 */
export const syncs: KindSync[] = [
  managementContextSync,
  apiResourceSync,
  notificationSync,
  groupSync,
  sharedPolicyGroupSync,
  dictionarySync,
  apiV4DefinitionSync,
  apiDefinitionSync,
  applicationSync,
  subscriptionSync,
  portalSync,
  portalListingSync,
  portalLinkSync,
  documentationSync,
];

export function syncFor(kind: string): KindSync {
  const found = syncs.find((s) => s.kind === kind);
  if (!found) throw new Error(`no function handles kind ${kind}`);
  return found;
}
