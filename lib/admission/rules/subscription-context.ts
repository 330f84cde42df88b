import { record } from '../accessors.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import { describeReference, referenceAt, sameObject } from '../references.ts';
import { type AdmissionContext, namespaceOf } from '../rule.ts';
import { targetsOf } from './subscription-targets.ts';

/** The API and the Application both reference a ManagementContext, and the same one. */
export function subscriptionSharesContext(context: AdmissionContext): AdmissionIssue[] {
  if (context.previous) return [];
  const { api, application, applicationRef } = targetsOf(context);
  if (!api || !application || !applicationRef) return [];
  const apiName = `${api.kind} ${describeReference(api)}`;
  const appName = `Application ${describeReference(applicationRef)}`;
  if (!api.contextRef) return [admissionError('spec.api', `${apiName} references no ManagementContext`)];
  const appContext = referenceAt(record(application.spec).contextRef, namespaceOf(application));
  if (!appContext) return [admissionError('spec.application', `${appName} references no ManagementContext`)];
  if (sameObject(api.contextRef, appContext)) return [];
  return [
    admissionError(
      'spec.application',
      `${appName} uses ManagementContext ${describeReference(appContext)} but ${apiName} uses ${describeReference(api.contextRef)}; both must use the same`,
    ),
  ];
}
