import { type AdmissionIssue, admissionError } from '../issue.ts';
import { describeReference } from '../references.ts';
import type { AdmissionContext } from '../rule.ts';
import { targetsOf } from './subscription-targets.ts';

/**
 * A Subscription names an API (`spec.api.kind` ApiV4Definition, the default, or ApiDefinition) and an
 * Application that both exist.
 */
export function subscriptionReferencesExist(context: AdmissionContext): AdmissionIssue[] {
  const { apiRef, apiKind, api, applicationRef, application } = targetsOf(context);
  const issues: AdmissionIssue[] = [];
  if (apiRef && !apiKind) {
    issues.push(
      admissionError(
        'spec.api.kind',
        `"${apiRef.kind}" is not an API kind; use ApiV4Definition or ApiDefinition`,
      ),
    );
  } else if (apiRef && apiKind && !api) {
    issues.push(
      admissionError('spec.api', `${apiKind} ${describeReference(apiRef)} does not exist`, {
        kind: apiKind,
        name: apiRef.name,
        namespace: apiRef.namespace,
      }),
    );
  }
  if (applicationRef && !application) {
    issues.push(
      admissionError('spec.application', `Application ${describeReference(applicationRef)} does not exist`, {
        kind: 'Application',
        name: applicationRef.name,
        namespace: applicationRef.namespace,
      }),
    );
  }
  return issues;
}
