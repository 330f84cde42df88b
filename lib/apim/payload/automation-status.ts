import { RecoverableError } from '../../errors/sync-errors.ts';
import { isJsonObject } from './json-object.ts';

/**
 * APIM answered an upsert with a state GKO could not have read (e.g. a date that is not RFC 3339).
 * Recoverable, as in GKO, whose reconcile fails and is retried.
 */
export class UnexpectedAnswerError extends RecoverableError {
  override readonly name: string = 'UnexpectedAnswerError';
  /** The answer field at fault, e.g. `startingAt`. */
  readonly field: string;
  constructor(field: string, reason: string) {
    super('UnexpectedApimAnswer', `APIM answered ${field} ${reason}`);
    this.field = field;
  }
}

/** The `errors` APIM reports with a state: severe ones blocked the change, warnings did not. */
export interface AutomationErrors {
  severe: string[];
  warning: string[];
}

/**
 * The part of every Automation API answer this package reads (schema `BaseStatus`: `id`,
 * `organizationId`, `environmentId`, `errors`), next to the echoed spec fields.
 */
export interface AutomationAnswer {
  id?: string | null;
  organizationId?: string | null;
  environmentId?: string | null;
  errors?: { severe?: unknown; warning?: unknown } | null;
  [key: string]: unknown;
}

/**
 * The status fields every kind synced through the Automation API shares with GKO (`id`,
 * `organizationId`, `environmentId`), plus the errors APIM reported.
 *
 * `errors` is always there so that the caller can fail on severe errors and surface warnings, even for
 * kinds whose GKO controller does not persist them.
 */
export interface AutomationBaseStatus {
  id?: string;
  organizationId?: string;
  environmentId?: string;
  errors: AutomationErrors;
}

/**
 * Reads a string field of an answer; empty strings and non-strings count as absent, as GKO's `omitempty`
 * status fields do.
 */
export function answerString(answer: Record<string, unknown>, key: string): string | undefined {
  const value = answer[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The errors of an answer, with both lists always present.
 *
 * @example
 * automationErrors({ errors: { warning: ['w'] } }); // { severe: [], warning: ['w'] }
 */
export function automationErrors(answer: AutomationAnswer): AutomationErrors {
  const errors = answer.errors;
  if (!isJsonObject(errors)) return { severe: [], warning: [] };
  return { severe: strings(errors.severe), warning: strings(errors.warning) };
}

/**
 * Maps the `BaseStatus` part of an answer to status fields (GKO: the `id`, `organizationId` and
 * `environmentId` its controllers copy from the answer).
 *
 * @example
 * toAutomationBaseStatus({ id: 'u1', organizationId: 'DEFAULT', environmentId: 'DEFAULT', name: 'x' });
 * // { id: 'u1', organizationId: 'DEFAULT', environmentId: 'DEFAULT', errors: { severe: [], warning: [] } }
 */
export function toAutomationBaseStatus(answer: AutomationAnswer): AutomationBaseStatus {
  const status: AutomationBaseStatus = { errors: automationErrors(answer) };
  for (const field of ['id', 'organizationId', 'environmentId'] as const) {
    const value = answerString(answer, field);
    if (value !== undefined) status[field] = value;
  }
  return status;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
