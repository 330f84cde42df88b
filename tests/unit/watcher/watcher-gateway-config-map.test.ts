import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, it } from 'node:test';
import { ClientNodeCluster } from '../../../lib/kube/client-node-cluster.ts';
import { silentLogger } from '../../../lib/log/logger.ts';
import type { ChangePublisher } from '../../../lib/ports/change-publisher.ts';
import { EnvelopeSealer } from '../../../lib/sealing/envelope.ts';
import { LocalKeyWrapper } from '../../../lib/sealing/local-key-wrapper.ts';
import { watchedKinds } from '../../../lib/watcher/watched-kinds.ts';
import { type WatchedKind, Watcher, watcherDefaults } from '../../../lib/watcher/watcher.ts';
import { customResource, FakeKubeServer, type KubeObject, waitUntil } from '../../support/fake-kube/index.ts';

const kinds = watchedKinds();
const API_KINDS = kinds.filter(
  (k) => k.kind === 'ApiV4Definition' || k.kind === 'ApiDefinition',
) as WatchedKind[];
const TIMEOUT = 5000;

function v4Api(name: string, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'gravitee.io/v1alpha1',
    kind: 'ApiV4Definition',
    metadata: { name, namespace: 'default' },
    spec: {
      name,
      version: '1.0',
      type: 'PROXY',
      state: 'STARTED',
      definitionContext: { origin: 'KUBERNETES', syncFrom: 'KUBERNETES' },
      listeners: [
        { type: 'HTTP', paths: [{ path: `/${name}` }], entrypoints: [{ type: 'http-proxy', qos: 'AUTO' }] },
      ],
      endpointGroups: [
        {
          name: 'default',
          type: 'http-proxy',
          endpoints: [
            { name: 'b', type: 'http-proxy', configuration: { target: 'https://backend.example' } },
          ],
        },
      ],
      plans: { KeyLess: { name: 'Free', security: { type: 'KEY_LESS' } } },
      ...spec,
    },
  };
}

function v2Api(name: string, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'gravitee.io/v1alpha1',
    kind: 'ApiDefinition',
    metadata: { name, namespace: 'default' },
    spec: {
      name,
      version: '1.0',
      description: 'v2 API',
      local: true,
      state: 'STARTED',
      plans: [{ name: 'KEY_LESS', security: 'KEY_LESS' }],
      proxy: {
        virtual_hosts: [{ path: `/${name}` }],
        groups: [{ endpoints: [{ target: 'https://b.example' }] }],
      },
      ...spec,
    },
  };
}

describe('watcher writing gateway ConfigMaps through the API server', () => {
  let server: FakeKubeServer;
  let watcher: Watcher | undefined;

  async function start(options: { garbageCollection?: boolean } = {}): Promise<void> {
    server = new FakeKubeServer(options);
    server.registerResource(customResource('gravitee.io/v1alpha1', 'ApiDefinition', 'apidefinitions'));
    await server.start();
  }

  async function startWatcher(): Promise<Watcher> {
    const publisher: ChangePublisher = { publish: async () => [] };
    watcher = new Watcher(
      new ClientNodeCluster(server.kubeConfig()),
      publisher,
      new EnvelopeSealer(new LocalKeyWrapper(randomBytes(32))),
      {
        ...watcherDefaults,
        cluster: 'c1',
        kinds: API_KINDS,
        resyncIntervalMs: 0,
        restartDelayMs: 50,
        lingerMs: 5,
        logger: silentLogger,
      },
    );
    await watcher.start();
    return watcher;
  }

  afterEach(async () => {
    await watcher?.stop(2000);
    watcher = undefined;
    await server.stop();
  });

  const configMap = () => server.get('configmaps', 'default', 'echo');
  const data = () => configMap()?.data as Record<string, string> | undefined;
  const definition = () => JSON.parse(data()?.definition ?? '{}') as Record<string, unknown>;
  const edit = (object: KubeObject, spec: Record<string, unknown>) =>
    server.apply({ ...object, spec: { ...(object.spec as Record<string, unknown>), ...spec } });

  /** What the status writer does once APIM confirmed the delete: releases the finalizer. */
  function releaseFinalizers(plural: string): void {
    const current = server.get(plural, 'default', 'echo');
    assert.ok(current?.metadata.deletionTimestamp, 'the API is held by its finalizer');
    server.apply({ ...current, metadata: { ...current.metadata, finalizers: [] } });
  }

  it('follows a v4 API syncing from kubernetes: written, updated, removed when stopped, removed when deleted', async () => {
    // Prepare
    await start();
    const api = v4Api('echo');
    server.apply(api);
    await startWatcher();

    // Act
    await waitUntil(() => configMap() !== undefined, 'the ConfigMap is written', TIMEOUT);
    const written = configMap();
    const uid = server.get('apiv4definitions', 'default', 'echo')?.metadata.uid;
    edit(api, { description: 'second version' });
    await waitUntil(() => definition().description === 'second version', 'the ConfigMap is updated', TIMEOUT);
    edit(api, { description: 'second version', state: 'STOPPED' });
    await waitUntil(() => configMap() === undefined, 'the ConfigMap of the stopped API is removed', TIMEOUT);
    edit(api, { description: 'second version', state: 'STARTED' });
    await waitUntil(() => configMap() !== undefined, 'the ConfigMap of the restarted API is back', TIMEOUT);
    server.delete('apiv4definitions', 'default', 'echo');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const whileDeleting = configMap();
    releaseFinalizers('apiv4definitions');
    await waitUntil(() => configMap() === undefined, 'the ConfigMap of the deleted API is removed', TIMEOUT);

    // Assess
    const owner = server.get('apiv4definitions', 'default', 'echo');
    assert.equal(owner, undefined);
    assert.deepEqual(written?.metadata.labels, {
      'managed-by': 'gravitee.io',
      'gio-type': 'apidefinitions.gravitee.io',
    });
    assert.deepEqual(written?.metadata.ownerReferences, [
      { apiVersion: 'gravitee.io/v1alpha1', kind: 'ApiV4Definition', name: 'echo', uid },
    ]);
    assert.equal((written?.data as Record<string, string> | undefined)?.apiDefinitionVersion, '4.0.0');
    assert.ok(whileDeleting, 'the gateway keeps serving the API until it is gone, as with GKO');
  });

  it('writes a v2 local API and removes it when stopped and when deleted', async () => {
    // Prepare
    await start();
    const api = v2Api('echo');
    server.apply(api);
    await startWatcher();

    // Act
    await waitUntil(() => configMap() !== undefined, 'the ConfigMap is written', TIMEOUT);
    const written = definition();
    const uid = server.get('apidefinitions', 'default', 'echo')?.metadata.uid;
    edit(api, { state: 'STOPPED' });
    await waitUntil(() => configMap() === undefined, 'the ConfigMap of the stopped API is removed', TIMEOUT);
    edit(api, { state: 'STARTED' });
    await waitUntil(() => configMap() !== undefined, 'the ConfigMap of the restarted API is back', TIMEOUT);
    server.delete('apidefinitions', 'default', 'echo');
    releaseFinalizers('apidefinitions');
    await waitUntil(() => configMap() === undefined, 'the ConfigMap of the deleted API is removed', TIMEOUT);

    // Assess
    assert.equal(written.id, uid);
    assert.equal(written.local, true);
    assert.deepEqual(written.definition_context, {
      origin: 'kubernetes',
      mode: 'fully_managed',
      syncFrom: 'KUBERNETES',
    });
  });

  it('with a management context writes the ConfigMap only once APIM accepted the generation', async () => {
    // Prepare
    await start();
    server.apply(v4Api('echo', { contextRef: { name: 'dev-ctx' } }));
    await startWatcher();
    await waitUntil(
      () => (server.get('apiv4definitions', 'default', 'echo')?.metadata.finalizers ?? []).length > 0,
      'the watcher took the API',
      TIMEOUT,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const beforeAcceptance = configMap();

    // Act
    const generation = server.get('apiv4definitions', 'default', 'echo')?.metadata.generation;
    server.setStatus('apiv4definitions', 'default', 'echo', {
      id: 'apim-id',
      organizationId: 'org-1',
      environmentId: 'env-1',
      conditions: [
        {
          type: 'Accepted',
          status: 'True',
          reason: 'Accepted',
          message: 'Synced with APIM',
          observedGeneration: generation,
          lastTransitionTime: new Date().toISOString(),
        },
      ],
    });
    await waitUntil(() => configMap() !== undefined, 'the ConfigMap is written', TIMEOUT);

    // Assess
    assert.equal(beforeAcceptance, undefined);
    assert.equal(data()?.organizationId, 'org-1');
    assert.equal(definition().id, 'apim-id');
  });

  it('removes the ConfigMap when the API switches to sync from management', async () => {
    // Prepare
    await start();
    const api = v4Api('echo');
    server.apply(api);
    await startWatcher();
    await waitUntil(() => configMap() !== undefined, 'the ConfigMap is written', TIMEOUT);

    // Act
    edit(api, { definitionContext: { origin: 'KUBERNETES', syncFrom: 'MANAGEMENT' } });
    await waitUntil(() => configMap() === undefined, 'the ConfigMap is removed', TIMEOUT);

    // Assess
    assert.ok(server.get('apiv4definitions', 'default', 'echo'), 'the API itself stays');
  });

  it('owns the ConfigMap so that Kubernetes deletes it with the API while the watcher is down', async () => {
    // Prepare
    await start({ garbageCollection: true });
    server.apply(v4Api('echo'));
    const running = await startWatcher();
    await waitUntil(() => configMap() !== undefined, 'the ConfigMap is written', TIMEOUT);
    await running.stop(2000);
    watcher = undefined;

    // Act
    server.delete('apiv4definitions', 'default', 'echo');
    releaseFinalizers('apiv4definitions');

    // Assess
    assert.equal(configMap(), undefined);
  });
});
