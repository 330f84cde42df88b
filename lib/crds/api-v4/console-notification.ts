import { z } from 'zod';
import { stringList } from '../schema-helpers.ts';

/** Console notification settings forwarded to the APIM automation API. */
export const ConsoleNotification = z
  .strictObject({
    events: stringList().describe('Events that trigger a console notification.'),
    groups: stringList().describe('Groups notified in the console.'),
  })
  .describe('Console notification settings sent to APIM.');
