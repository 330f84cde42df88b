import { record, text } from '../accessors.ts';
import { type ApiPlan, type ApiView, apiView, planOf } from '../api-view.ts';
import type { LookedUpResource } from '../lookup.ts';
import { type ApiKind, apiKindOf, type ObjectReference, referenceAt } from '../references.ts';
import type { AdmissionContext } from '../rule.ts';

/** What a Subscription points to, resolved as far as the lookup allows. */
export interface SubscriptionTargets {
  apiRef: ObjectReference | undefined;
  /** Undefined when `spec.api.kind` names something other than an API. */
  apiKind: ApiKind | undefined;
  api: ApiView | undefined;
  applicationRef: ObjectReference | undefined;
  application: LookedUpResource | undefined;
  planKey: string;
  plan: ApiPlan | undefined;
}

/** Resolves a Subscription spec's API, application and plan. */
export function subscriptionTargets(
  spec: Record<string, unknown>,
  namespace: string,
  context: AdmissionContext,
): SubscriptionTargets {
  const apiRef = referenceAt(spec.api, namespace);
  const apiKind = apiKindOf(apiRef?.kind);
  const apiResource =
    apiRef && apiKind ? context.lookup.get(apiKind, apiRef.namespace, apiRef.name) : undefined;
  const api = apiResource && apiKind ? apiView(apiKind, apiResource) : undefined;
  const applicationRef = referenceAt(spec.application, namespace);
  const application = applicationRef
    ? context.lookup.get('Application', applicationRef.namespace, applicationRef.name)
    : undefined;
  const planKey = text(spec.plan) ?? '';
  return {
    apiRef,
    apiKind,
    api,
    applicationRef,
    application,
    planKey,
    plan: api ? planOf(api, planKey) : undefined,
  };
}

/** The targets of the subscription under admission. */
export function targetsOf(context: AdmissionContext): SubscriptionTargets {
  return subscriptionTargets(context.spec, context.namespace, context);
}

/** The application's `spec.settings`. */
export function applicationSettings(application: LookedUpResource): Record<string, unknown> {
  return record(record(application.spec).settings);
}
