import { text } from '../accessors.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import { apiKindOf, type ObjectReference, referenceAt } from '../references.ts';
import type { AdmissionContext } from '../rule.ts';

function show(ref: ObjectReference | undefined): string {
  return ref ? `${ref.namespace}/${ref.name}` : '(none)';
}

function same(
  left: ObjectReference | undefined,
  right: ObjectReference | undefined,
  withKind: boolean,
): boolean {
  if (!left || !right) return left === right;
  return (
    left.name === right.name &&
    left.namespace === right.namespace &&
    (!withKind || apiKindOf(left.kind) === apiKindOf(right.kind))
  );
}

/** A subscription's API, Application and plan cannot change once it exists. */
export function subscriptionTargetsAreImmutable({
  spec,
  previousSpec,
  namespace,
}: AdmissionContext): AdmissionIssue[] {
  if (!previousSpec) return [];
  const issues: AdmissionIssue[] = [];
  const apiBefore = referenceAt(previousSpec.api, namespace);
  const apiAfter = referenceAt(spec.api, namespace);
  if (!same(apiBefore, apiAfter, true))
    issues.push(
      admissionError('spec.api', `the API cannot change (was ${show(apiBefore)}, now ${show(apiAfter)})`),
    );
  const planBefore = text(previousSpec.plan) ?? '';
  const planAfter = text(spec.plan) ?? '';
  if (planBefore !== planAfter)
    issues.push(
      admissionError('spec.plan', `the plan cannot change (was "${planBefore}", now "${planAfter}")`),
    );
  const appBefore = referenceAt(previousSpec.application, namespace);
  const appAfter = referenceAt(spec.application, namespace);
  if (!same(appBefore, appAfter, false)) {
    issues.push(
      admissionError(
        'spec.application',
        `the application cannot change (was ${show(appBefore)}, now ${show(appAfter)})`,
      ),
    );
  }
  return issues;
}
