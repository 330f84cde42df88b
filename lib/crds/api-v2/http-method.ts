import { z } from 'zod';

/**
 * HTTP methods a v2 flow, plan rule or health check can name; `OTHER` stands for any method not
 * listed (extension methods).
 */
export const HttpMethod = z.enum([
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'HEAD',
  'CONNECT',
  'TRACE',
  'OTHER',
]);

/** An HTTP method. */
export type HttpMethod = z.infer<typeof HttpMethod>;
