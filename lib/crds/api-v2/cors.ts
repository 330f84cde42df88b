import { z } from 'zod';
import { stringList } from '../schema-helpers.ts';

/** Cross-origin resource sharing handled by the gateway for a v2 API. */
export const Cors = z
  .strictObject({
    allowCredentials: z.boolean().describe('Send Access-Control-Allow-Credentials.'),
    allowHeaders: stringList().default([]).describe('Request headers allowed in cross-origin calls.'),
    allowMethods: stringList().default([]).describe('HTTP methods allowed in cross-origin calls.'),
    allowOrigin: stringList().default([]).describe('Origins allowed to call the API (regular expressions).'),
    enabled: z.boolean().describe('Whether the gateway handles CORS.'),
    exposeHeaders: stringList().default([]).describe('Response headers exposed to the browser.'),
    maxAge: z.int().describe('How long browsers may cache a preflight response, in seconds.'),
    runPolicies: z.boolean().default(false).describe('Run the API policies on preflight requests.'),
  })
  .describe('Cross-origin resource sharing (CORS) settings.');

/** CORS settings. */
export type Cors = z.infer<typeof Cors>;
