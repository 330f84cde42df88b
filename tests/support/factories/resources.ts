import { randomUUID } from 'node:crypto';
import type { ClusterObject } from '../../../lib/ports/cluster.ts';

/** Test factories: realistic objects as the API server would hand them to the watcher. */
export function contextObject(
  name = 'dev-ctx',
  spec: Record<string, unknown> = {},
  meta: Partial<ClusterObject['metadata']> = {},
): ClusterObject & { kind: string; apiVersion: string } {
  return {
    apiVersion: 'gravitee.io/v1alpha1',
    kind: 'ManagementContext',
    metadata: { name, namespace: 'default', uid: randomUUID(), resourceVersion: '1', generation: 1, ...meta },
    spec: {
      baseUrl: 'http://127.0.0.1:1',
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
      auth: { bearerToken: 's3cr3t-token-value' },
      ...spec,
    },
  };
}

export function apiObject(
  name = 'echo',
  spec: Record<string, unknown> = {},
  meta: Partial<ClusterObject['metadata']> = {},
): ClusterObject & { kind: string; apiVersion: string } {
  return {
    apiVersion: 'gravitee.io/v1alpha1',
    kind: 'ApiV4Definition',
    metadata: { name, namespace: 'default', uid: randomUUID(), resourceVersion: '1', generation: 1, ...meta },
    spec: {
      contextRef: { name: 'dev-ctx' },
      name,
      version: '1.0',
      type: 'PROXY',
      state: 'STARTED',
      lifecycleState: 'UNPUBLISHED',
      visibility: 'PRIVATE',
      definitionVersion: 'V4',
      listeners: [
        { type: 'HTTP', paths: [{ path: `/${name}` }], entrypoints: [{ type: 'http-proxy', qos: 'AUTO' }] },
      ],
      endpointGroups: [
        {
          name: 'default',
          type: 'http-proxy',
          endpoints: [
            {
              name: 'backend',
              type: 'http-proxy',
              inheritConfiguration: false,
              configuration: { target: 'https://backend.example.com' },
              weight: 1,
              secondary: false,
            },
          ],
        },
      ],
      plans: {
        'keyless-plan': {
          name: 'Keyless',
          security: { type: 'KEY_LESS' },
          status: 'PUBLISHED',
          type: 'API',
          mode: 'STANDARD',
          validation: 'AUTO',
        },
      },
      ...spec,
    },
  };
}
