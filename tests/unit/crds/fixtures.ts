/**
 * Minimal valid manifests, rebuilt for every test so mutations do not leak between tests.
 *
 * They are typed loosely on purpose: negative tests write values the contracts forbid.
 */

// biome-ignore lint/suspicious/noExplicitAny: tests mutate these manifests into invalid shapes.
type Manifest = Record<string, any>;

/** A minimal, valid ApiV4Definition manifest. */
export function apiV4Manifest(): Manifest {
  return {
    apiVersion: 'gravitee.io/v1alpha1',
    kind: 'ApiV4Definition',
    metadata: { name: 'echo', namespace: 'default' },
    spec: {
      name: 'echo',
      version: '1.0',
      type: 'PROXY',
      contextRef: { name: 'dev-ctx' },
      listeners: [{ type: 'HTTP', paths: [{ path: '/echo' }], entrypoints: [{ type: 'http-proxy' }] }],
      endpointGroups: [
        {
          name: 'default',
          type: 'http-proxy',
          endpoints: [
            {
              name: 'default',
              type: 'http-proxy',
              inheritConfiguration: false,
              configuration: { target: 'https://api.gravitee.io/echo' },
            },
          ],
        },
      ],
      plans: { keyless: { name: 'Free', security: { type: 'KEY_LESS' } } },
    },
  };
}

/** A minimal, valid ManagementContext manifest. */
export function managementContextManifest(): Manifest {
  return {
    apiVersion: 'gravitee.io/v1alpha1',
    kind: 'ManagementContext',
    metadata: { name: 'dev-ctx' },
    spec: {
      baseUrl: 'http://apim:8083',
      environmentId: 'DEFAULT',
      organizationId: 'DEFAULT',
      auth: { credentials: { username: 'admin', password: 'admin' } },
    },
  };
}
