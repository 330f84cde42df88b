/**
 * Registry of the custom resource kinds the operator handles.
 *
 * Adding a kind means writing its contract module (spec, status, resource schemas and a
 * {@link KindDefinition} made with `defineKind`) and adding it below; the CRD generator, the validator
 * and the watchers all iterate this registry.
 */
import { apiDefinitionKind } from './api-definition.ts';
import { apiResourceKind } from './api-resource.ts';
import { apiV4DefinitionKind } from './api-v4-definition.ts';
import { applicationKind } from './application.ts';
import { dictionaryKind } from './dictionary.ts';
import { documentationKind } from './documentation.ts';
import { groupKind } from './group.ts';
import type { KindDefinition } from './kind-definition.ts';
import { managementContextKind } from './management-context.ts';
import { notificationKind } from './notification.ts';
import { portalKind } from './portal.ts';
import { portalLinkKind } from './portal-link.ts';
import { portalListingKind } from './portal-listing.ts';
import { sharedPolicyGroupKind } from './shared-policy-group.ts';
import { subscriptionKind } from './subscription.ts';

export type { KindDefinition, PrinterColumn } from './kind-definition.ts';

/** Names of the supported kinds. */
export type KindName =
  | 'ManagementContext'
  | 'ApiV4Definition'
  | 'ApiDefinition'
  | 'ApiResource'
  | 'Application'
  | 'Subscription'
  | 'Group'
  | 'Notification'
  | 'SharedPolicyGroup'
  | 'Dictionary'
  | 'Portal'
  | 'PortalListing'
  | 'PortalLink'
  | 'Documentation';

/**
 * Every supported kind, by name. Order matters where one kind is usually referenced by another: the
 * local mode and `gso plan` process referenced kinds first so fewer changes wait for a reference.
 */
export const kinds: { [K in KindName]: KindDefinition<K> } = {
  ManagementContext: managementContextKind,
  ApiResource: apiResourceKind,
  SharedPolicyGroup: sharedPolicyGroupKind,
  Group: groupKind,
  Notification: notificationKind,
  Dictionary: dictionaryKind,
  ApiV4Definition: apiV4DefinitionKind,
  ApiDefinition: apiDefinitionKind,
  Application: applicationKind,
  Subscription: subscriptionKind,
  Portal: portalKind,
  PortalListing: portalListingKind,
  PortalLink: portalLinkKind,
  Documentation: documentationKind,
};

/** All kind definitions, in registry order. */
export function allKinds(): KindDefinition[] {
  return Object.values(kinds);
}

/** Finds a kind by its plural resource name (e.g. `apiv4definitions`). */
export function kindByPlural(plural: string): KindDefinition | undefined {
  return allKinds().find((definition) => definition.plural === plural);
}

/** Finds a kind by its `kind` name, or `undefined` when the operator does not handle it. */
export function kindByName(kind: string): KindDefinition | undefined {
  return Object.hasOwn(kinds, kind) ? kinds[kind as KindName] : undefined;
}

/** `group/version` of a kind, as written in `apiVersion`. */
export function apiVersionOf(definition: KindDefinition): string {
  return `${definition.group}/${definition.version}`;
}
