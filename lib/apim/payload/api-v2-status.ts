import { type ApiAnswerFields, apiAnswerFields } from './apim-answer-fields.ts';
import { isJsonObject } from './json-object.ts';

/**
 * What import-crd answers (APIM's `ApiCRDStatusEntity`): ids, the API state, validation messages and
 * the API's plans keyed by plan crossId. A dry run answers the body's own ids and no plans.
 */
export interface ApiV2ImportAnswer {
  organizationId?: string;
  environmentId?: string;
  id?: string;
  crossId?: string;
  /** `STARTED` or `STOPPED` in practice (APIM's `Lifecycle.State`). */
  state?: string;
  errors?: { severe?: string[]; warning?: string[] };
  /** Plan crossId → plan id. */
  plans?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The GKO-compatible `status` fields of an `ApiDefinition` that come from APIM. */
export interface ApiV2Status extends ApiAnswerFields {
  /** Plan crossId → plan id in APIM (GKO reads it back to keep plan ids stable). */
  plans: Record<string, string>;
}

/**
 * Maps import-crd's answer to the status fields GKO writes (GKO: `status.DeepCopyTo(&apiDefinition.Status.Status)`
 * in `createOrUpdateV2`, with `base.Status` decoded from the answer). Empty strings are left out as GKO's
 * `omitempty` does; plans keep APIM's crossId keys.
 *
 * @example
 * toApiV2Status({ id: 'a1', crossId: 'c1', state: 'STARTED', plans: { 'pc1': 'p1' }, errors: { severe: [], warning: [] } });
 * // { id: 'a1', crossId: 'c1', state: 'STARTED', plans: { pc1: 'p1' }, errors: { severe: [], warning: [] } }
 */
export function toApiV2Status(answer: ApiV2ImportAnswer): ApiV2Status {
  const status: ApiV2Status = { plans: {}, ...apiAnswerFields(answer) };
  if (isJsonObject(answer.plans)) {
    for (const [crossId, id] of Object.entries(answer.plans)) {
      if (typeof id === 'string' && id !== '') status.plans[crossId] = id;
    }
  }
  return status;
}
