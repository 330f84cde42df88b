import { z } from 'zod';
import { ObjectRef } from '../object-ref.ts';
import { freeFormObject, stringList } from '../schema-helpers.ts';

/** One policy (or shared policy group) executed in a flow phase. */
export const FlowStep = z.strictObject({
  condition: z.string().optional().describe('EL expression; the step runs only when it is true.'),
  configuration: freeFormObject().optional().describe('Policy-specific configuration.'),
  description: z.string().optional().describe('Free text describing the step.'),
  enabled: z.boolean().default(true).describe('Whether the step runs.'),
  messageCondition: z.string().optional().describe('EL expression evaluated per message.'),
  name: z.string().optional().describe('Step name.'),
  policy: z.string().optional().describe('Policy identifier.'),
  sharedPolicyGroupRef: ObjectRef.optional().describe('Shared policy group to run instead of a policy.'),
});

/** A flow step. */
export type FlowStep = z.infer<typeof FlowStep>;

/** The phases a flow can attach steps to. */
function steps(description: string) {
  return z.array(FlowStep).optional().describe(description);
}

/**
 * A flow: selectors deciding when it applies and the steps run in each phase.
 *
 * Selectors are free-form because each selector type (http, channel, condition…) has its own shape.
 */
export const Flow = z.strictObject({
  connect: steps('Steps run when a client connects (native APIs only).'),
  enabled: z.boolean().default(true).describe('Whether the flow runs.'),
  id: z.string().optional().describe('Flow identifier, kept for compatibility with APIM exports.'),
  interact: steps('Steps run on client interactions (native APIs only).'),
  name: z.string().optional().describe('Flow name.'),
  publish: steps('Steps run on published messages.'),
  request: steps('Steps run on the request (not for native APIs).'),
  response: steps('Steps run on the response (not for native APIs).'),
  selectors: z.array(freeFormObject()).optional().describe('Conditions selecting when the flow applies.'),
  subscribe: steps('Steps run on subscribed messages.'),
  tags: stringList().optional().describe('Tags of the flow.'),
});

/** A flow. */
export type Flow = z.infer<typeof Flow>;

/** How flows are matched and executed (not applicable to native APIs). */
export const FlowExecution = z
  .strictObject({
    matchRequired: z.boolean().describe('Reject requests that no flow matches.'),
    mode: z.string().optional().describe('Flow matching mode (e.g. DEFAULT or BEST_MATCH).'),
  })
  .describe('Flow execution settings (not for native APIs).');
