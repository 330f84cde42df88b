import { z } from 'zod';
import { conditionList } from '../condition.ts';
import { processingStatusField, StatusErrors } from '../status-errors.ts';

/** Observed state of a SharedPolicyGroup. */
export const SharedPolicyGroupStatus = z
  .strictObject({
    conditions: conditionList().describe('Latest observations of the group (e.g. Accepted, ResolvedRefs).'),
    crossId: z.string().optional().describe('Identifies the group across environments.'),
    environmentId: z.string().optional().describe('APIM environment the group is synced to.'),
    errors: StatusErrors.optional(),
    id: z.string().optional().describe('Id of the shared policy group in APIM.'),
    organizationId: z.string().optional().describe('APIM organization the group is synced to.'),
    processingStatus: processingStatusField(),
  })
  .describe('Observed state of the shared policy group.');

/** SharedPolicyGroup status. */
export type SharedPolicyGroupStatus = z.infer<typeof SharedPolicyGroupStatus>;
