/**
 * Backends of a v2 API: endpoint groups, each with its endpoints, load balancing and the HTTP
 * client, TLS and forward proxy settings used to reach them.
 */
import { z } from 'zod';
import { HttpClientOptions } from '../api-v4/http-client.ts';
import { SslOptions } from '../api-v4/ssl.ts';
import { stringList, stringMap } from '../schema-helpers.ts';
import { EndpointHealthCheckService } from './health-check.ts';
import { HttpHeader } from './http-header.ts';
import { HttpProxy } from './http-proxy.ts';
import { Services } from './service.ts';

/** One backend target of a v2 API. */
export const Endpoint = z.strictObject({
  backup: z.boolean().optional().describe('Only used when no other endpoint is available.'),
  headers: z.array(HttpHeader).default([]).describe('Headers added to the calls made to this endpoint.'),
  healthcheck: EndpointHealthCheckService.optional(),
  http: HttpClientOptions.optional(),
  inherit: z.boolean().optional().describe('Use the HTTP, TLS and proxy settings of the group.'),
  name: z.string().optional().describe('Endpoint name.'),
  proxy: HttpProxy.optional(),
  ssl: SslOptions.optional(),
  target: z.string().optional().describe('Backend URL.'),
  tenants: stringList().default([]).describe('Tenants this endpoint serves.'),
  type: z.string().optional().describe('Endpoint type (http or grpc).'),
  weight: z.int().optional().describe('Relative weight used by weighted load balancers.'),
});

/** A v2 endpoint. */
export type Endpoint = z.infer<typeof Endpoint>;

/**
 * Load balancing of a v2 endpoint group. The type is a free string in GKO's CRD; APIM knows
 * ROUND_ROBIN, RANDOM, WEIGHTED_ROUND_ROBIN and WEIGHTED_RANDOM.
 */
export const LoadBalancing = z
  .strictObject({
    type: z.string().optional().describe('Load balancing strategy.'),
  })
  .describe('How calls are spread over the endpoints.');

/** A group of endpoints sharing load balancing, services and client settings. */
export const EndpointGroup = z.strictObject({
  endpoints: z.array(Endpoint).optional().describe('Endpoints of the group.'),
  headers: stringMap().optional().describe('Headers added to the calls made to the endpoints.'),
  http: HttpClientOptions.optional(),
  load_balancing: LoadBalancing.optional(),
  name: z.string().optional().describe('Endpoint group name.'),
  proxy: HttpProxy.optional(),
  services: Services.optional(),
  ssl: SslOptions.optional(),
});

/** A v2 endpoint group. */
export type EndpointGroup = z.infer<typeof EndpointGroup>;
