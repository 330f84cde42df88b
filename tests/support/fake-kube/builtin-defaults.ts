import type { KubeObject } from './kube-object.ts';

/**
 * Namespace defaults the real server applies on create: the `kubernetes` spec finalizer (which the
 * namespace controller clears once the namespace is empty) and `status.phase: Active`.
 */
export function prepareNamespace(namespace: KubeObject): void {
  const spec = (namespace.spec ?? {}) as { finalizers?: string[] };
  const finalizers = spec.finalizers ?? [];
  namespace.spec = {
    ...spec,
    finalizers: finalizers.includes('kubernetes') ? finalizers : [...finalizers, 'kubernetes'],
  };
  namespace.status = { phase: 'Active' };
}

/** The server always (re)sets the immutable `kubernetes.io/metadata.name` label on namespaces. */
export function normalizeNamespace(namespace: KubeObject): void {
  namespace.metadata.labels = {
    ...namespace.metadata.labels,
    'kubernetes.io/metadata.name': namespace.metadata.name,
  };
}

/**
 * Secrets: `stringData` is write-only sugar that the server folds into base64 `data` (winning over
 * `data` on the same key) and never stores; `type` defaults to `Opaque`.
 */
export function normalizeSecret(secret: KubeObject): void {
  const stringData = secret.stringData as Record<string, string> | undefined;
  if (stringData) {
    const data = { ...(secret.data as Record<string, string> | undefined) };
    for (const [key, value] of Object.entries(stringData)) data[key] = Buffer.from(value).toString('base64');
    secret.data = data;
    delete secret.stringData;
  }
  secret.type ??= 'Opaque';
}
