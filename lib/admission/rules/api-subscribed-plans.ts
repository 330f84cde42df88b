import { record, text } from '../accessors.ts';
import { apiView, planOf } from '../api-view.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import { apiKindOf, referenceAt } from '../references.ts';
import { type AdmissionContext, nameOf, namespaceOf } from '../rule.ts';

/**
 * A plan may not disappear from an API while a Subscription uses it. Needs the lookup's `list`.
 */
export function subscribedPlansRemain({
  resource,
  name,
  namespace,
  lookup,
}: AdmissionContext): AdmissionIssue[] {
  const kind = apiKindOf(resource.kind);
  if (!kind || !lookup.list) return [];
  const api = apiView(kind, resource);
  const issues: AdmissionIssue[] = [];
  for (const subscription of lookup.list('Subscription')) {
    const subscriptionSpec = record(subscription.spec);
    const subscriptionNamespace = namespaceOf(subscription);
    const ref = referenceAt(subscriptionSpec.api, subscriptionNamespace);
    if (!ref || ref.name !== name || ref.namespace !== namespace || apiKindOf(ref.kind) !== kind) continue;
    const plan = text(subscriptionSpec.plan);
    if (plan !== undefined && !planOf(api, plan)) {
      issues.push(
        admissionError(
          'spec.plans',
          `plan "${plan}" is used by Subscription ${subscriptionNamespace}/${nameOf(subscription)} and cannot be removed`,
        ),
      );
    }
  }
  return issues;
}
