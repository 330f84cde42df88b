/**
 * Flows of a v2 API or plan: a path/method/condition selector and the policies run before
 * (`pre`) and after (`post`) the call to the backend.
 */
import { z } from 'zod';
import { freeFormObject } from '../schema-helpers.ts';
import { HttpMethod } from './http-method.ts';

/** One policy executed in a flow phase. */
export const FlowStep = z.strictObject({
  condition: z.string().optional().describe('EL expression; the step runs only when it is true.'),
  configuration: freeFormObject().optional().describe('Policy-specific configuration.'),
  description: z.string().optional().describe('Free text describing the step.'),
  enabled: z.boolean().default(true).describe('Whether the step runs.'),
  name: z.string().optional().describe('Step name.'),
  policy: z.string().optional().describe('Policy identifier.'),
});

/** A v2 flow step. */
export type FlowStep = z.infer<typeof FlowStep>;

/** How a flow path is compared with the request path. */
export const PathOperatorKind = z.enum(['STARTS_WITH', 'EQUALS']);

/** The request path a flow applies to. */
export const PathOperator = z
  .strictObject({
    operator: PathOperatorKind.default('STARTS_WITH').describe('Comparison with the request path.'),
    path: z.string().optional().describe('Path pattern, relative to the context path.'),
  })
  .describe('Request path the flow applies to.');

/**
 * Who a flow applies to. The only consumer type APIM defines is `TAG` (0), which GKO keeps as a
 * plain integer.
 */
export const FlowConsumer = z.strictObject({
  consumerId: z.string().optional().describe('Id of the consumer (the tag for TAG consumers).'),
  consumerType: z.int().optional().describe('Consumer type; 0 means TAG.'),
});

/** A flow of a v2 API or plan. */
export const Flow = z.strictObject({
  condition: z.string().optional().describe('EL expression; the flow applies only when it is true.'),
  consumers: z.array(FlowConsumer).default([]).describe('Consumers the flow is restricted to.'),
  enabled: z.boolean().default(true).describe('Whether the flow runs.'),
  id: z.string().optional().describe('Flow identifier, kept for compatibility with APIM exports.'),
  methods: z.array(HttpMethod).default([]).describe('HTTP methods the flow applies to; empty means all.'),
  name: z.string().optional().describe('Flow name.'),
  'path-operator': PathOperator.optional(),
  post: z.array(FlowStep).default([]).describe('Steps run on the response.'),
  pre: z.array(FlowStep).default([]).describe('Steps run on the request.'),
});

/** A v2 flow. */
export type Flow = z.infer<typeof Flow>;
