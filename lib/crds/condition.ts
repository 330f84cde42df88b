import { z } from 'zod';
import { int64 } from './schema-helpers.ts';

/** Status of a condition, as defined by Kubernetes `metav1.Condition`. */
export const ConditionStatus = z.enum(['True', 'False', 'Unknown']);

/** `True`, `False` or `Unknown`. */
export type ConditionStatus = z.infer<typeof ConditionStatus>;

/**
 * One observed aspect of a resource's state (e.g. `Accepted`, `ResolvedRefs`).
 *
 * The bounds and patterns are the ones Kubernetes enforces for `metav1.Condition`, so statuses
 * written by this operator are accepted by clusters where GKO's CRD is still installed.
 */
export const Condition = z
  .strictObject({
    type: z
      .string()
      .max(316)
      .regex(
        /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$/,
      )
      .describe('Condition type, CamelCase, optionally prefixed by a DNS domain.'),
    status: ConditionStatus.describe('Whether the condition holds: True, False or Unknown.'),
    observedGeneration: int64()
      .min(0)
      .optional()
      .describe('The metadata.generation the condition was computed from.'),
    lastTransitionTime: z.iso.datetime({ offset: true }).describe('When the status last changed (RFC 3339).'),
    reason: z
      .string()
      .min(1)
      .max(1024)
      .regex(/^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$/)
      .describe('Machine-readable CamelCase cause of the last transition.'),
    message: z.string().max(32768).describe('Human-readable details about the last transition.'),
  })
  .describe('One observed aspect of the state of the resource.');

/** A status condition. */
export type Condition = z.infer<typeof Condition>;

/**
 * The `status.conditions` list: a Kubernetes list-map keyed by `type`, at most 8 entries.
 *
 * Uniqueness of `type` is checked here too because the API server only enforces it on write,
 * and `gso validate` should catch it earlier.
 */
export function conditionList(): z.ZodDefault<z.ZodArray<typeof Condition>> {
  return z
    .array(Condition)
    .max(8)
    .superRefine((conditions, ctx) => {
      const seen = new Set<string>();
      conditions.forEach((condition, index) => {
        if (seen.has(condition.type)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'type'],
            message: `duplicate condition type "${condition.type}"`,
          });
        }
        seen.add(condition.type);
      });
    })
    .default([])
    .meta({ 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['type'] });
}
