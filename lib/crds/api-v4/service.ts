import { z } from 'zod';
import { freeFormObject } from '../schema-helpers.ts';

/**
 * A pluggable gateway service (health check, discovery, dynamic properties). Its configuration
 * is owned by the plugin named in `type`, hence free-form.
 */
export const Service = z.strictObject({
  configuration: freeFormObject().optional().describe('Plugin-specific service configuration.'),
  enabled: z.boolean().describe('Whether the service runs.'),
  overrideConfiguration: z.boolean().describe('Whether this configuration overrides an inherited one.'),
  type: z.string().optional().describe('Service plugin identifier.'),
});

/** A gateway service attached to an API, endpoint group or endpoint. */
export type Service = z.infer<typeof Service>;

/** Services that can run on a single endpoint. */
export const EndpointServices = z
  .strictObject({
    healthCheck: Service.optional().describe('Health check of this endpoint.'),
  })
  .describe('Services running on the endpoint.');

/** Services that can run on an endpoint group. */
export const EndpointGroupServices = z
  .strictObject({
    discovery: Service.optional().describe('Discovers the endpoints of the group dynamically.'),
    healthCheck: Service.optional().describe('Health check applied to the endpoints of the group.'),
  })
  .describe('Services running on the endpoint group.');

/** Services that run at API level (not applicable to native APIs). */
export const ApiServices = z
  .strictObject({
    dynamicProperty: Service.optional().describe('Periodically refreshes API properties from a source.'),
  })
  .describe('API-level services (not for native APIs).');
