import { z } from 'zod';
import { conditionList } from '../condition.ts';
import { processingStatusField, StatusErrors } from '../status-errors.ts';

/** Observed state of an Application. */
export const ApplicationStatus = z
  .strictObject({
    conditions: conditionList().describe(
      'Latest observations of the application (e.g. Accepted, ResolvedRefs).',
    ),
    environmentId: z.string().optional().describe('APIM environment the application is synced to.'),
    errors: StatusErrors.optional(),
    id: z.string().optional().describe('Id of the application in APIM.'),
    organizationId: z.string().optional().describe('APIM organization the application is synced to.'),
    processingStatus: processingStatusField(),
    subscriptions: z
      .int()
      .optional()
      .describe('Number of Subscription resources referencing the application.'),
  })
  .describe('Observed state of the application.');

/** Application status. */
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;
