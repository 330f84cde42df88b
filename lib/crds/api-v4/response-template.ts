import { z } from 'zod';
import { stringMap } from '../schema-helpers.ts';

/** A response the gateway sends instead of its default error response. */
export const ResponseTemplate = z.strictObject({
  body: z.string().optional().describe('Response body.'),
  headers: stringMap().optional().describe('Response headers.'),
  propagateErrorKeyToLogs: z.boolean().optional().describe('Write the error key to the logs.'),
  status: z.int().optional().describe('HTTP status code.'),
});

/**
 * Response templates indexed by error key (e.g. `GATEWAY_TIMEOUT`), then by media type
 * (e.g. `application/json`, `*` for any).
 */
export const ResponseTemplates = z
  .record(z.string(), z.record(z.string(), ResponseTemplate))
  .describe('Custom error responses by error key then media type (not for native APIs).');

/** A response template. */
export type ResponseTemplate = z.infer<typeof ResponseTemplate>;
