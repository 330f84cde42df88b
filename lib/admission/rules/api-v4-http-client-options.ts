import { list, numeric, record } from '../accessors.ts';
import { type AdmissionIssue, admissionError, fieldPath } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';

/** Endpoint group HTTP client options: `maxWaitQueueSize` is -1 (unbounded) or more, `maxConnectionLifetime` 0 or more. */
export function httpClientOptionsInRange({ spec }: AdmissionContext): AdmissionIssue[] {
  const issues: AdmissionIssue[] = [];
  list(spec.endpointGroups).forEach((item, index) => {
    const http = record(record(item).http);
    const queue = numeric(http.maxWaitQueueSize);
    if (queue !== undefined && queue < -1) {
      issues.push(
        admissionError(
          fieldPath('spec', 'endpointGroups', index, 'http', 'maxWaitQueueSize'),
          'must be -1 or more',
        ),
      );
    }
    const lifetime = numeric(http.maxConnectionLifetime);
    if (lifetime !== undefined && lifetime < 0) {
      issues.push(
        admissionError(
          fieldPath('spec', 'endpointGroups', index, 'http', 'maxConnectionLifetime'),
          'must be 0 or more',
        ),
      );
    }
  });
  return issues;
}
