import { z } from 'zod';
import { QueueUrlMapSchema } from '../config/queue-url-map.ts';

const list = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

/** The watcher's configuration, from its environment (ConfigMap + IRSA / Pod Identity credentials). */
export const WatcherEnvironmentSchema = z.object({
  GSO_CLUSTER: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a DNS label such as prod-eu'),
  /** JSON map kind → change queue URL (SQS FIFO). */
  GSO_CHANGE_QUEUES: QueueUrlMapSchema,
  GSO_STATUS_QUEUE_URL: z.url(),
  GSO_KMS_KEY_ID: z.string().min(1),
  /** Comma-separated namespaces; empty = all namespaces. */
  GSO_NAMESPACES: list,
  GSO_RESYNC_SECONDS: z.coerce.number().int().min(0).default(300),
  GSO_HEALTH_PORT: z.coerce.number().int().min(1).max(65535).default(8081),
  GSO_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  GSO_SHUTDOWN_SECONDS: z.coerce.number().int().min(1).default(20),
  /** `[[ secret "name/key" ]]` / `[[ configmap "name/key" ]]` in specs; on unless "false" (GKO's ENABLE_TEMPLATING). */
  GSO_ENABLE_TEMPLATING: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export type WatcherEnvironment = z.infer<typeof WatcherEnvironmentSchema>;

export function watcherEnvironment(env: NodeJS.ProcessEnv = process.env): WatcherEnvironment {
  const parsed = WatcherEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `invalid watcher environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
