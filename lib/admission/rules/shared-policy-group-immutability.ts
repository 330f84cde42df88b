import { text } from '../accessors.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';

/** A shared policy group's `crossId`, `apiType` and `phase` cannot change once it exists. */
export function sharedPolicyGroupIdentityIsImmutable({
  spec,
  previousSpec,
}: AdmissionContext): AdmissionIssue[] {
  if (!previousSpec) return [];
  const issues: AdmissionIssue[] = [];
  for (const field of ['crossId', 'apiType', 'phase']) {
    const before = text(previousSpec[field]) ?? '';
    const after = text(spec[field]) ?? '';
    if (before !== after) {
      issues.push(
        admissionError(`spec.${field}`, `${field} cannot change (was "${before}", now "${after}")`),
      );
    }
  }
  return issues;
}
