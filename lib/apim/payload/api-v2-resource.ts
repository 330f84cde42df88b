/**
 * The parts of an `ApiDefinition` (v2 API) custom resource the import-crd mapping reads.
 *
 * Deliberately minimal and open (`[key: string]: unknown`): the validated shape lives with the CRD schemas
 * in `lib/crds/`; every other field passes through untouched, as GKO's JSON round-trip does for a spec the
 * API server has already pruned and defaulted.
 */
import type { ResourceOrRefInput, ResourceRef } from './api-v4-resource.ts';

export type { ResourceOrRefInput, ResourceRef } from './api-v4-resource.ts';

/** An entry of `spec.plans` (a list for v2 APIs, unlike the v4 map). */
export interface PlanV2Input {
  id?: string;
  crossId?: string;
  name?: string;
  [key: string]: unknown;
}

/** A value of the `spec.pages` map. */
export interface PageV2Input {
  id?: string;
  crossId?: string;
  api?: string;
  /** Key of the parent page in the same map. */
  parent?: string;
  parentId?: string;
  [key: string]: unknown;
}

/** `spec.definition_context` of a v2 API. */
export interface DefinitionContextV2Input {
  origin?: string;
  mode?: string;
  syncFrom?: string;
}

/** `spec` of an `ApiDefinition`, as stored by the API server (pruned, defaults applied). */
export interface ApiV2DefinitionSpec {
  id?: string;
  crossId?: string;
  name?: string;
  contextRef?: ResourceRef;
  /** True when gateways read the API from a ConfigMap rather than from APIM. */
  local?: boolean;
  definition_context?: DefinitionContextV2Input;
  plans?: PlanV2Input[];
  pages?: Record<string, PageV2Input>;
  resources?: ResourceOrRefInput[];
  groups?: string[];
  groupRefs?: ResourceRef[];
  notificationsRefs?: ResourceRef[];
  [key: string]: unknown;
}

/** An `ApiDefinition` as the mapping needs it: identity (the UID seeds the API id) plus spec. */
export interface ApiV2DefinitionResource {
  metadata: { name: string; namespace: string; uid: string };
  spec: ApiV2DefinitionSpec;
}

/**
 * What GKO reads from the resource's current `status` when it builds the body: once APIM has answered,
 * its ids win over the ones the spec or the UID would give.
 */
export interface ApiV2PreviousStatus {
  /** `status.id`: the API id APIM answered with. */
  id?: string;
  /** `status.crossId`. */
  crossId?: string;
  /** `status.plans`: plan crossId → plan id in APIM. */
  plans?: Record<string, string>;
}
