import { z } from 'zod';

/**
 * Identifies one custom resource across clusters: the cluster it lives in, its kind, namespace and name.
 * Every store, queue group and status event is keyed by it.
 */
export const ResourceKeySchema = z.object({
  cluster: z.string().min(1),
  kind: z.string().min(1),
  namespace: z.string().min(1),
  name: z.string().min(1),
});

export type ResourceKey = z.infer<typeof ResourceKeySchema>;

/**
 * Stable string form of a key, also used as the SQS FIFO message group id (per-object order).
 *
 * @example
 * resourceKeyString({ cluster: 'prod-eu', kind: 'ApiV4Definition', namespace: 'apis', name: 'echo' })
 * // 'prod-eu/ApiV4Definition/apis/echo'
 */
export function resourceKeyString(key: ResourceKey): string {
  return `${key.cluster}/${key.kind}/${key.namespace}/${key.name}`;
}

/** Inverse of {@link resourceKeyString}. */
export function parseResourceKey(value: string): ResourceKey {
  const [cluster, kind, namespace, name, ...rest] = value.split('/');
  if (!cluster || !kind || !namespace || !name || rest.length > 0) {
    throw new Error(`not a resource key: "${value}" (expected cluster/kind/namespace/name)`);
  }
  return { cluster, kind, namespace, name };
}
