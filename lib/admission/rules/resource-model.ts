import { isRecord, text } from '../accessors.ts';
import { type AdmissionIssue, admissionError, fieldPath } from '../issue.ts';

/** A resource definition (inline in an API or in an ApiResource) needs a type, a name and a configuration. */
export function resourceModelIssues(
  resource: Record<string, unknown>,
  at: Array<string | number>,
): AdmissionIssue[] {
  const issues: AdmissionIssue[] = [];
  if (text(resource.type) === undefined)
    issues.push(admissionError(fieldPath(...at, 'type'), 'a resource needs a type'));
  if (text(resource.name) === undefined)
    issues.push(admissionError(fieldPath(...at, 'name'), 'a resource needs a name'));
  if (!isRecord(resource.configuration))
    issues.push(admissionError(fieldPath(...at, 'configuration'), 'a resource needs a configuration'));
  return issues;
}
