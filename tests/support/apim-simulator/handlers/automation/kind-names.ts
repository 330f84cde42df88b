/**
 * Store namespaces of the automation kinds. Kinds that read or cascade into each other use these names
 * instead of importing each other's definitions, which would make import cycles.
 */
export const KIND = {
  api: 'api',
  application: 'application',
  group: 'group',
  dictionary: 'dictionary',
  sharedPolicyGroup: 'shared-policy-group',
  portal: 'portal',
  portalListing: 'portal-listing',
  portalDocumentation: 'portal-documentation',
  portalLink: 'portal-link',
  apiDocumentation: 'api-documentation',
  subscription: 'subscription',
} as const;
