import { type AdmissionIssue, admissionError } from '../issue.ts';
import { describeReference, referenceAt } from '../references.ts';
import type { AdmissionContext } from '../rule.ts';

/** A `spec.contextRef`, when set, must name an existing ManagementContext. */
export function contextReferenceExists({ spec, namespace, lookup }: AdmissionContext): AdmissionIssue[] {
  const ref = referenceAt(spec.contextRef, namespace);
  if (!ref || lookup.get('ManagementContext', ref.namespace, ref.name)) return [];
  return [
    admissionError('spec.contextRef', `ManagementContext ${describeReference(ref)} does not exist`, {
      kind: 'ManagementContext',
      ...ref,
    }),
  ];
}
