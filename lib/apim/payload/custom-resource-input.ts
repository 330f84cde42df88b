/**
 * A custom resource as the Automation API mappings take it: identity plus a spec that is only known to
 * be a JSON object.
 *
 * Deliberately loose: the validated shape of each kind lives with the CRD contracts in `lib/crds/`; the
 * mappings read the few fields they need through the checked accessors of `spec-fields.ts` and pass the
 * rest through, as GKO's JSON round-trip does with a spec the API server already pruned and defaulted.
 */
export interface CustomResourceInput {
  metadata: { name: string; namespace: string; uid?: string };
  spec: Record<string, unknown>;
}

/**
 * What GKO reads from a resource's current `status` to choose how APIM knows it. Only resources first
 * synced by GKO before 4.12 (before the Automation API) are known by UUID; a fresh resource has none of it.
 */
export interface PreviousSyncState {
  /** `status.id`: the APIM UUID GKO recorded. */
  id?: string;
  /** `status.crossId` (SharedPolicyGroup: the value GKO uses as the legacy id). */
  crossId?: string;
  /** True once a sync went through HRIDs (GKO's `AutomationAPIManaged` condition is on the resource). */
  automationApiManaged?: boolean;
}

/**
 * How one resource is addressed in the Automation API: the value of the body's `hrid` (and of `{hrid}`
 * in the item path) and whether it is really a UUID (query parameter `hridContainsUUID=true`).
 */
export interface AutomationIdentity {
  hrid: string;
  hridContainsUuid: boolean;
}
