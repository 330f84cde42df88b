import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ClientNodeCluster } from '../../../lib/kube/client-node-cluster.ts';
import type { ClusterObject, ResourceType, WatchHandle } from '../../../lib/ports/cluster.ts';
import { FakeKubeServer, type KubeObject, waitUntil } from '../../support/fake-kube/index.ts';

const API_V4: ResourceType = {
  kind: 'ApiV4Definition',
  group: 'gravitee.io',
  version: 'v1alpha1',
  plural: 'apiv4definitions',
};
const STOP_CATCH_UP_MS = 3_000;

function api(name: string): KubeObject {
  return {
    apiVersion: 'gravitee.io/v1alpha1',
    kind: 'ApiV4Definition',
    metadata: { name, namespace: 'default' },
    spec: { name, version: '1.0', type: 'PROXY' },
  };
}

describe('stopping a watch of the client-node adapter', () => {
  let server: FakeKubeServer;
  let upserts: string[];
  let deletes: string[];
  let handle: WatchHandle;

  beforeEach(async () => {
    server = new FakeKubeServer();
    await server.start();
    upserts = [];
    deletes = [];
    server.apply(api('old'));
    const cluster = new ClientNodeCluster(server.kubeConfig(), { stopCatchUpMs: STOP_CATCH_UP_MS });
    handle = await cluster.watch(API_V4, 'default', {
      onUpsert: (o: ClusterObject) => upserts.push(o.metadata.name),
      onDelete: (o: ClusterObject) => deletes.push(o.metadata.name),
      onError: () => undefined,
    });
    await server.waitForWatches(1);
  });

  afterEach(async () => {
    await handle.stop();
    await server.stop();
  });

  it('delivers every change the API server made before the stop, even when the stop comes in the same instant', async () => {
    // Prepare
    const names = Array.from({ length: 30 }, (_, i) => `burst-${i}`);

    // Act: nothing of the burst has been read by the client when the stop begins.
    for (const name of names) server.apply(api(name));
    server.delete(API_V4.plural, 'default', 'old');
    const readBeforeStop = upserts.length;
    await handle.stop();

    // Assess
    assert.equal(readBeforeStop, 1, 'only the object listed at start had been delivered');
    assert.deepEqual(upserts.slice(1).sort(), [...names].sort());
    assert.deepEqual(deletes, ['old']);
    await waitUntil(() => server.openWatchCount === 0, 'the server sees the watch closed');
  });

  it('stops without waiting when the API server cannot list', async () => {
    // Prepare
    server.failNextRequests(1, { status: 503, methods: ['GET'], pathPrefix: '/apis/gravitee.io' });

    // Act
    const started = performance.now();
    await handle.stop();
    const tookMs = performance.now() - started;

    // Assess
    assert.ok(tookMs < STOP_CATCH_UP_MS, `stopped after ${tookMs.toFixed(0)} ms`);
    await waitUntil(() => server.openWatchCount === 0, 'the server sees the watch closed');
  });
});
