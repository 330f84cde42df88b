import { list, record } from '../accessors.ts';
import { type AdmissionIssue, admissionError, fieldPath } from '../issue.ts';
import { describeReference, referenceAt } from '../references.ts';
import type { AdmissionContext } from '../rule.ts';
import { resourceModelIssues } from './resource-model.ts';

/** Each entry of `spec.resources` either references an existing ApiResource or is a complete inline resource. */
export function apiResourcesAreValid({ spec, namespace, lookup }: AdmissionContext): AdmissionIssue[] {
  const issues: AdmissionIssue[] = [];
  list(spec.resources).forEach((item, index) => {
    const entry = record(item);
    const ref = referenceAt(entry.ref, namespace);
    if (ref) {
      if (!lookup.get('ApiResource', ref.namespace, ref.name)) {
        issues.push(
          admissionError(
            fieldPath('spec', 'resources', index, 'ref'),
            `ApiResource ${describeReference(ref)} does not exist`,
            { kind: 'ApiResource', ...ref },
          ),
        );
      }
      return;
    }
    issues.push(...resourceModelIssues(entry, ['spec', 'resources', index]));
  });
  return issues;
}
