import type { ApiV4Identity } from './api-v4-identity.ts';
import type { PlanInput } from './api-v4-resource.ts';
import { nameToValidHrid } from './hrid.ts';
import { dropEmpty, type JsonObject, sortedEntries } from './json-object.ts';

/** A plan as sent to the Automation API (`PlanV4`); other CR fields pass through. */
export interface ApiV4PlanSpec {
  hrid: string;
  id?: string;
  generalConditionsHrid?: string;
  [key: string]: unknown;
}

/** Plan fields GKO's Go structs mark `omitempty` on strings (`api/model/api/{base,v4}/plan.go`). */
export const PLAN_OMIT_EMPTY = [
  'id',
  'crossId',
  'status',
  'validation',
  'type',
  'definitionVersion',
  'mode',
  'hrid',
];

/**
 * Turns the `spec.plans` map into the Automation API's `plans` array (GKO: `pickPlanHRIDs` /
 * `pickPlanIDs` in `api/v1alpha1/apiv4definition_types.go`, then `ToAutomation` in
 * `internal/apim/model/api.go`).
 *
 * Each plan's `hrid` is its map key made HRID-safe; in hrid mode `generalConditions` (a page key)
 * becomes `generalConditionsHrid`. In uuid mode a plan keeps the UUID it had (`status.plans[key]`).
 *
 * @example
 * toApiV4Plans({ 'Free plan': { name: 'free' } }, { mode: 'hrid', hrid: 'default-api', hridContainsUuid: false });
 * // [{ name: 'free', hrid: 'Free-plan' }]
 */
export function toApiV4Plans(
  plans: Record<string, PlanInput>,
  identity: ApiV4Identity,
  previousPlanIds: Record<string, string> = {},
): ApiV4PlanSpec[] {
  return sortedEntries(plans).map(([key, plan]) => {
    const out: JsonObject = { ...plan, hrid: nameToValidHrid(key) };
    if (identity.mode === 'hrid') {
      if (plan.generalConditions !== undefined) {
        out.generalConditionsHrid = nameToValidHrid(plan.generalConditions);
        delete out.generalConditions;
      }
    } else {
      const previousId = previousPlanIds[key];
      // GKO derives a missing UUID from xxh3(apiId + key); not reproduced yet, APIM then matches by hrid.
      if (previousId !== undefined) out.id = previousId;
    }
    return dropEmpty(out, PLAN_OMIT_EMPTY) as ApiV4PlanSpec;
  });
}
