import type { PlanV2Input } from './api-v2-resource.ts';
import { ID_SEPARATOR, uuidFromStrings } from './api-v2-uuid.ts';
import { dropEmpty, type JsonObject } from './json-object.ts';

/** A plan as sent to import-crd: the CR's plan with both ids filled in. */
export interface ApiV2PlanBody {
  id: string;
  crossId: string;
  [key: string]: unknown;
}

/** Plan fields GKO's Go structs mark `omitempty` on strings (`api/model/api/base/plan.go`). */
const PLAN_OMIT_EMPTY = ['status', 'validation', 'type'];

/**
 * Gives every plan the ids GKO gives it (GKO: `generateEmptyPlanIDs` in
 * `api/v1alpha1/apiv2definition_types.go`), keeping the plans' order:
 *
 * - `crossId`: the spec's, else `uuid(apiId + "/" + plan name)`;
 * - `id`: the one APIM answered for that crossId last time (`status.plans`), else
 *   `uuid(crossId + "/" + plan name)`. A spec `id` is overwritten, as GKO does.
 *
 * @example
 * toApiV2Plans([{ name: 'KEY_LESS' }], 'api-id');
 * // [{ name: 'KEY_LESS', crossId: uuid('api-id/KEY_LESS'), id: uuid(crossId + '/KEY_LESS') }]
 */
export function toApiV2Plans(
  plans: readonly PlanV2Input[],
  apiId: string,
  previousPlanIds: Record<string, string> = {},
): ApiV2PlanBody[] {
  return plans.map((plan) => {
    const name = plan.name ?? '';
    const crossId = plan.crossId || uuidFromStrings(apiId, ID_SEPARATOR, name);
    const id = Object.hasOwn(previousPlanIds, crossId)
      ? (previousPlanIds[crossId] as string)
      : uuidFromStrings(crossId, ID_SEPARATOR, name);
    const body: JsonObject = { ...plan, crossId, id };
    return dropEmpty(body, PLAN_OMIT_EMPTY) as ApiV2PlanBody;
  });
}
