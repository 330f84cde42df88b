import { type HridResourceKind, hridResourceBindings } from '../hrid-resource-kind.ts';
import type { OperationBinding } from '../operation-handler.ts';
import { apiDocumentationsKind } from './api-documentations.ts';
import { apisKind } from './apis.ts';
import { applicationsKind } from './applications.ts';
import { dictionariesKind } from './dictionaries.ts';
import { groupsKind } from './groups.ts';
import { portalDocumentationsKind } from './portal-documentations.ts';
import { portalLinksKind } from './portal-links.ts';
import { portalListingsKind } from './portal-listings.ts';
import { portalsKind } from './portals.ts';
import { sharedPolicyGroupsKind } from './shared-policy-groups.ts';
import { subscriptionsKind } from './subscriptions.ts';

/**
 * Every automation collection the simulator serves, named by its path below
 * `…/organizations/{orgId}/environments/{envId}/`. `portals/{portalHrid}/links` is an extension outside
 * the 4.12.17 document (see `portal-links-extension.ts`).
 */
export const AUTOMATION_COLLECTIONS = {
  apis: apisKind,
  applications: applicationsKind,
  groups: groupsKind,
  dictionaries: dictionariesKind,
  'shared-policy-groups': sharedPolicyGroupsKind,
  portals: portalsKind,
  'portals/{portalHrid}/listings': portalListingsKind,
  'portals/{portalHrid}/documentations': portalDocumentationsKind,
  'portals/{portalHrid}/links': portalLinksKind,
  'apis/{apiHrid}/documentations': apiDocumentationsKind,
  'apis/{apiHrid}/subscriptions': subscriptionsKind,
} as const satisfies Record<string, HridResourceKind>;

/** The name of an automation collection, e.g. `applications` or `apis/{apiHrid}/subscriptions`. */
export type AutomationCollection = keyof typeof AUTOMATION_COLLECTIONS;

const kinds: readonly HridResourceKind[] = Object.values(AUTOMATION_COLLECTIONS);

/** Create-or-update, get and delete bindings of every collection, each delete running the others' cascades. */
export const automationBindings: readonly OperationBinding[] = kinds.flatMap((kind) =>
  hridResourceBindings(kind, kinds),
);
