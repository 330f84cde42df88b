import {
  subscriptionCollectionPath,
  subscriptionHrid,
  subscriptionReferences,
  toSubscriptionSpec,
  toSubscriptionStatus,
} from '../../apim/payload/subscription.ts';
import { TerminalError } from '../../errors/sync-errors.ts';
import type { ChangeData } from '../../events/change-event.ts';
import { type ResourceKey, resourceKeyString } from '../../resource-key.ts';
import { type AutomationKind, automationKindSync, type KindInput } from '../automation-sync.ts';
import { contextRefKey } from '../context-target.ts';
import { describeKey, refKeyOf } from '../referenced.ts';
import { apiRefKey, parentContext } from './parent-context.ts';
import { splitErrors } from './split-errors.ts';

function apiKeyOf(key: ResourceKey, data: Pick<ChangeData, 'spec'>): ResourceKey | undefined {
  return apiRefKey(key, data.spec.api);
}

function applicationKeyOf(key: ResourceKey, data: Pick<ChangeData, 'spec'>): ResourceKey | undefined {
  return refKeyOf(key, 'Application', data.spec.application as { name?: unknown });
}

/**
 * Subscription: an Application subscribing to a plan of an API, upserted under the API
 * (`apis/{apiHrid}/subscriptions`). The API, the Application and the plan must exist and be synced, on the
 * same ManagementContext; the subscription lives in that context's APIM. It converges as soon as its API and
 * Application are synced (their sync re-sends it). If the API or the Application is already gone, APIM closed
 * the subscription with it, so its delete completes instead of wedging.
 */
export const subscriptionKind: AutomationKind = {
  kind: 'Subscription',

  references(key, data) {
    return [apiKeyOf(key, data), applicationKeyOf(key, data)].filter(
      (k): k is ResourceKey => k !== undefined,
    );
  },

  context: (input: KindInput) => parentContext(input, apiKeyOf(input.key, input.data)),

  async request({ key, spec, refs }) {
    const apiKey = apiKeyOf(key, { spec });
    const applicationKey = applicationKeyOf(key, { spec });
    if (!apiKey || !applicationKey)
      throw new TerminalError('InvalidSpec', 'spec.api and spec.application are required');
    const api = await refs.require('spec.api', apiKey);
    const application = await refs.require('spec.application', applicationKey);
    const apiContext = contextRefKey(apiKey, api.record.change.data);
    const applicationContext = contextRefKey(applicationKey, application.record.change.data);
    if (
      !apiContext ||
      !applicationContext ||
      resourceKeyString(apiContext) !== resourceKeyString(applicationContext)
    ) {
      throw new TerminalError(
        'ContextMismatch',
        `spec.api and spec.application must use the same ManagementContext: ${describeKey(apiKey)} uses ${apiContext ? `${apiContext.namespace}/${apiContext.name}` : 'none'}, ${describeKey(applicationKey)} uses ${applicationContext ? `${applicationContext.namespace}/${applicationContext.name}` : 'none'}`,
      );
    }
    const plan = String(spec.plan ?? '');
    const plans = (api.spec.plans ?? {}) as Record<string, unknown>;
    if (apiKey.kind === 'ApiV4Definition' && !Object.hasOwn(plans, plan)) {
      throw new TerminalError('PlanNotFound', `spec.plan: ${describeKey(apiKey)} has no plan "${plan}"`);
    }
    const resource = { metadata: { name: key.name, namespace: key.namespace }, spec };
    const references = subscriptionReferences(
      plan,
      { namespace: apiKey.namespace, name: apiKey.name },
      { namespace: applicationKey.namespace, name: applicationKey.name },
    );
    const collection = subscriptionCollectionPath(references.api.hrid);
    return {
      collection,
      item: `${collection}/${encodeURIComponent(subscriptionHrid(resource))}`,
      body: toSubscriptionSpec(resource, references),
      // APIM imports subscriptions for real whatever the query says: it declares no dryRun for them.
      dryRunSupported: false,
    };
  },

  status: (state) => splitErrors(toSubscriptionStatus(state)),

  async deletion({ key, spec, refs }) {
    const apiKey = apiKeyOf(key, { spec });
    const applicationKey = applicationKeyOf(key, { spec });
    const api = apiKey ? await refs.find(apiKey) : undefined;
    if (!api)
      return {
        gone: `its API ${apiKey ? describeKey(apiKey) : ''} is gone, and APIM closed its subscriptions with it`,
      };
    const application = applicationKey ? await refs.find(applicationKey) : undefined;
    if (!application) {
      return {
        gone: `its Application ${applicationKey ? describeKey(applicationKey) : ''} is gone, and APIM closed its subscriptions with it`,
      };
    }
    const resource = { metadata: { name: key.name, namespace: key.namespace }, spec };
    const references = subscriptionReferences(
      String(spec.plan ?? ''),
      { namespace: api.key.namespace, name: api.key.name },
      { namespace: application.key.namespace, name: application.key.name },
    );
    return {
      item: `${subscriptionCollectionPath(references.api.hrid)}/${encodeURIComponent(subscriptionHrid(resource))}`,
    };
  },
};

export const subscriptionSync = automationKindSync(subscriptionKind);
