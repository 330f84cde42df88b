import { record, text } from '../accessors.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import { referenceAt, sameObject } from '../references.ts';
import { type AdmissionContext, nameOf, namespaceOf } from '../rule.ts';

/**
 * APIM refuses a simple application whose `clientId` another application of the same environment
 * already has; among the known Applications on the same ManagementContext, that is a conflict.
 * Needs the lookup's `list`.
 */
export function clientIdIsUnique({ spec, name, namespace, lookup }: AdmissionContext): AdmissionIssue[] {
  const clientId = text(record(record(spec.settings).app).clientId);
  const context = referenceAt(spec.contextRef, namespace);
  if (!clientId || !context || !lookup.list) return [];
  for (const other of lookup.list('Application')) {
    const otherNamespace = namespaceOf(other);
    const otherName = nameOf(other);
    if (otherName === name && otherNamespace === namespace) continue;
    const otherSpec = record(other.spec);
    const otherContext = referenceAt(otherSpec.contextRef, otherNamespace);
    if (!otherContext || !sameObject(context, otherContext)) continue;
    if (text(record(record(otherSpec.settings).app).clientId) === clientId) {
      return [
        admissionError(
          'spec.settings.app.clientId',
          `client id "${clientId}" is already used by Application ${otherNamespace}/${otherName} on the same ManagementContext`,
        ),
      ];
    }
  }
  return [];
}
