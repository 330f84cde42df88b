import { type AdmissionIssue, admissionError } from '../issue.ts';
import { describeReference } from '../references.ts';
import type { AdmissionContext } from '../rule.ts';
import { targetsOf } from './subscription-targets.ts';

/** Plan security types a subscription can be made to (a KEY_LESS plan needs none). */
export const SUBSCRIBABLE_SECURITY_TYPES = ['API_KEY', 'JWT', 'OAUTH2', 'MTLS'];

/**
 * The subscribed plan exists in the API (v4: its key in `plans`; v2: its `name`) and its security type
 * is one that takes subscriptions.
 */
export function subscribedPlanIsSubscribable(context: AdmissionContext): AdmissionIssue[] {
  const { api, planKey, plan } = targetsOf(context);
  if (!api) return [];
  const apiName = `${api.kind} ${describeReference(api)}`;
  if (api.plans.length === 0) return [admissionError('spec.plan', `${apiName} has no plan to subscribe to`)];
  if (!plan) return [admissionError('spec.plan', `${apiName} has no plan "${planKey}"`)];
  if (!SUBSCRIBABLE_SECURITY_TYPES.includes(plan.securityType)) {
    return [
      admissionError(
        'spec.plan',
        `plan "${planKey}" of ${apiName} has security type ${plan.securityType || '(none)'}, which takes no subscription (subscribable: ${SUBSCRIBABLE_SECURITY_TYPES.join(', ')})`,
      ),
    ];
  }
  return [];
}
