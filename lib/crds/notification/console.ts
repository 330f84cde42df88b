import { z } from 'zod';
import { ObjectRef } from '../object-ref.ts';
import { stringList } from '../schema-helpers.ts';

/** API events that can raise a console notification. */
export const ApiEvent = z.enum([
  'APIKEY_EXPIRED',
  'APIKEY_RENEWED',
  'APIKEY_REVOKED',
  'SUBSCRIPTION_NEW',
  'SUBSCRIPTION_ACCEPTED',
  'SUBSCRIPTION_CLOSED',
  'SUBSCRIPTION_PAUSED',
  'SUBSCRIPTION_RESUMED',
  'SUBSCRIPTION_REJECTED',
  'SUBSCRIPTION_TRANSFERRED',
  'SUBSCRIPTION_FAILED',
  'NEW_SUPPORT_TICKET',
  'API_STARTED',
  'API_STOPPED',
  'API_UPDATED',
  'API_DEPLOYED',
  'NEW_RATING',
  'NEW_RATING_ANSWER',
  'MESSAGE',
  'ASK_FOR_REVIEW',
  'REVIEW_OK',
  'REQUEST_FOR_CHANGES',
  'API_DEPRECATED',
  'NEW_SPEC_GENERATED',
]);

/** An API event name. */
export type ApiEvent = z.infer<typeof ApiEvent>;

/** Settings of notifications shown in the APIM console. */
export const ConsoleNotificationSettings = z
  .strictObject({
    apiEvents: z
      .array(ApiEvent)
      .optional()
      .describe('API events that notify the primary owner and the members of the listed groups.'),
    groupRefs: z.array(ObjectRef).optional().describe('Group custom resources whose members are notified.'),
    groups: stringList().optional().describe('Ids of existing APIM groups whose members are notified.'),
  })
  .describe('Console notification settings, used when target is "console".');

/** Console notification settings. */
export type ConsoleNotificationSettings = z.infer<typeof ConsoleNotificationSettings>;
