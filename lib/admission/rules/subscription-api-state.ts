import { record, text } from '../accessors.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import { describeReference } from '../references.ts';
import type { AdmissionContext } from '../rule.ts';
import { targetsOf } from './subscription-targets.ts';

const FAILED = 'Failed';

/**
 * A new subscription needs an API whose gateways read it from APIM (not `syncFrom: KUBERNETES` / local),
 * that is not STOPPED and whose last sync did not fail, and an Application whose last sync did not fail.
 * A target that was never synced is left to the reference resolution, which waits for it.
 */
export function subscriptionTargetsAreUsable(context: AdmissionContext): AdmissionIssue[] {
  if (context.previous) return [];
  const { api, application, applicationRef } = targetsOf(context);
  const issues: AdmissionIssue[] = [];
  if (api) {
    const apiName = `${api.kind} ${describeReference(api)}`;
    if (!api.syncsFromManagement) {
      issues.push(
        admissionError(
          'spec.api',
          `${apiName} is synced to the gateways from Kubernetes, not from APIM; only APIs synced from APIM take subscriptions`,
        ),
      );
    }
    if (api.processingStatus === FAILED) issues.push(admissionError('spec.api', `${apiName} failed to sync`));
    if (api.state === 'STOPPED') issues.push(admissionError('spec.api', `${apiName} is STOPPED`));
  }
  if (application && applicationRef && text(record(application.status).processingStatus) === FAILED) {
    issues.push(
      admissionError('spec.application', `Application ${describeReference(applicationRef)} failed to sync`),
    );
  }
  return issues;
}
