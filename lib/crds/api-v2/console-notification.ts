import { z } from 'zod';
import { stringList } from '../schema-helpers.ts';

/**
 * Console notification settings of the API, in the shape the management API v1 expects.
 *
 * GKO fills this from a referenced Notification resource rather than from user input, yet its
 * CRD declares the field, so manifests exported from a cluster may carry it.
 */
export const ConsoleNotificationConfiguration = z
  .strictObject({
    config_type: z.string().describe('Notification configuration type (PORTAL for console notifications).'),
    groups: stringList().describe('Groups notified in the console.'),
    hooks: stringList().describe('API events that trigger a notification.'),
    origin: z.string().describe('Origin of the configuration (KUBERNETES).'),
    referenceId: z.string().optional().describe('Id of the object the settings apply to.'),
    referenceType: z.string().optional().describe('Type of the object the settings apply to.'),
    user: z.string().optional().describe('User notified in the console.'),
  })
  .describe('Console notification settings sent to the management API.');

/** Console notification settings of a v2 API. */
export type ConsoleNotificationConfiguration = z.infer<typeof ConsoleNotificationConfiguration>;
