import { list } from '../accessors.ts';
import { type AdmissionIssue, admissionWarning, fieldPath } from '../issue.ts';
import { describeReference, referenceAt } from '../references.ts';
import type { AdmissionContext } from '../rule.ts';

/**
 * `spec.groupRefs` should name existing Groups. GKO does not reject a missing one: it leaves the group
 * out and reports it in the ResolvedRefs condition, hence a warning.
 */
export function apiGroupRefsExist({ spec, namespace, lookup }: AdmissionContext): AdmissionIssue[] {
  const issues: AdmissionIssue[] = [];
  list(spec.groupRefs).forEach((item, index) => {
    const ref = referenceAt(item, namespace);
    if (ref && !lookup.get('Group', ref.namespace, ref.name)) {
      issues.push(
        admissionWarning(
          fieldPath('spec', 'groupRefs', index),
          `Group ${describeReference(ref)} does not exist; the API is synced without it`,
        ),
      );
    }
  });
  return issues;
}
