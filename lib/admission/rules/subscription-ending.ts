import { list, record, text } from '../accessors.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import { describeReference } from '../references.ts';
import { parseRfc3339 } from '../rfc3339.ts';
import type { AdmissionContext } from '../rule.ts';
import { ENDING_AT, futureDateIssues } from './subscription-dates.ts';
import { applicationSettings, targetsOf } from './subscription-targets.ts';

/**
 * `spec.endingAt` is an RFC 3339 date-time at least a minute ahead. On an MTLS plan, it may not outlive
 * every dated client certificate of the application (undated certificates set no limit).
 */
export function subscriptionEndIsValid(context: AdmissionContext): AdmissionIssue[] {
  const endingAt = context.spec.endingAt;
  const issues = futureDateIssues(endingAt, ENDING_AT, context.now);
  if (issues.length > 0 || typeof endingAt !== 'string') return issues;
  const { plan, application, applicationRef } = targetsOf(context);
  if (plan?.securityType !== 'MTLS' || !application || !applicationRef) return issues;
  const end = parseRfc3339(endingAt);
  if (!end) return issues;
  const ends = list(record(applicationSettings(application).tls).clientCertificates)
    .map((item) => text(record(item).endsAt))
    .filter((value): value is string => value !== undefined)
    .map(parseRfc3339);
  if (ends.length === 0) return issues;
  if (ends.some((date) => date !== undefined && date > end)) return issues;
  return [
    admissionError(
      ENDING_AT,
      `the subscription ends after every client certificate of Application ${describeReference(applicationRef)}`,
    ),
  ];
}
