import { z } from 'zod';
import { ObjectRef } from '../object-ref.ts';
import { freeFormObject } from '../schema-helpers.ts';

/**
 * A resource (cache, OAuth2 server, authentication provider…) used by policies, either inline or
 * by reference to an ApiResource custom resource.
 */
export const ApiResourceEntry = z.strictObject({
  configuration: freeFormObject().optional().describe('Resource plugin configuration (inline resources).'),
  enabled: z.boolean().default(true).describe('Whether the resource is available to policies.'),
  name: z.string().optional().describe('Name policies use to find the resource.'),
  ref: ObjectRef.optional().describe('ApiResource custom resource to use instead of an inline definition.'),
  type: z.string().optional().describe('Resource plugin identifier.'),
});

/** An inline or referenced API resource. */
export type ApiResourceEntry = z.infer<typeof ApiResourceEntry>;
