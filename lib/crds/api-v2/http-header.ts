import type { z } from 'zod';
import { SslHeader } from '../api-v4/ssl.ts';

/**
 * A name/value HTTP header sent by the gateway (endpoint headers, health check requests).
 *
 * GKO uses one header type for these lists and for the TLS options of v4 endpoint groups, so the
 * v4 schema is reused with a description that fits the v2 usages.
 */
export const HttpHeader = SslHeader.describe('HTTP header sent by the gateway.');

/** An HTTP header. */
export type HttpHeader = z.infer<typeof HttpHeader>;
