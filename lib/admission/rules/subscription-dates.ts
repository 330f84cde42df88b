import { type AdmissionIssue, admissionError, fieldPath } from '../issue.ts';
import { parseRfc3339 } from '../rfc3339.ts';

/** How far ahead of now an end date must at least be. */
const MINIMUM_LEAD_MS = 60_000;

/** An end date must be an RFC 3339 date-time at least one minute from now. */
export function futureDateIssues(value: unknown, field: string, now: Date): AdmissionIssue[] {
  if (typeof value !== 'string') return [];
  const date = parseRfc3339(value);
  if (!date) return [admissionError(field, `"${value}" is not an RFC 3339 date-time`)];
  if (date.getTime() < now.getTime() + MINIMUM_LEAD_MS)
    return [admissionError(field, `"${value}" must be at least one minute from now`)];
  return [];
}

/** The field path of a subscription's end date. */
export const ENDING_AT = fieldPath('spec', 'endingAt');
