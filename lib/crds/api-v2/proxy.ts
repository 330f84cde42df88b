/**
 * The proxy part of a v2 API: how clients reach it (virtual hosts) and how the gateway calls the
 * backends (endpoint groups, failover, CORS, logging).
 */
import { z } from 'zod';
import { Cors } from './cors.ts';
import { EndpointGroup } from './endpoint-group.ts';
import { Failover } from './failover.ts';
import { Logging } from './logging.ts';

/** A context path (and optional host) the API answers on. */
export const VirtualHost = z.strictObject({
  host: z.string().optional().describe('Virtual host name.'),
  override_entrypoint: z
    .boolean()
    .optional()
    .describe('Use this host and path as the entrypoint shown on the portal.'),
  path: z.string().optional().describe('Context path.'),
});

/** A virtual host of a v2 API. */
export type VirtualHost = z.infer<typeof VirtualHost>;

/** Entrypoints and backends of a v2 API. */
export const ApiProxy = z
  .strictObject({
    cors: Cors.optional(),
    failover: Failover.optional(),
    groups: z.array(EndpointGroup).default([]).describe('Backend endpoint groups.'),
    logging: Logging.optional(),
    preserve_host: z.boolean().optional().describe('Forward the client Host header to the backend.'),
    strip_context_path: z
      .boolean()
      .optional()
      .describe('Remove the context path from the path forwarded to the backend.'),
    virtual_hosts: z.array(VirtualHost).optional().describe('Context paths (and hosts) the API answers on.'),
  })
  .describe('Entrypoints (virtual hosts) and backends (endpoint groups) of the API.');

/** The proxy of a v2 API. */
export type ApiProxy = z.infer<typeof ApiProxy>;
