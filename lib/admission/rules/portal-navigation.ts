import { list } from '../accessors.ts';
import { type AdmissionIssue, admissionError, admissionWarning } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';

/** `spec.navigation` is deprecated in favour of `spec.structure.topNavbar`, and cannot be combined with it. */
export function portalNavigationIsCurrent({ spec }: AdmissionContext): AdmissionIssue[] {
  if (list(spec.navigation).length === 0) return [];
  if (spec.structure != null)
    return [admissionError('spec.navigation', 'navigation and structure cannot both be set; use structure')];
  return [admissionWarning('spec.navigation', 'navigation is deprecated, use structure.topNavbar')];
}
