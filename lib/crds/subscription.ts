/**
 * Contract of the `Subscription` custom resource: an Application subscribed to one plan of an API.
 */
import { z } from 'zod';
import { conditionList } from './condition.ts';
import { defineKind } from './kind-definition.ts';
import { ObjectRef } from './object-ref.ts';
import { customResource } from './resource.ts';
import { stringMap } from './schema-helpers.ts';
import { processingStatusField } from './status-errors.ts';
import { SubscriptionApiKey } from './subscription/api-key.ts';
import { ConsumerConfiguration } from './subscription/consumer-configuration.ts';

/** Desired state of a Subscription. */
export const SubscriptionSpec = z
  .strictObject({
    api: ObjectRef.describe('The API subscribed to (ApiV4Definition unless kind says otherwise).'),
    apiKeys: z
      .array(SubscriptionApiKey)
      .optional()
      .describe('Custom API keys, for subscriptions to API_KEY plans.'),
    application: ObjectRef.describe('The Application that subscribes.'),
    consumerConfiguration: ConsumerConfiguration.optional(),
    endingAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('When the subscription ends (RFC 3339); never when omitted.'),
    metadata: stringMap().optional().describe('Free key/value metadata attached to the subscription.'),
    plan: z.string().describe('Key of the plan in the API spec plans map.'),
  })
  .describe('An application subscription to an API plan.');

/** Observed state of a Subscription. */
export const SubscriptionStatus = z
  .strictObject({
    conditions: conditionList().describe(
      'Latest observations of the subscription (e.g. Accepted, ResolvedRefs).',
    ),
    endingAt: z.string().optional().describe('When the subscription expires; never when empty.'),
    id: z.string().optional().describe('Id of the subscription in APIM.'),
    processingStatus: processingStatusField(),
    startedAt: z.string().optional().describe('When the subscription started.'),
  })
  .describe('Observed state of the subscription.');

/** A complete Subscription resource. */
export const SubscriptionResource = customResource('Subscription', SubscriptionSpec, SubscriptionStatus);

/** Subscription spec. */
export type SubscriptionSpec = z.infer<typeof SubscriptionSpec>;
/** Subscription status after defaults are applied. */
export type SubscriptionStatus = z.infer<typeof SubscriptionStatus>;
/** A Subscription resource after defaults are applied. */
export type SubscriptionResource = z.infer<typeof SubscriptionResource>;
/** A Subscription resource as written by a user (defaults not yet applied). */
export type SubscriptionResourceInput = z.input<typeof SubscriptionResource>;

/** The Subscription kind. */
export const subscriptionKind = defineKind({
  kind: 'Subscription',
  plural: 'subscriptions',
  shortNames: [],
  finalizer: 'finalizers.gravitee.io/subscriptions',
  description: 'A subscription of an Application to a plan of an API.',
  spec: SubscriptionSpec,
  status: SubscriptionStatus,
  resource: SubscriptionResource,
  printerColumns: [
    {
      name: 'Started at',
      jsonPath: '.status.startedAt',
      type: 'string',
      description: 'The date from when the subscription starts',
    },
    {
      name: 'Ending at',
      jsonPath: '.status.endingAt',
      type: 'string',
      description: 'The date when the subscription expires',
    },
  ],
});
