import { z } from 'zod';

/**
 * A reference from one custom resource to another (management context, group, shared policy
 * group, API resource, notification…).
 *
 * When `namespace` is omitted the referenced object is looked up in the namespace of the
 * referencing resource.
 */
export const ObjectRef = z
  .strictObject({
    name: z.string().describe('Name of the referenced object.'),
    namespace: z
      .string()
      .optional()
      .describe('Namespace of the referenced object; defaults to the namespace of the referrer.'),
    kind: z.string().optional().describe('Kind of the referenced object, when it can be ambiguous.'),
  })
  .describe('Reference to another Kubernetes object.');

/** A reference to another Kubernetes object. */
export type ObjectRef = z.infer<typeof ObjectRef>;
