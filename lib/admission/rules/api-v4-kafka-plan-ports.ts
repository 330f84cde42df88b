import { entries, numeric, text } from '../accessors.ts';
import { type AdmissionIssue, admissionError, fieldPath } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';

/**
 * Port-based routing of a NATIVE (Kafka) API: a plan with a `bootstrapPort` also needs a broker port
 * range whose start is below its end, and the bootstrap port must lie outside that range.
 */
export function kafkaPlanPortsAreConsistent({ spec }: AdmissionContext): AdmissionIssue[] {
  if (text(spec.type) !== 'NATIVE') return [];
  const issues: AdmissionIssue[] = [];
  for (const [key, plan] of entries(spec.plans)) {
    const bootstrap = numeric(plan.bootstrapPort);
    if (bootstrap === undefined) continue;
    const start = numeric(plan.brokerRangeStart);
    const end = numeric(plan.brokerRangeEnd);
    const at = (field: string) => fieldPath('spec', 'plans', key, field);
    if (start === undefined || end === undefined) {
      issues.push(
        admissionError(at('bootstrapPort'), 'a bootstrap port needs brokerRangeStart and brokerRangeEnd'),
      );
    } else if (start >= end) {
      issues.push(
        admissionError(at('brokerRangeStart'), 'brokerRangeStart must be lower than brokerRangeEnd'),
      );
    } else if (bootstrap >= start && bootstrap <= end) {
      issues.push(
        admissionError(
          at('bootstrapPort'),
          `bootstrap port ${bootstrap} lies in the broker port range [${start}, ${end}]`,
        ),
      );
    }
  }
  return issues;
}
