import { z } from 'zod';
import { int64 } from '../schema-helpers.ts';

/** HTTP protocol versions the gateway can use towards backends. */
export const HttpVersion = z.enum(['HTTP_1_1', 'HTTP_2']);

/** Options of the HTTP client the gateway uses to call the endpoints of a group. */
export const HttpClientOptions = z
  .strictObject({
    clearTextUpgrade: z.boolean().default(true).describe('Allow upgrading clear-text HTTP/1.1 to HTTP/2.'),
    connectTimeout: int64().optional().describe('Connection timeout in milliseconds.'),
    followRedirects: z.boolean().default(false).describe('Follow HTTP redirects.'),
    idleTimeout: int64().optional().describe('Idle timeout of a connection in milliseconds.'),
    keepAlive: z.boolean().default(true).describe('Reuse connections.'),
    keepAliveTimeout: int64().default(30000).describe('How long an unused connection stays open, in ms.'),
    maxChunkSize: z.int().optional().describe('Largest HTTP chunk size in bytes.'),
    maxConcurrentConnections: z.int().optional().describe('Connection pool size.'),
    maxConnectionLifetime: int64()
      .min(0)
      .optional()
      .describe('Lifetime of a pooled connection in milliseconds; 0 means unlimited.'),
    maxHeaderSize: z.int().optional().describe('Largest accepted header block in bytes.'),
    maxWaitQueueSize: z
      .int()
      .min(-1)
      .optional()
      .describe('Capacity of the queue of requests waiting for a connection; -1 means unbounded.'),
    pipelining: z.boolean().default(false).describe('Use HTTP/1.1 pipelining.'),
    propagateClientAcceptEncoding: z
      .boolean()
      .default(false)
      .describe("Forward the client's Accept-Encoding header to the backend."),
    readTimeout: int64().optional().describe('Read timeout in milliseconds.'),
    useCompression: z.boolean().default(false).describe('Ask the backend for compressed responses.'),
    version: HttpVersion.default('HTTP_1_1').describe('HTTP protocol version.'),
  })
  .describe('HTTP client options used towards the endpoints.');

/** HTTP client options of an endpoint group. */
export type HttpClientOptions = z.infer<typeof HttpClientOptions>;
