import { list, record, text } from '../accessors.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import { referenceAt } from '../references.ts';
import { parseRfc3339 } from '../rfc3339.ts';
import { type AdmissionContext, nameOf, namespaceOf } from '../rule.ts';
import { subscriptionTargets } from './subscription-targets.ts';

/** End dates of an application's client certificates; undefined as soon as one has none (no limit). */
export function latestCertificateEnd(settings: Record<string, unknown>): Date | undefined {
  let latest: Date | undefined;
  for (const item of list(record(settings.tls).clientCertificates)) {
    const endsAt = text(record(item).endsAt);
    if (endsAt === undefined) return undefined;
    const date = parseRfc3339(endsAt);
    if (date && (!latest || date > latest)) latest = date;
  }
  return latest;
}

/**
 * On update, the application's client certificates may not all end before a subscription of it to an
 * MTLS plan ends. Needs the lookup's `list`.
 */
export function certificatesOutliveSubscriptions(context: AdmissionContext): AdmissionIssue[] {
  const { previous, lookup, spec, name, namespace } = context;
  if (!previous || !lookup.list) return [];
  const latest = latestCertificateEnd(record(spec.settings));
  if (!latest) return [];
  const issues: AdmissionIssue[] = [];
  for (const subscription of lookup.list('Subscription')) {
    const subscriptionSpec = record(subscription.spec);
    const subscriptionNamespace = namespaceOf(subscription);
    const app = referenceAt(subscriptionSpec.application, subscriptionNamespace);
    if (!app || app.name !== name || app.namespace !== namespace) continue;
    const endingAt = text(subscriptionSpec.endingAt);
    const end = endingAt ? parseRfc3339(endingAt) : undefined;
    if (!end || end <= latest) continue;
    const { plan } = subscriptionTargets(subscriptionSpec, subscriptionNamespace, context);
    if (plan?.securityType !== 'MTLS') continue;
    issues.push(
      admissionError(
        'spec.settings.tls.clientCertificates',
        `Subscription ${subscriptionNamespace}/${nameOf(subscription)} ends at ${endingAt}, after every client certificate`,
      ),
    );
  }
  return issues;
}
