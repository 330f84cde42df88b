/**
 * Health checks of a v2 API: requests the gateway sends on a schedule to each endpoint, and the
 * assertions their responses must satisfy.
 */
import { z } from 'zod';
import { stringList } from '../schema-helpers.ts';
import { HttpHeader } from './http-header.ts';
import { HttpMethod } from './http-method.ts';

/** The request sent by a health check step. */
export const HealthCheckRequest = z
  .strictObject({
    body: z.string().optional().describe('Request body.'),
    fromRoot: z.boolean().describe('Send the request to the endpoint root, without the API context path.'),
    headers: z.array(HttpHeader).default([]).describe('Headers of the request.'),
    method: HttpMethod.optional().describe('HTTP method of the request.'),
    path: z.string().optional().describe('Path of the request on the endpoint.'),
  })
  .describe('Request sent to the endpoint.');

/** What the response of a health check step must satisfy. */
export const HealthCheckResponse = z
  .strictObject({
    assertions: stringList().optional().describe('EL assertions on the response; all must hold.'),
  })
  .describe('Checks applied to the response.');

/** One request/assertions pair of a health check. */
export const HealthCheckStep = z.strictObject({
  name: z.string().optional().describe('Step name.'),
  request: HealthCheckRequest.optional(),
  response: HealthCheckResponse.optional(),
});

/** Fields of the API-level health check service. */
const healthCheckFields = {
  enabled: z.boolean().default(false).describe('Whether the service runs.'),
  name: z.string().optional().describe('Service name.'),
  schedule: z.string().optional().describe('Cron expression (with seconds) scheduling the checks.'),
  steps: z.array(HealthCheckStep).default([]).describe('Requests sent at each run.'),
};

/** Health check of every endpoint of the API. */
export const HealthCheckService = z
  .strictObject(healthCheckFields)
  .describe('Health check of the endpoints.');

/** Health check of a single endpoint, which may inherit the API-level settings. */
export const EndpointHealthCheckService = z
  .strictObject({
    ...healthCheckFields,
    inherit: z.boolean().default(false).describe('Use the API-level health check settings.'),
  })
  .describe('Health check of this endpoint.');

/** An API-level health check. */
export type HealthCheckService = z.infer<typeof HealthCheckService>;
/** An endpoint-level health check. */
export type EndpointHealthCheckService = z.infer<typeof EndpointHealthCheckService>;
