import type { Condition, ResourceStatus } from '../events/status-event.ts';

type ConditionType = Condition['type'];

function condition(
  type: ConditionType,
  ok: boolean | 'unknown',
  reason: string,
  message: string,
  generation: number,
  now: Date,
): Condition {
  return {
    type,
    status: ok === 'unknown' ? 'Unknown' : ok ? 'True' : 'False',
    reason,
    message: message.slice(0, 32768),
    observedGeneration: generation,
    lastTransitionTime: now.toISOString(),
  };
}

/** Status of a resource APIM accepted, with GKO's `Accepted` and `ResolvedRefs` conditions. */
export function acceptedStatus(
  fields: Omit<ResourceStatus, 'errors' | 'processingStatus' | 'conditions'> & { warnings?: string[] },
  generation: number,
  now: Date,
  message = 'Synced with APIM',
): ResourceStatus {
  const { warnings = [], ...rest } = fields;
  return {
    ...rest,
    errors: { severe: [], warning: warnings },
    processingStatus: 'Completed',
    conditions: [
      condition('Accepted', true, 'Accepted', message, generation, now),
      condition('ResolvedRefs', true, 'ResolvedRefs', 'All references resolved', generation, now),
    ],
  };
}

/**
 * Status of a failed sync. `refsResolved: false` marks a missing reference (`ResolvedRefs=False`);
 * APIM ids already known are kept so the resource still shows what APIM holds.
 */
export function failedStatus(
  previous: Partial<ResourceStatus> | undefined,
  failure: { reason: string; message: string; refsResolved: boolean },
  generation: number,
  now: Date,
): ResourceStatus {
  const { conditions: _c, errors: _e, processingStatus: _p, ...kept } = previous ?? {};
  return {
    ...kept,
    errors: { severe: [failure.message], warning: [] },
    processingStatus: 'Failed',
    conditions: [
      condition('Accepted', false, failure.reason, failure.message, generation, now),
      failure.refsResolved
        ? condition('ResolvedRefs', true, 'ResolvedRefs', 'All references resolved', generation, now)
        : condition('ResolvedRefs', false, failure.reason, failure.message, generation, now),
    ],
  };
}
