/** Where an API definition is managed and where gateways read it from. */
export interface DefinitionContext {
  /** Always `KUBERNETES` for an API managed by the operator (APIM then makes it read-only in the UI). */
  origin: string;
  /** `MANAGEMENT`: gateways sync from APIM; `KUBERNETES`: from a ConfigMap in the cluster. */
  syncFrom: string;
}

/**
 * The definition context GKO sends: `{ origin: KUBERNETES, syncFrom: MANAGEMENT }` overridden by each
 * non-empty field of the spec's own context (GKO: `NewDefaultKubernetesContext().MergeWith(...)` in
 * `api/model/api/v4/api.go`, called from `createOrUpdateV4`).
 *
 * @example
 * mergeDefinitionContext({ syncFrom: 'KUBERNETES' }); // { origin: 'KUBERNETES', syncFrom: 'KUBERNETES' }
 */
export function mergeDefinitionContext(spec?: { origin?: string; syncFrom?: string }): DefinitionContext {
  return {
    origin: spec?.origin || 'KUBERNETES',
    syncFrom: spec?.syncFrom || 'MANAGEMENT',
  };
}
