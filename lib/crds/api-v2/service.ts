/**
 * Gateway services of a v2 API or endpoint group: endpoint discovery, health check and dynamic
 * properties. Plugin configurations are free-form because their plugins own their shape.
 */
import { z } from 'zod';
import { freeFormObject, stringList } from '../schema-helpers.ts';
import { HealthCheckService } from './health-check.ts';

/** Providers the dynamic property service can fetch properties from. */
export const DynamicPropertyProvider = z.enum(['HTTP']);

/** Discovers the endpoints of a group from a service registry (Consul, Eureka…). */
export const EndpointDiscoveryService = z
  .strictObject({
    configuration: freeFormObject().optional().describe('Discovery plugin configuration.'),
    enabled: z.boolean().default(false).describe('Whether the service runs.'),
    name: z.string().optional().describe('Service name.'),
    provider: z.string().optional().describe('Discovery plugin identifier.'),
    secondary: z.boolean().optional().describe('Mark the discovered endpoints as secondary.'),
    tenants: stringList().default([]).describe('Tenants of the discovered endpoints.'),
  })
  .describe('Endpoint discovery.');

/** Periodically refreshes API properties from an external source. */
export const DynamicPropertyService = z
  .strictObject({
    configuration: freeFormObject().optional().describe('Provider configuration.'),
    enabled: z.boolean().default(false).describe('Whether the service runs.'),
    name: z.string().optional().describe('Service name.'),
    provider: DynamicPropertyProvider.optional().describe('Source of the properties.'),
    schedule: z.string().optional().describe('Cron expression (with seconds) scheduling the refresh.'),
  })
  .describe('Dynamic properties.');

/** Services of a v2 API or of one of its endpoint groups. */
export const Services = z
  .strictObject({
    discovery: EndpointDiscoveryService.optional(),
    'dynamic-property': DynamicPropertyService.optional(),
    'health-check': HealthCheckService.optional(),
  })
  .describe('Gateway services (endpoint discovery, health check, dynamic properties).');

/** Services of a v2 API. */
export type Services = z.infer<typeof Services>;
