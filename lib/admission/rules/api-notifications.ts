import { list, record, text } from '../accessors.ts';
import { type AdmissionIssue, admissionError, admissionWarning, fieldPath } from '../issue.ts';
import { describeReference, referenceAt } from '../references.ts';
import { type AdmissionContext, namespaceOf } from '../rule.ts';

/**
 * Each `spec.notificationsRefs` entry names an existing Notification configured for API events; at most
 * one of them targets the console. A console notification without API events, or whose groupRefs name
 * missing Groups, is accepted with a warning.
 */
export function apiNotificationsAreValid({ spec, namespace, lookup }: AdmissionContext): AdmissionIssue[] {
  const issues: AdmissionIssue[] = [];
  let consoleTargets = 0;
  list(spec.notificationsRefs).forEach((item, index) => {
    const field = fieldPath('spec', 'notificationsRefs', index);
    const ref = referenceAt(item, namespace);
    if (!ref) return;
    const notification = lookup.get('Notification', ref.namespace, ref.name);
    if (!notification) {
      issues.push(
        admissionError(field, `Notification ${describeReference(ref)} does not exist`, {
          kind: 'Notification',
          ...ref,
        }),
      );
      return;
    }
    const notificationSpec = record(notification.spec);
    const eventType = text(notificationSpec.eventType) ?? 'api';
    if (eventType !== 'api') {
      issues.push(
        admissionError(
          field,
          `Notification ${describeReference(ref)} is configured for "${eventType}" events, not for APIs`,
        ),
      );
    }
    if ((text(notificationSpec.target) ?? 'console') !== 'console') return;
    consoleTargets += 1;
    if (consoleTargets > 1) {
      issues.push(
        admissionError(
          field,
          `Notification ${describeReference(ref)} is a second console notification; an API takes one`,
        ),
      );
    }
    const console = record(notificationSpec.console);
    if (list(console.apiEvents).length === 0) {
      issues.push(admissionWarning(field, `Notification ${describeReference(ref)} has no API events`));
    }
    const notificationNamespace = namespaceOf(notification);
    for (const groupItem of list(console.groupRefs)) {
      const group = referenceAt(groupItem, notificationNamespace);
      if (group && !lookup.get('Group', group.namespace, group.name)) {
        issues.push(
          admissionWarning(
            field,
            `Notification ${describeReference(ref)} names Group ${describeReference(group)}, which does not exist`,
          ),
        );
      }
    }
  });
  return issues;
}
