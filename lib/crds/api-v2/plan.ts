/**
 * Plans of a v2 API. Unlike v4 plans they are a list (matched by name), their security is a bare
 * type name, and besides flows they may carry the legacy path-based rules of v1 definitions.
 */
import { z } from 'zod';
import { PlanStatus, PlanType, PlanValidation } from '../api-v4/plan.ts';
import { freeFormObject, stringList } from '../schema-helpers.ts';
import { Flow } from './flow.ts';
import { HttpMethod } from './http-method.ts';

/** The policy a legacy path rule applies. */
export const RulePolicy = z
  .strictObject({
    configuration: freeFormObject().optional().describe('Policy-specific configuration.'),
    name: z.string().optional().describe('Policy identifier.'),
  })
  .describe('Policy applied by the rule.');

/** A legacy (v1 definition) rule: a policy applied to some methods of a path. */
export const PathRule = z.strictObject({
  description: z.string().optional().describe('Free text describing the rule.'),
  enabled: z.boolean().optional().describe('Whether the rule applies.'),
  methods: z.array(HttpMethod).optional().describe('HTTP methods the rule applies to.'),
  policy: RulePolicy.optional(),
});

/** A legacy path rule. */
export type PathRule = z.infer<typeof PathRule>;

/** An access plan of a v2 API. */
export const Plan = z.strictObject({
  api: z.string().optional().describe('Id of the API owning the plan; filled in automatically when empty.'),
  characteristics: stringList().optional().describe('Characteristics shown to consumers.'),
  comment_required: z.boolean().optional().describe('Subscribers must leave a comment.'),
  crossId: z.string().optional().describe('Identifies the plan across environments.'),
  description: z.string().describe('Plan description.'),
  excluded_groups: stringList().default([]).describe('Groups that cannot see the plan.'),
  flows: z.array(Flow).default([]).describe('Flows run for subscribers of this plan.'),
  id: z.string().optional().describe('Plan id.'),
  name: z.string().describe('Display name of the plan; plans are matched by name when syncing.'),
  order: z.int().optional().describe('Display order.'),
  paths: z
    .record(z.string(), z.array(PathRule))
    .optional()
    .describe('Legacy rules by request path (v1 definitions).'),
  security: z.string().describe('Security type (e.g. KEY_LESS, API_KEY, JWT, OAUTH2).'),
  securityDefinition: z
    .string()
    .optional()
    .describe('Security plugin configuration, as a JSON document in a string.'),
  selection_rule: z.string().optional().describe('EL expression selecting this plan among others.'),
  status: PlanStatus.default('PUBLISHED').describe('Publication state.'),
  tags: stringList().default([]).describe('Sharding tags.'),
  type: PlanType.default('API').describe('Plan type.'),
  validation: PlanValidation.default('AUTO').describe('How subscriptions are approved.'),
});

/** A v2 API plan. */
export type Plan = z.infer<typeof Plan>;
