import { list, record, text } from '../accessors.ts';
import { type AdmissionIssue, admissionError, fieldPath } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';

/** A NATIVE API takes no endpoint group services, no flow execution settings and no response templates. */
export function nativeApiFeatures({ spec }: AdmissionContext): AdmissionIssue[] {
  if (text(spec.type) !== 'NATIVE') return [];
  const issues: AdmissionIssue[] = [];
  list(spec.endpointGroups).forEach((item, index) => {
    if (record(item).services != null) {
      issues.push(
        admissionError(
          fieldPath('spec', 'endpointGroups', index, 'services'),
          'a NATIVE API has no endpoint group services',
        ),
      );
    }
  });
  if (spec.flowExecution != null)
    issues.push(admissionError('spec.flowExecution', 'a NATIVE API has no flow execution settings'));
  if (spec.responseTemplates != null)
    issues.push(admissionError('spec.responseTemplates', 'a NATIVE API has no response templates'));
  return issues;
}
