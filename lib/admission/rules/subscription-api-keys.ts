import { list, record, text } from '../accessors.ts';
import { type AdmissionIssue, admissionError, fieldPath } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';
import { futureDateIssues } from './subscription-dates.ts';
import { targetsOf } from './subscription-targets.ts';

/** Custom `spec.apiKeys` are only for API_KEY plans, each key once, each `expireAt` a future RFC 3339 date. */
export function apiKeysFitPlan(context: AdmissionContext): AdmissionIssue[] {
  const keys = list(context.spec.apiKeys);
  if (keys.length === 0) return [];
  const { plan } = targetsOf(context);
  if (plan && plan.securityType !== 'API_KEY') {
    return [
      admissionError(
        'spec.apiKeys',
        `API keys can only be set on a subscription to an API_KEY plan; plan "${plan.key}" is ${plan.securityType || 'unsecured'}`,
      ),
    ];
  }
  const issues: AdmissionIssue[] = [];
  const seen = new Set<string>();
  keys.forEach((item, index) => {
    const entry = record(item);
    const key = text(entry.key);
    if (key !== undefined) {
      if (seen.has(key))
        issues.push(admissionError(fieldPath('spec', 'apiKeys', index, 'key'), 'duplicate API key'));
      seen.add(key);
    }
    issues.push(
      ...futureDateIssues(entry.expireAt, fieldPath('spec', 'apiKeys', index, 'expireAt'), context.now),
    );
  });
  return issues;
}
