import { z } from 'zod';
import { freeFormObject, stringList } from '../schema-helpers.ts';
import { Flow } from './flow.ts';

/** Plan publication states. */
export const PlanStatus = z.enum(['PUBLISHED', 'DEPRECATED', 'STAGING']);
/** Whether a plan is consumed through the API or listed in a catalog. */
export const PlanType = z.enum(['API', 'CATALOG']);
/** Subscription approval strategies. */
export const PlanValidation = z.enum(['AUTO', 'MANUAL']);
/** STANDARD plans secure requests; PUSH plans deliver messages to subscribers. */
export const PlanMode = z.enum(['STANDARD', 'PUSH']);

/** Security applied by a plan; the configuration belongs to the security plugin. */
export const PlanSecurity = z
  .strictObject({
    configuration: freeFormObject().optional().describe('Security plugin configuration.'),
    type: z.string().describe('Security type (e.g. KEY_LESS, API_KEY, JWT, OAUTH2, MTLS).'),
  })
  .describe('Security of the plan.');

/** An access plan of the API. */
export const Plan = z.strictObject({
  bootstrapPort: z.int().optional().describe('Bootstrap port for port-based routing (native Kafka only).'),
  brokerRangeEnd: z.int().optional().describe('Last broker port for port-based routing (native Kafka only).'),
  brokerRangeStart: z
    .int()
    .optional()
    .describe('First broker port for port-based routing (native Kafka only).'),
  characteristics: stringList().optional().describe('Characteristics shown to consumers.'),
  comment_required: z.boolean().optional().describe('Subscribers must leave a comment.'),
  crossId: z.string().optional().describe('Identifies the plan across environments.'),
  definitionVersion: z.string().default('V4').describe('Definition version of the plan.'),
  description: z.string().optional().describe('Plan description.'),
  excludedGroups: stringList().default([]).describe('Groups that cannot see the plan.'),
  flows: z.array(Flow).default([]).describe('Flows run for subscribers of this plan.'),
  generalConditions: z.string().optional().describe('Page holding the conditions subscribers must accept.'),
  generalConditionsHrid: z.string().optional().describe('Human-readable id of the general conditions page.'),
  hrid: z.string().optional().describe('Human-readable id of the plan.'),
  id: z.string().optional().describe('Plan id.'),
  mode: PlanMode.default('STANDARD').describe('Plan mode.'),
  name: z.string().describe('Display name of the plan.'),
  order: z.int().optional().describe('Display order.'),
  security: PlanSecurity.optional(),
  selectionRule: z.string().optional().describe('EL expression selecting this plan among others.'),
  status: PlanStatus.default('PUBLISHED').describe('Publication state.'),
  tags: stringList().default([]).describe('Sharding tags.'),
  type: PlanType.default('API').describe('Plan type.'),
  validation: PlanValidation.default('AUTO').describe('How subscriptions are approved.'),
});

/** An API plan. */
export type Plan = z.infer<typeof Plan>;
