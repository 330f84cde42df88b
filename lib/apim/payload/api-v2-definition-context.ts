import type { DefinitionContextV2Input } from './api-v2-resource.ts';
import { dropEmpty } from './json-object.ts';

/** `definition_context` of an import-crd body. */
export interface DefinitionContextV2 {
  /** `kubernetes`: APIM makes the API read-only in its console. */
  origin?: string;
  /** `fully_managed`. */
  mode?: string;
  /** `MANAGEMENT`: gateways sync from APIM; `KUBERNETES`: from the ConfigMap of a local API. */
  syncFrom: string;
}

/** Where gateways read a v2 API from, as GKO spells it in the body. */
export const SYNC_FROM_MANAGEMENT = 'MANAGEMENT';
export const SYNC_FROM_KUBERNETES = 'KUBERNETES';

/**
 * The definition context GKO sends for a v2 API (GKO: `EnsureDefinitionContext` in
 * `api/v1alpha1/apiv2definition_types.go`, called first thing in `createOrUpdateV2`):
 *
 * - without one in the spec: `{ origin: kubernetes, mode: fully_managed }`; a spec's own context is kept
 *   as written (the CRD defaults its fields to `kubernetes` / `fully_managed` / `kubernetes`);
 * - `syncFrom` is then always overwritten: `MANAGEMENT` unless the API is `local` and does not already
 *   say `management` (any case), in which case `KUBERNETES`.
 *
 * Note the lower-case origin and mode next to an upper-case `syncFrom`: that is what GKO sends.
 *
 * @example
 * definitionContextV2(undefined, false); // { origin: 'kubernetes', mode: 'fully_managed', syncFrom: 'MANAGEMENT' }
 * definitionContextV2({ origin: 'kubernetes', mode: 'fully_managed', syncFrom: 'kubernetes' }, true);
 * // { origin: 'kubernetes', mode: 'fully_managed', syncFrom: 'KUBERNETES' }
 */
export function definitionContextV2(
  context: DefinitionContextV2Input | undefined,
  local: boolean,
): DefinitionContextV2 {
  const base: DefinitionContextV2Input = context
    ? { ...context }
    : { origin: 'kubernetes', mode: 'fully_managed' };
  const fromManagement = !local || (base.syncFrom ?? '').toLowerCase() === 'management';
  // GKO's struct marks origin and mode `omitempty`.
  return dropEmpty({ ...base, syncFrom: fromManagement ? SYNC_FROM_MANAGEMENT : SYNC_FROM_KUBERNETES }, [
    'origin',
    'mode',
  ]);
}
