import { text } from '../accessors.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';

/** The type of a v4 API (PROXY, MESSAGE, NATIVE…) cannot change once the API exists. */
export function apiTypeIsImmutable({ spec, previousSpec }: AdmissionContext): AdmissionIssue[] {
  if (!previousSpec) return [];
  const before = text(previousSpec.type);
  const after = text(spec.type);
  if (before === undefined || before === after) return [];
  return [admissionError('spec.type', `the API type cannot change (was ${before}, now ${after ?? 'unset'})`)];
}
