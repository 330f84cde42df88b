import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { type KubeUser, type TokenIdentity, WATCHER_NAMESPACE } from './identities.ts';

/** Cluster name used in the kubeconfig. */
export const CLUSTER_NAME = 'gso-real-kube';

/**
 * Writes a kubeconfig (mode 0600: it holds tokens) with one context per user, named after the user:
 * `admin` (current, namespace default) and `watcher` (namespace gravitee-serverless-operator). The CA is
 * embedded so the file works on its own, e.g. with kubectl.
 */
export function writeKubeconfigFile(
  path: string,
  cluster: { server: string; caPem: string },
  identities: Record<KubeUser, TokenIdentity>,
): void {
  const users = Object.keys(identities) as KubeUser[];
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: CLUSTER_NAME,
        cluster: {
          server: cluster.server,
          'certificate-authority-data': Buffer.from(cluster.caPem).toString('base64'),
        },
      },
    ],
    users: users.map((user) => ({ name: user, user: { token: identities[user].token } })),
    contexts: users.map((user) => ({
      name: user,
      context: { cluster: CLUSTER_NAME, user, namespace: user === 'watcher' ? WATCHER_NAMESPACE : 'default' },
    })),
    'current-context': 'admin',
  };
  writeFileSync(path, stringify(config), { mode: 0o600 });
}
