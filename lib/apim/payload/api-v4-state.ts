import { type ApiAnswerFields, apiAnswerFields } from './apim-answer-fields.ts';

/**
 * The Automation API's answer to the PUT (schema `ApiV4State`: the spec as APIM stored it plus
 * `id`, `crossId`, `organizationId`, `environmentId`, `errors`). Only the fields read here are typed.
 */
export interface ApiV4State {
  id?: string;
  crossId?: string;
  organizationId?: string;
  environmentId?: string;
  state?: string;
  plans?: Array<{ hrid?: string; id?: string; [key: string]: unknown }>;
  errors?: { severe?: string[]; warning?: string[] };
  [key: string]: unknown;
}

/** The GKO-compatible `status` fields of an `ApiV4Definition` that come from APIM. */
export interface ApiV4Status extends ApiAnswerFields {
  /** `STARTED` or `STOPPED` in practice; APIM's enum also has `CLOSED`, `INITIALIZED`, `STOPPING`. */
  state?: string;
  /** Plan HRID (the CR's plans key made HRID-safe) → plan UUID in APIM. */
  plans: Record<string, string>;
}

/**
 * Maps the Automation API's answer to the status fields GKO writes (GKO: `applyV4` in
 * `internal/apim/service/apis.go`, `AutomationStatus.PlansAsMap` in `api/model/api/v4/status.go`).
 *
 * Empty strings are left out as GKO's `omitempty` does; `plans` is keyed by the plan `hrid` APIM
 * returns, so a key like `JWT Plan. 1` shows up as `JWT-Plan--1`, exactly as in GKO.
 *
 * @example
 * toApiV4Status({ id: 'a1', state: 'STARTED', plans: [{ hrid: 'KeyLess', id: 'p1' }] });
 * // { id: 'a1', state: 'STARTED', plans: { KeyLess: 'p1' }, errors: { severe: [], warning: [] } }
 */
export function toApiV4Status(state: ApiV4State): ApiV4Status {
  const status: ApiV4Status = { plans: {}, ...apiAnswerFields(state) };
  for (const plan of state.plans ?? []) {
    // A plan without hrid or id cannot be matched to the CR; GKO would record it under "".
    if (plan.hrid && plan.id) status.plans[plan.hrid] = plan.id;
  }
  return status;
}
