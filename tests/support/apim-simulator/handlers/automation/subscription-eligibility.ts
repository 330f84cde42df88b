import { ApimHttpError, httpError } from '../../http-errors.ts';
import { apiScopedId, topLevelId } from '../../ids/hrid-to-uuid.ts';
import { isJsonObject, type JsonObject, objectItems, stringMember } from '../../json.ts';
import type { StoredResource } from '../../store/resource-store.ts';
import type { HandlerContext } from '../operation-handler.ts';
import { applicationStatus, simpleClientId } from './applications.ts';
import { hasClientCertificate } from './client-certificates.ts';
import { KIND } from './kind-names.ts';
import { subscriptionInternal } from './subscription-lifecycle.ts';

/** A plan of a stored API, found by the id APIM derives for a subscription's `planHrid`. */
export interface PlanReference {
  readonly id: string;
  readonly api: StoredResource;
  readonly plan: JsonObject;
}

/**
 * Finds the plan a subscription names. APIM derives the plan id from the API hrid of the path and the
 * plan hrid, so the plan must belong to that API of the request's environment; a plan stored with a
 * legacy id of its own is not found that way.
 */
export function findPlan(
  context: HandlerContext,
  apiHrid: string,
  planHrid: string,
): PlanReference | undefined {
  const { organizationId } = context;
  const environmentId = context.environment.id;
  const id = apiScopedId(organizationId, environmentId, apiHrid, planHrid);
  const api = context.store.get(KIND.api, organizationId, environmentId, apiHrid);
  const plan = api
    ? objectItems(api.spec, 'plans').find(
        (candidate) =>
          (stringMember(candidate, 'id') ??
            apiScopedId(organizationId, environmentId, apiHrid, String(candidate.hrid))) === id,
      )
    : undefined;
  return api && plan ? { id, api, plan } : undefined;
}

/** The derived id of the plan a subscription names, as APIM computes it even when the plan does not exist. */
export function planIdOf(context: HandlerContext, apiHrid: string, planHrid: string): string {
  return apiScopedId(context.organizationId, context.environment.id, apiHrid, planHrid);
}

/** The security type of a plan (`KEY_LESS`, `API_KEY`…), if it declares one. */
export function planSecurityType(plan: JsonObject): string | undefined {
  return isJsonObject(plan.security) ? stringMember(plan.security, 'type') : undefined;
}

/**
 * The checks APIM's subscription creation makes, in its order, each failing with APIM's error: the plan
 * exists (404), a push plan gets a consumer configuration with an entrypoint, the plan is published and
 * its security is not keyless, the application exists in the environment (404) and is not archived, it
 * has no other pending or accepted subscription to the plan, nor (unless the API allows several) to
 * another OAuth2/JWT plan of the API, and it has what the plan's security needs (a client id for
 * OAuth2/JWT, a client certificate for mTLS). Returns the plan and application subscribed.
 */
export function checkSubscriptionCreation(
  context: HandlerContext,
  apiHrid: string,
  spec: JsonObject,
): { plan: PlanReference; application: StoredResource } {
  const planHrid = String(spec.planHrid);
  const plan = findPlan(context, apiHrid, planHrid);
  if (!plan) {
    const id = planIdOf(context, apiHrid, planHrid);
    throw managementError(404, `Plan [${id}] cannot be found.`, 'plan.notFound', { plan: id });
  }
  checkPlan(plan, spec);
  const application = findApplication(context, String(spec.applicationHrid));
  checkNoConflictingSubscription(context, plan, application);
  checkSecurityRequirements(plan, application);
  return { plan, application };
}

function checkPlan(plan: PlanReference, spec: JsonObject): void {
  const mode = stringMember(plan.plan, 'mode');
  const consumer = spec.consumerConfiguration;
  if (mode === 'PUSH' && !(isJsonObject(consumer) && (stringMember(consumer, 'entrypointId') ?? '') !== '')) {
    throw managementError(
      400,
      'Subscription configuration must contain entrypoint id',
      'subscription.entrypoint.missing',
      {},
    );
  }
  switch (stringMember(plan.plan, 'status')) {
    case 'DEPRECATED':
      // APIM reports the deprecated plan with its id as the whole message.
      throw managementError(400, plan.id, 'plan.notSubscribable');
    case 'CLOSED':
      throw managementError(400, `Plan ${plan.id} is already closed !`, 'plan.closed', { plan: plan.id });
    case 'STAGING':
      throw managementError(400, `Plan ${plan.id} is not yet published !`, 'plan.notPublished', {
        plan: plan.id,
      });
  }
  if (mode !== 'PUSH' && planSecurityType(plan.plan) === 'KEY_LESS') {
    throw managementError(400, 'A keyless plan is not subscribable!', 'plan.notSubscribable');
  }
}

function findApplication(context: HandlerContext, applicationHrid: string): StoredResource {
  const application = context.store.get(
    KIND.application,
    context.organizationId,
    context.environment.id,
    applicationHrid,
  );
  if (!application) {
    const id = topLevelId(context.organizationId, context.environment.id, applicationHrid);
    throw managementError(404, `Application [${id}] cannot be found.`, 'application.notFound', {
      application: id,
    });
  }
  if (applicationStatus(application) === 'ARCHIVED') {
    const name = stringMember(application.spec, 'name') ?? application.hrid;
    throw managementError(
      400,
      `Application [${name}] is archived and cannot be modified.`,
      'application.archived',
      {
        application: name,
      },
    );
  }
  return application;
}

function checkNoConflictingSubscription(
  context: HandlerContext,
  plan: PlanReference,
  application: StoredResource,
): void {
  const active = context.store
    .list(KIND.subscription, context.environment.id)
    .filter((subscription) => subscription.parentHrid === plan.api.hrid)
    .map((subscription) => ({ subscription, internal: subscriptionInternal(subscription) }))
    .filter(({ internal }) => internal.applicationHrid === application.hrid)
    .filter(({ internal }) => internal.status !== 'CLOSED' && internal.status !== 'REJECTED');
  if (active.some(({ internal }) => internal.planHrid === plan.plan.hrid)) {
    throw managementError(
      400,
      'There is already a PENDING or ACCEPTED subscription for this plan.',
      'plan.subscribed',
      {
        plan: plan.id,
      },
    );
  }
  const security = planSecurityType(plan.plan);
  const tokenBased = (type: string | undefined) => type === 'OAUTH2' || type === 'JWT';
  if (!tokenBased(security) || plan.api.spec.allowMultiJwtOauth2Subscriptions === true) {
    return;
  }
  const plans = objectItems(plan.api.spec, 'plans');
  const otherTokenPlan = active.some(({ internal }) =>
    tokenBased(planSecurityType(plans.find((candidate) => candidate.hrid === internal.planHrid) ?? {})),
  );
  if (otherTokenPlan) {
    throw managementError(
      400,
      'An other OAuth2 or JWT plan is already subscribed by the same application.',
      'plan.otherOAuth2OrJWTSubscribed',
    );
  }
}

function checkSecurityRequirements(plan: PlanReference, application: StoredResource): void {
  const security = planSecurityType(plan.plan);
  if ((security === 'OAUTH2' || security === 'JWT') && (simpleClientId(application) ?? '').trim() === '') {
    throw managementError(
      400,
      'A client_id is required to subscribe to an OAuth2 or JWT plan.',
      'plan.notSubscribable',
    );
  }
  const settings = application.spec.settings;
  if (security === 'MTLS' && !(isJsonObject(settings) && hasClientCertificate(settings.tls))) {
    throw managementError(
      400,
      'You cannot subscribe to a mTLS plan without a client_certificate configured at application level',
      'plan.notSubscribableWithoutClientCertificate',
    );
  }
}

/** An error of APIM's management services, as its exception mapper renders them. */
function managementError(
  status: number,
  message: string,
  technicalCode: string,
  parameters?: Record<string, string>,
): ApimHttpError {
  return new ApimHttpError(
    httpError(status, message, { technicalCode, ...(parameters ? { parameters } : {}) }),
  );
}
