import { record, text } from '../accessors.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';

/** A simple application stays simple and an OAuth application stays OAuth, of the same application type. */
export function applicationKindIsImmutable({ spec, previousSpec }: AdmissionContext): AdmissionIssue[] {
  if (!previousSpec) return [];
  const before = record(previousSpec.settings);
  const after = record(spec.settings);
  if (before.oauth != null && after.app != null)
    return [admissionError('spec.settings', 'an OAuth application cannot become a simple application')];
  if (before.app != null && after.oauth != null)
    return [admissionError('spec.settings', 'a simple application cannot become an OAuth application')];
  const typeBefore = text(record(before.oauth).applicationType);
  const typeAfter = text(record(after.oauth).applicationType);
  if (typeBefore !== typeAfter) {
    return [
      admissionError(
        'spec.settings.oauth.applicationType',
        `the OAuth application type cannot change (was ${typeBefore ?? 'unset'}, now ${typeAfter ?? 'unset'})`,
      ),
    ];
  }
  return [];
}
