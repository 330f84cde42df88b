import { list, record, text } from '../accessors.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import { describeReference } from '../references.ts';
import type { AdmissionContext } from '../rule.ts';
import { applicationSettings, targetsOf } from './subscription-targets.ts';

/**
 * The application must be able to authenticate on the plan: on a JWT or OAUTH2 plan a simple application
 * needs a `clientId`; on an MTLS plan the application needs a client certificate.
 */
export function applicationFitsPlan(context: AdmissionContext): AdmissionIssue[] {
  if (context.previous) return [];
  const { plan, application, applicationRef } = targetsOf(context);
  if (!plan || !application || !applicationRef) return [];
  const settings = applicationSettings(application);
  const appName = `Application ${describeReference(applicationRef)}`;
  if (plan.securityType === 'JWT' || plan.securityType === 'OAUTH2') {
    const simple = settings.app;
    if (simple != null && text(record(simple).clientId) === undefined) {
      return [
        admissionError(
          'spec.application',
          `${appName} has no client id, which a ${plan.securityType} plan needs`,
        ),
      ];
    }
  }
  if (plan.securityType === 'MTLS') {
    const tls = record(settings.tls);
    if (text(tls.clientCertificate) === undefined && list(tls.clientCertificates).length === 0) {
      return [
        admissionError('spec.application', `${appName} has no client certificate, which an MTLS plan needs`),
      ];
    }
  }
  return [];
}
