import { z } from 'zod';
import { int64, stringList } from '../schema-helpers.ts';

/** Retries a v2 API makes on another endpoint when a call fails. */
export const Failover = z
  .strictObject({
    cases: stringList().optional().describe('Failures that trigger a retry (e.g. TIMEOUT).'),
    maxAttempts: z.int().optional().describe('Endpoints tried before giving up.'),
    retryTimeout: int64().optional().describe('Timeout of each retry, in milliseconds.'),
  })
  .describe('Failover to other endpoints when a call fails.');

/** Failover settings of a v2 API. */
export type Failover = z.infer<typeof Failover>;
