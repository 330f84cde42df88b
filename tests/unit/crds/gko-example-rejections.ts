/**
 * GKO example documents that GKO itself would refuse, with the reason. Several tests walk the examples
 * (schema, admission rules, `gso plan`); they share these lists so they cannot disagree.
 */

/**
 * Example documents that do NOT validate against the resource schema of their kind, by `file#documentIndex`.
 * Keep it empty unless an example relies on something GKO's CRD does not define; the schema test fails as
 * soon as an excluded document starts validating, so the list cannot go stale.
 */
export const GKO_SCHEMA_REJECTIONS: Readonly<Record<string, string>> = {
  'apim/subscription/subscription-with-metadata.yml#0':
    "spec.plan is missing, and GKO's CRD requires it: the API server refuses this Subscription",
};

/**
 * The admission errors of the examples, as `file#documentIndex field: message`, with every example standing
 * for the cluster (see tests/unit/admission/gko-examples.test.ts): exactly the ones GKO's webhook reports.
 */
export const GKO_ADMISSION_REJECTIONS: readonly string[] = [
  // A STARTED v2 API without any plan cannot be deployed.
  'apim/api_definition/v2/api-with-no-plan.yml#0 spec.plans: API state is STARTED but the API has no plan; an API needs at least one plan to be deployed (or set spec.state to STOPPED)',
  // Only together with the JWT use case: that use case's application already has client id "echo-client"
  // on the same dev-ctx, and APIM refuses a second application with it.
  'apim/application/application-with-client-cert.yml#0 spec.settings.app.clientId: client id "echo-client" is already used by Application default/echo-client on the same ManagementContext',
  // Both inline certificates are the same PEM; APIM (GKO's dry run) requires distinct contents.
  'apim/application/application-with-client-certs-inline.yml#0 spec.settings.tls.clientCertificates[1].content: same certificate as clientCertificates[0]; each must be unique',
  // No `plan` at all (the schema already requires one): no plan of the API to subscribe to.
  'apim/subscription/subscription-with-metadata.yml#0 spec.plan: ApiV4Definition default/api-v4-with-jwt-plan has no plan ""',
  // The mirror image of the client id clash above.
  'usecase/subscribe-to-jwt-plan/resources/application.yml#0 spec.settings.app.clientId: client id "echo-client" is already used by Application default/application-with-client-cert on the same ManagementContext',
];

/**
 * Examples GKO also rejects for reasons the admission rules cannot see on the manifest alone, because they
 * need the values of the cluster's Secrets and ConfigMaps (or APIM itself), by `file#documentIndex`.
 * Anything APIM's dry run refuses beyond these (policy configurations, plugin availability, members,
 * groups) is not listed.
 */
export const GKO_CLUSTER_VALUE_REJECTIONS: Readonly<Record<string, string>> = {
  'management_context/cloud/cloud-mctx-with-unknown-secret-ref.yml#0':
    'cloud.secretRef names Secret "unknown", which no example provides',
  'management_context/cloud/cloud-mctx-with-bearer-secret-ref.yml#0':
    'cloud.secretRef names Secret apim-context-bearer-token, which holds a `bearerToken` but no `cloudToken`',
  'apim/application/application-with-client-certs-templates.yml#2':
    'the Secret client-cert-secret and the ConfigMap client-cert-configmap of the same file hold the same PEM: ' +
    'once the templates are compiled both client certificates are identical, which APIM (GKO’s dry run) refuses',
};
