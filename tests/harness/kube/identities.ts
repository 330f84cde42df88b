import { randomBytes } from 'node:crypto';

/** Namespace the watcher runs in, created by the harness. */
export const WATCHER_NAMESPACE = 'gravitee-serverless-operator';
/** Service account the watcher runs as. */
export const WATCHER_SERVICE_ACCOUNT = 'gso-watcher';

/** The two users a test cluster knows. */
export type KubeUser = 'admin' | 'watcher';

/** A user the API server authenticates by a static bearer token. */
export interface TokenIdentity {
  token: string;
  user: string;
  uid: string;
  groups: string[];
}

/**
 * Fresh random tokens for the cluster's users: an administrator (group system:masters, which RBAC always
 * allows) and the watcher, impersonating how a real service-account token of
 * gravitee-serverless-operator/gso-watcher authenticates, so RBAC rules bound to that service account apply.
 */
export function createIdentities(): Record<KubeUser, TokenIdentity> {
  const token = () => randomBytes(24).toString('hex');
  return {
    admin: { token: token(), user: 'gso-admin', uid: 'gso-admin', groups: ['system:masters'] },
    watcher: {
      token: token(),
      user: `system:serviceaccount:${WATCHER_NAMESPACE}:${WATCHER_SERVICE_ACCOUNT}`,
      uid: `${WATCHER_SERVICE_ACCOUNT}-uid`,
      groups: [
        'system:serviceaccounts',
        `system:serviceaccounts:${WATCHER_NAMESPACE}`,
        'system:authenticated',
      ],
    },
  };
}

/** Content of a `--token-auth-file`: one `token,user,uid,"group1,group2"` line per identity. */
export function staticTokenFile(identities: Iterable<TokenIdentity>): string {
  return [...identities]
    .map(({ token, user, uid, groups }) => `${token},${user},${uid},"${groups.join(',')}"\n`)
    .join('');
}
