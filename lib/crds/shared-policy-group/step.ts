import { z } from 'zod';
import { freeFormObject } from '../schema-helpers.ts';

/**
 * One policy of a shared policy group.
 *
 * Not the API flow step (`api-v4/flow.ts`): a shared policy group cannot nest another group and has
 * no per-message condition, and GKO's CRD declares neither field here.
 */
export const SharedPolicyGroupStep = z.strictObject({
  condition: z.string().optional().describe('EL expression; the step runs only when it is true.'),
  configuration: freeFormObject().optional().describe('Policy-specific configuration.'),
  description: z.string().optional().describe('Free text describing the step.'),
  enabled: z.boolean().default(true).describe('Whether the step runs.'),
  name: z.string().optional().describe('Step name.'),
  policy: z.string().optional().describe('Policy identifier (e.g. rate-limit).'),
});

/** A shared policy group step. */
export type SharedPolicyGroupStep = z.infer<typeof SharedPolicyGroupStep>;
