import { z } from 'zod';
import { int64 } from '../schema-helpers.ts';

/** Circuit breaker settings of the API. */
export const Failover = z
  .strictObject({
    enabled: z.boolean().default(false).describe('Enable failover.'),
    maxFailures: z.int().default(5).describe('Failures before the circuit opens.'),
    maxRetries: z.int().default(2).describe('Retries on another endpoint before giving up.'),
    openStateDuration: int64().default(10000).describe('How long the circuit stays open, in ms.'),
    perSubscription: z.boolean().default(true).describe('Keep one circuit per subscription.'),
    slowCallDuration: int64().default(2000).describe('Calls slower than this (ms) count as failures.'),
  })
  .describe('Failover (circuit breaker) settings.');
