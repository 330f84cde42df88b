import { invalidRequest } from '../../http-errors.ts';
import { apiScopedId, topLevelId } from '../../ids/hrid-to-uuid.ts';
import { type JsonObject, objectItems, stringMember } from '../../json.ts';
import type { StoredResource } from '../../store/resource-store.ts';
import type { HridResourceKind, StatusErrors } from '../hrid-resource-kind.ts';
import type { HandlerContext } from '../operation-handler.ts';
import { KIND } from './kind-names.ts';
import {
  checkSubscriptionCreation,
  findPlan,
  planIdOf,
  planSecurityType,
} from './subscription-eligibility.ts';
import {
  closed,
  type SubscriptionInternal,
  subscriptionInternal,
  subscriptionsOfApplication,
} from './subscription-lifecycle.ts';

/**
 * API subscriptions through the automation API, as APIM 4.12 handles them:
 * - the id derives from the API's cross id + environment + subscription hrid; the application and plan
 *   ids derive from their hrids, so both must exist in the same environment, the plan in that API;
 * - the operation has no dry run: APIM ignores a `dryRun` query parameter and imports for real, so the
 *   spec does not declare it and the simulator rejects it as a request violation;
 * - custom `apiKeys` are only allowed for API_KEY plans, 32 to 256 characters long and distinct
 *   (severe errors, a 400 "Unable to import…");
 * - creation then runs APIM's subscription checks (see `subscription-eligibility.ts`) and accepts the
 *   subscription at once; an update may not change the plan or the application;
 * - a delete closes the subscription, which stays readable; importing it again accepts it again;
 * - deleting the API deletes its subscriptions; deleting (archiving) the application closes them;
 * - answers carry `apiHrid` and `startingAt`, never the API keys; imports always carry `errors`.
 */
export const subscriptionsKind: HridResourceKind = {
  kind: KIND.subscription,
  operations: {
    createOrUpdate: 'createOrUpdateApiSubscriptions',
    get: 'getApiSubscription',
    delete: 'deleteApiSubscription',
  },
  parentParam: 'apiHrid',
  identify: (context, spec) => ({
    id: apiScopedId(context.organizationId, context.environment.id, apiHridOf(context), String(spec.hrid)),
  }),
  validate: (context, candidate) => apiKeyErrors(context, candidate),
  persist: (context, candidate, existing) =>
    existing ? updated(context, candidate, existing) : created(context, candidate),
  present: (resource, view) => {
    const { apiKeys: _secret, ...spec } = resource.spec;
    const internal = subscriptionInternal(resource);
    return {
      ...(view === 'get' ? exported(resource) : spec),
      id: resource.id,
      organizationId: resource.organizationId,
      environmentId: resource.environmentId,
      apiHrid: resource.parentHrid,
      ...(internal?.startingAt ? { startingAt: internal.startingAt } : {}),
    };
  },
  importFailure: (severe) => `Unable to import because of errors [${severe.join(',')}]`,
  retire: closed,
  cascades: [
    {
      // An API is deleted with its subscriptions.
      deletedKind: KIND.api,
      apply: (context, api) => {
        for (const subscription of context.store.list(KIND.subscription, api.environmentId)) {
          if (subscription.parentHrid === api.hrid) {
            context.store.delete(
              KIND.subscription,
              subscription.organizationId,
              subscription.environmentId,
              subscription.hrid,
              subscription.parentHrid,
            );
          }
        }
      },
    },
    {
      // Archiving an application closes its subscriptions.
      deletedKind: KIND.application,
      apply: (context, application) => {
        for (const subscription of subscriptionsOfApplication(
          context.store,
          application.environmentId,
          application.hrid,
        )) {
          context.store.put(closed(subscription));
        }
      },
    },
  ],
};

function apiHridOf(context: HandlerContext): string {
  return context.pathParams.apiHrid ?? '';
}

/**
 * APIM's validation of custom API keys, run only when some are given: the plan must exist (APIM throws
 * a 400 when it does not) and be an API_KEY plan; the first bad key stops the validation.
 */
function apiKeyErrors(context: HandlerContext, candidate: StoredResource): StatusErrors {
  const keys = objectItems(candidate.spec, 'apiKeys').map((entry) => stringMember(entry, 'key') ?? '');
  const errors: StatusErrors = { severe: [], warning: [] };
  if (keys.length === 0) {
    return errors;
  }
  const planHrid = String(candidate.spec.planHrid);
  const plan = findPlan(context, apiHridOf(context), planHrid);
  const planId = planIdOf(context, apiHridOf(context), planHrid);
  if (!plan) {
    throw invalidRequest(`Plan [${planId}] can not be found`);
  }
  if (planSecurityType(plan.plan) !== 'API_KEY') {
    errors.severe.push(`apiKeys is only allowed for API_KEY plans (plan: ${planId})`);
    return errors;
  }
  const seen = new Set<string>();
  for (const key of keys) {
    const problem =
      key.trim() === ''
        ? 'apiKeys entries must have a non-empty key'
        : key.length < 32 || key.length > 256
          ? `key length must be between 32 and 256 characters, got ${key.length}`
          : seen.has(key)
            ? `duplicate key [${key}] in apiKeys`
            : undefined;
    if (problem) {
      errors.severe.push(problem);
      return errors;
    }
    seen.add(key);
  }
  return errors;
}

function created(context: HandlerContext, candidate: StoredResource): StoredResource {
  const { plan, application } = checkSubscriptionCreation(context, apiHridOf(context), candidate.spec);
  const internal: SubscriptionInternal = {
    status: 'ACCEPTED',
    startingAt: new Date().toISOString(),
    applicationHrid: application.hrid,
    planHrid: String(plan.plan.hrid),
  };
  return { ...candidate, internal };
}

/** An update keeps the plan and the application; a closed subscription is accepted again. */
function updated(
  context: HandlerContext,
  candidate: StoredResource,
  existing: StoredResource,
): StoredResource {
  const internal = subscriptionInternal(existing);
  const apiHrid = apiHridOf(context);
  if (
    planIdOf(context, apiHrid, String(candidate.spec.planHrid)) !==
    planIdOf(context, apiHrid, internal.planHrid)
  ) {
    throw invalidRequest(`Subscription [${existing.id}] plan cannot be changed`);
  }
  const applicationId = (hrid: string) => topLevelId(context.organizationId, context.environment.id, hrid);
  if (applicationId(String(candidate.spec.applicationHrid)) !== applicationId(internal.applicationHrid)) {
    throw invalidRequest(`Subscription [${existing.id}] application cannot be changed`);
  }
  const status = internal.status === 'CLOSED' ? 'ACCEPTED' : internal.status;
  return { ...candidate, internal: { ...internal, status } };
}

/** The stored subscription as a read exports it: references by hrid, validity, metadata, consumer configuration. */
function exported(resource: StoredResource): JsonObject {
  const internal = subscriptionInternal(resource);
  const { endingAt, metadata, consumerConfiguration } = resource.spec;
  return {
    hrid: resource.hrid,
    applicationHrid: internal.applicationHrid,
    planHrid: internal.planHrid,
    ...(endingAt === undefined ? {} : { endingAt }),
    ...(metadata === undefined ? {} : { metadata }),
    ...(consumerConfiguration === undefined ? {} : { consumerConfiguration }),
  };
}
