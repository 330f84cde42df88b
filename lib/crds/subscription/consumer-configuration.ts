import { z } from 'zod';
import { freeFormObject } from '../schema-helpers.ts';

/**
 * Where APIM pushes messages for a push-plan subscription (e.g. a webhook entrypoint of a message API).
 */
export const ConsumerConfiguration = z
  .strictObject({
    channel: z.string().optional().describe('Channel (topic, path…) the subscription consumes.'),
    entrypointConfiguration: freeFormObject()
      .optional()
      .describe('Configuration of the entrypoint plugin (e.g. the webhook callback URL).'),
    entrypointId: z.string().describe('Entrypoint plugin delivering the messages (e.g. webhook).'),
  })
  .describe('Delivery settings of a push-plan subscription.');

/** Consumer configuration of a subscription. */
export type ConsumerConfiguration = z.infer<typeof ConsumerConfiguration>;
