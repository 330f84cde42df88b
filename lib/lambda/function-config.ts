import { z } from 'zod';
import { QueueUrlMapSchema } from '../config/queue-url-map.ts';

/** Environment of a kind's function, validated at cold start so a bad deploy fails loudly and early. */
export const FunctionEnvironmentSchema = z.object({
  /** This function's own FIFO queue (visibility changes for back-off). */
  GSO_QUEUE_URL: z.url(),
  /** Its FIFO dead-letter queue (malformed records go there at once). */
  GSO_DLQ_URL: z.url(),
  /** JSON map kind → change queue URL, for re-syncing dependents of other kinds. */
  GSO_CHANGE_QUEUES: QueueUrlMapSchema,
  GSO_EVENT_BUS_NAME: z.string().min(1),
  GSO_REGISTRY_TABLE: z.string().min(3),
  GSO_KMS_KEY_ID: z.string().min(1),
  /** Must equal the queue's redrive maxReceiveCount, so the last attempt's status says "dead-lettered". */
  GSO_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(8),
  GSO_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).default(5),
  GSO_RETRY_MAX_SECONDS: z.coerce.number().int().min(1).max(43_200).default(900),
  GSO_APIM_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
});

export type FunctionEnvironment = z.infer<typeof FunctionEnvironmentSchema>;

export class FunctionConfigurationError extends Error {
  override readonly name = 'FunctionConfigurationError';
}

export function functionEnvironment(env: NodeJS.ProcessEnv = process.env): FunctionEnvironment {
  const parsed = FunctionEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new FunctionConfigurationError(`invalid function environment: ${issues}`);
  }
  return parsed.data;
}
