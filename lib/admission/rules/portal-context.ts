import { type AdmissionIssue, admissionError } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';

/** A Portal needs a ManagementContext (its contextRef is optional in the schema only). */
export function portalHasContext({ spec }: AdmissionContext): AdmissionIssue[] {
  return spec.contextRef == null
    ? [admissionError('spec.contextRef', 'a Portal needs a ManagementContext reference')]
    : [];
}
