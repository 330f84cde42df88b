import { record } from '../accessors.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';

/** An application is either simple (`settings.app`) or OAuth (`settings.oauth`), not both. */
export function applicationIsSimpleOrOAuth({ spec }: AdmissionContext): AdmissionIssue[] {
  const settings = record(spec.settings);
  if (settings.app != null && settings.oauth != null)
    return [admissionError('spec.settings', 'settings.app (simple) and settings.oauth cannot both be set')];
  return [];
}
