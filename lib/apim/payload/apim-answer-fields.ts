import {
  type AutomationAnswer,
  type AutomationErrors,
  answerString,
  automationErrors,
} from './automation-status.ts';

/** The status fields an API (v2 or v4) takes as such from APIM's answer: its ids, its state, the errors. */
export interface ApiAnswerFields {
  id?: string;
  crossId?: string;
  organizationId?: string;
  environmentId?: string;
  state?: string;
  errors: AutomationErrors;
}

const API_ANSWER_FIELDS = ['id', 'crossId', 'organizationId', 'environmentId', 'state'] as const;

/**
 * Reads the ids, the state and the errors of an API answer (import-crd's for v2, the Automation API's for
 * v4). Empty strings and non-strings are left out as GKO's `omitempty` does; `errors` always has both lists.
 *
 * @example
 * apiAnswerFields({ id: 'a1', crossId: '', state: 'STARTED', errors: { warning: ['w'] } });
 * // { errors: { severe: [], warning: ['w'] }, id: 'a1', state: 'STARTED' }
 */
export function apiAnswerFields(answer: AutomationAnswer): ApiAnswerFields {
  const fields: ApiAnswerFields = { errors: automationErrors(answer) };
  for (const field of API_ANSWER_FIELDS) {
    const value = answerString(answer, field);
    if (value !== undefined) fields[field] = value;
  }
  return fields;
}
