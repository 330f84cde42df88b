import { KubeConfig } from '@kubernetes/client-node';

/**
 * A client-node KubeConfig for a plain-HTTP server. client-node 2.x refuses `http:` clusters unless
 * `skipTLSVerify` is set, so it is; `token: null` builds a user without credentials.
 */
export function kubeConfigFor(server: string, token: string | null, namespace = 'default'): KubeConfig {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'fake-kube', server, skipTLSVerify: true }],
    users: [{ name: 'fake-kube-user', ...(token !== null ? { token } : {}) }],
    contexts: [{ name: 'fake-kube', cluster: 'fake-kube', user: 'fake-kube-user', namespace }],
    currentContext: 'fake-kube',
  });
  return config;
}
