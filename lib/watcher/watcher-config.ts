import { hostname } from 'node:os';
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

const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((v) => v === 'true');

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The watcher's configuration, from its environment (ConfigMap + IRSA / Pod Identity credentials). */
export const WatcherEnvironmentSchema = z
  .object({
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
    GSO_ENABLE_TEMPLATING: flag('true'),
    /**
     * Writes the gateway ConfigMaps of DB-less APIs; on unless "false" (then the watcher needs no ConfigMap
     * write permission and records a Warning Event on each DB-less API instead).
     */
    GSO_GATEWAY_CONFIGMAPS: flag('true'),
    /** One active watcher among the replicas, elected on a Lease; on unless "false" (single replica). */
    GSO_LEADER_ELECTION: flag('true'),
    GSO_LEASE_NAME: z
      .string()
      .max(253)
      .regex(DNS_SUBDOMAIN, 'a DNS subdomain such as gso-watcher-leader')
      .default('gso-watcher-leader'),
    /** Namespace of the Lease: the watcher's own (downward API `metadata.namespace`). */
    GSO_LEASE_NAMESPACE: z.string().max(63).regex(DNS_LABEL, 'a namespace name').optional(),
    /** This replica's identity on the Lease (downward API `metadata.name`); the host name by default. */
    GSO_POD_NAME: z
      .string()
      .min(1)
      .default(() => hostname()),
  })
  .superRefine((env, ctx) => {
    if (env.GSO_LEADER_ELECTION && !env.GSO_LEASE_NAMESPACE) {
      ctx.addIssue({
        code: 'custom',
        path: ['GSO_LEASE_NAMESPACE'],
        message:
          "required when GSO_LEADER_ELECTION is true: the namespace of the Lease, normally the watcher's own (downward API metadata.namespace)",
      });
    }
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
