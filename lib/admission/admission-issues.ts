/**
 * GKO's admission webhooks, as validation: the checks GKO runs when a gravitee.io resource is created or
 * updated, applied by `gso validate` before anything is applied and by the functions before APIM is
 * called. Pure: everything the rules know about other resources comes from the {@link ResourceLookup}.
 */
import type { AdmissionIssue } from './issue.ts';

export type { AdmissionIssue, AdmissionSeverity, MissingReference } from './issue.ts';
export type { LookedUpResource, ResourceLookup, ResourceMetadata } from './lookup.ts';
export type { AdmissionOptions, AdmissionResource } from './rule.ts';

import { apiDefinitionRules, INGRESS_TEMPLATE_ANNOTATION } from './kinds/api-definition.ts';
import { apiResourceRules } from './kinds/api-resource.ts';
import { apiV4DefinitionRules } from './kinds/api-v4-definition.ts';
import { applicationRules } from './kinds/application.ts';
import { dictionaryRules } from './kinds/dictionary.ts';
import { documentationRules } from './kinds/documentation.ts';
import { groupRules } from './kinds/group.ts';
import { managementContextRules } from './kinds/management-context.ts';
import { portalRules } from './kinds/portal.ts';
import { portalLinkRules } from './kinds/portal-link.ts';
import { portalListingRules } from './kinds/portal-listing.ts';
import { sharedPolicyGroupRules } from './kinds/shared-policy-group.ts';
import { subscriptionRules } from './kinds/subscription.ts';
import type { ResourceLookup } from './lookup.ts';
import {
  type AdmissionOptions,
  type AdmissionResource,
  type AdmissionRule,
  admissionContext,
} from './rule.ts';

/** The rules of each kind; a kind without an entry (Notification) has no admission checks in GKO either. */
const RULES_BY_KIND: Record<string, AdmissionRule[]> = {
  ApiV4Definition: apiV4DefinitionRules,
  ApiDefinition: apiDefinitionRules,
  Application: applicationRules,
  Subscription: subscriptionRules,
  SharedPolicyGroup: sharedPolicyGroupRules,
  ManagementContext: managementContextRules,
  ApiResource: apiResourceRules,
  Group: groupRules,
  Dictionary: dictionaryRules,
  Portal: portalRules,
  PortalLink: portalLinkRules,
  PortalListing: portalListingRules,
  Documentation: documentationRules,
};

/** Whether GKO would skip admission for this resource altogether. */
function isExempt(resource: AdmissionResource): boolean {
  // A resource on its way out is no longer admitted; deleting it must not be blocked by its spec.
  if (resource.metadata?.deletionTimestamp) return true;
  return (
    resource.kind === 'ApiDefinition' &&
    resource.metadata?.annotations?.[INGRESS_TEMPLATE_ANNOTATION] === 'true'
  );
}

/**
 * Every admission issue of `resource`: errors reject it (GKO's webhook would deny the request), warnings
 * are only reported. `previous` is the resource as last accepted, for the rules about updates
 * (immutable fields); leave it out for a creation. Rules that need `lookup.list` are skipped without it.
 *
 * @example
 * const issues = admissionIssues(subscription, lookup);
 * const rejected = issues.some((issue) => issue.severity === 'error');
 */
export function admissionIssues(
  resource: AdmissionResource,
  lookup: ResourceLookup,
  previous?: AdmissionResource,
  options: AdmissionOptions = {},
): AdmissionIssue[] {
  const rules = RULES_BY_KIND[resource.kind];
  if (!rules || isExempt(resource)) return [];
  const context = admissionContext(resource, lookup, previous, options);
  return rules.flatMap((rule) => rule(context));
}
