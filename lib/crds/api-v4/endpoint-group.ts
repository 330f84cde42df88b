import { z } from 'zod';
import { freeFormObject, int32, stringList, stringMap } from '../schema-helpers.ts';
import { HttpClientOptions } from './http-client.ts';
import { EndpointGroupServices, EndpointServices } from './service.ts';
import { SslOptions } from './ssl.ts';

/** Strategies used to spread calls over the endpoints of a group. */
export const LoadBalancerType = z.enum(['ROUND_ROBIN', 'RANDOM', 'WEIGHTED_ROUND_ROBIN', 'WEIGHTED_RANDOM']);

/** Load balancing of an endpoint group. */
export const LoadBalancer = z
  .strictObject({
    type: LoadBalancerType.default('ROUND_ROBIN').describe('Load balancing strategy.'),
  })
  .describe('How calls are spread over the endpoints.');

/** One backend target of an API. */
export const Endpoint = z.strictObject({
  configuration: freeFormObject()
    .optional()
    .describe('Connector-specific endpoint configuration (e.g. target URL).'),
  inheritConfiguration: z
    .boolean()
    .describe('Use the shared configuration of the group instead of sharedConfigurationOverride.'),
  name: z.string().optional().describe('Endpoint name, unique across the endpoints of the API.'),
  secondary: z.boolean().default(false).describe('Only used when no primary endpoint is available.'),
  services: EndpointServices.optional(),
  sharedConfigurationOverride: freeFormObject()
    .optional()
    .describe('Connector-specific settings replacing the shared configuration of the group.'),
  tenants: stringList().default([]).describe('Tenants this endpoint serves.'),
  type: z.string().describe('Endpoint connector identifier (e.g. http-proxy, kafka).'),
  weight: int32().optional().describe('Relative weight used by weighted load balancers.'),
});

/** A backend endpoint. */
export type Endpoint = z.infer<typeof Endpoint>;

/** A group of endpoints sharing a connector type, client settings and load balancing. */
export const EndpointGroup = z.strictObject({
  endpoints: z.array(Endpoint).default([]).describe('Endpoints of the group.'),
  headers: stringMap().optional().describe('HTTP headers added to the calls made to the endpoints.'),
  http: HttpClientOptions.optional(),
  loadBalancer: LoadBalancer.optional(),
  name: z.string().describe('Endpoint group name.'),
  services: EndpointGroupServices.optional(),
  sharedConfiguration: freeFormObject()
    .optional()
    .describe('Connector-specific settings shared by the endpoints of the group.'),
  ssl: SslOptions.optional(),
  type: z.string().optional().describe('Endpoint connector identifier shared by the group.'),
});

/** An endpoint group. */
export type EndpointGroup = z.infer<typeof EndpointGroup>;
