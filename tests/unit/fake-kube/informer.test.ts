import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  CustomObjectsApi,
  type Informer,
  type KubernetesObject,
  makeInformer,
  type ObjectCache,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { FakeKubeServer, waitUntil } from '../../support/fake-kube/index.ts';

const GROUP = 'gravitee.io';
const VERSION = 'v1alpha1';
const PLURAL = 'managementcontexts';
const NAMESPACE = 'default';
const PATH = `/apis/${GROUP}/${VERSION}/namespaces/${NAMESPACE}/${PLURAL}`;

type Seen = { verb: 'add' | 'update' | 'delete'; name: string; resourceVersion: string | undefined };

/** An informer over the namespace's ManagementContexts plus a journal of what it reported. */
interface Observed {
  informer: Informer<KubernetesObject> & ObjectCache<KubernetesObject>;
  seen: Seen[];
  errors: unknown[];
  connects: number;
}

function context(name: string) {
  return {
    apiVersion: `${GROUP}/${VERSION}`,
    kind: 'ManagementContext',
    metadata: { name, namespace: NAMESPACE },
    spec: { baseUrl: `https://${name}.example.com` },
  };
}

describe('client-node informers against the fake API server', () => {
  const server = new FakeKubeServer();
  let api: CustomObjectsApi;
  const running: Observed[] = [];

  before(async () => {
    await server.start();
    api = server.kubeConfig().makeApiClient(CustomObjectsApi);
  });

  afterEach(async () => {
    for (const observed of running.splice(0)) await observed.informer.stop();
    await waitUntil(() => server.openWatchCount === 0, 'the stopped informers closed their watches');
    for (const object of server.list(PLURAL, NAMESPACE)) {
      const stored = server.get(PLURAL, NAMESPACE, object.metadata.name);
      if (stored?.metadata.finalizers)
        server.apply({ ...stored, metadata: { ...stored.metadata, finalizers: [] } });
      server.delete(PLURAL, NAMESPACE, object.metadata.name);
    }
  });

  after(async () => {
    await server.stop();
  });

  /** Starts an informer with a CustomObjectsApi list function and waits until its watch is open. */
  async function observe(): Promise<Observed> {
    const informer = makeInformer(server.kubeConfig(), PATH, () =>
      api.listNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        namespace: NAMESPACE,
        plural: PLURAL,
      }),
    );
    const observed: Observed = { informer, seen: [], errors: [], connects: 0 };
    for (const verb of ['add', 'update', 'delete'] as const) {
      informer.on(verb, (object) =>
        observed.seen.push({
          verb,
          name: object.metadata?.name ?? '',
          resourceVersion: object.metadata?.resourceVersion,
        }),
      );
    }
    informer.on('error', (error) => observed.errors.push(error));
    informer.on('connect', () => {
      observed.connects += 1;
    });
    running.push(observed);
    const watchesBefore = server.openWatchCount;
    await informer.start();
    await server.waitForWatches(watchesBefore + 1);
    return observed;
  }

  const names = (observed: Observed) => observed.informer.list(NAMESPACE).map((o) => o.metadata?.name ?? '');

  it('reports objects added, updated and deleted through the API', async () => {
    // Prepare
    const observed = await observe();

    // Act
    await api.createNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: NAMESPACE,
      plural: PLURAL,
      body: context('watched'),
    });
    await api.patchNamespacedCustomObject(
      {
        group: GROUP,
        version: VERSION,
        namespace: NAMESPACE,
        plural: PLURAL,
        name: 'watched',
        body: { spec: { baseUrl: 'https://changed.example.com' } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await api.deleteNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: NAMESPACE,
      plural: PLURAL,
      name: 'watched',
    });
    await waitUntil(() => observed.seen.length >= 3, 'the informer reported three changes');

    // Assess
    assert.deepEqual(
      observed.seen.map((s) => `${s.verb} ${s.name}`),
      ['add watched', 'update watched', 'delete watched'],
    );
    assert.deepEqual(observed.errors, []);
  });

  it('sees finalization as an update carrying deletionTimestamp followed by a delete', async () => {
    // Prepare
    server.apply({
      ...context('finalized'),
      metadata: { ...context('finalized').metadata, finalizers: ['x.io/y'] },
    });
    const observed = await observe();

    // Act
    server.delete(PLURAL, NAMESPACE, 'finalized');
    await waitUntil(() => observed.seen.length >= 2, 'the informer saw the deletion mark');
    const marked = observed.informer.get('finalized', NAMESPACE);
    const stored = server.get(PLURAL, NAMESPACE, 'finalized');
    if (stored) server.apply({ ...stored, metadata: { ...stored.metadata, finalizers: [] } });
    await waitUntil(() => observed.seen.length >= 3, 'the informer saw the deletion');

    // Assess
    assert.ok(marked?.metadata?.deletionTimestamp, 'the cached object carries deletionTimestamp');
    assert.deepEqual(
      observed.seen.map((s) => s.verb),
      ['add', 'update', 'delete'],
    );
    assert.deepEqual(names(observed), []);
  });

  it('reports an error when its watch is cut, and resumes without relisting when restarted', async () => {
    // Prepare
    server.apply(context('before-cut'));
    const observed = await observe();

    // Act
    server.closeWatches();
    await waitUntil(() => observed.errors.length > 0, 'the informer reported the cut');
    server.apply(context('during-cut'));
    server.clearRequests();
    await observed.informer.start();
    await server.waitForWatches(1);
    await waitUntil(() => names(observed).includes('during-cut'), 'the informer caught up');

    // Assess
    assert.equal(observed.errors.length, 1);
    const requests = server.requests.map((r) => `${r.method} ${r.watch ? 'watch' : 'list'}`);
    assert.deepEqual(requests, ['GET watch'], 'the restart resumed the watch, it did not list again');
    assert.deepEqual(names(observed).sort(), ['before-cut', 'during-cut']);
  });

  it('relists by itself when its watch resumes from an expired resourceVersion (410 Expired)', async () => {
    // Prepare
    server.apply(context('kept'));
    server.apply(context('removed-while-away'));
    const observed = await observe();
    server.closeWatches();
    await waitUntil(() => observed.errors.length > 0, 'the informer reported the cut');
    server.apply(context('added-while-away'));
    server.delete(PLURAL, NAMESPACE, 'removed-while-away');
    server.expireHistory();
    server.clearRequests();

    // Act
    await observed.informer.start();
    await waitUntil(() => names(observed).includes('added-while-away'), 'the informer relisted');
    // The 410 watch may still count as open: wait for the new watch itself. Stopping the informer between its
    // relist and that watch would leak the watch (client-node 2.0.1 does not re-check `stopped` there).
    await waitUntil(
      () => server.requests.filter((r) => r.watch).length === 2 && server.openWatchCount === 1,
      'the informer watched again after relisting',
    );

    // Assess
    assert.deepEqual(names(observed).sort(), ['added-while-away', 'kept']);
    assert.ok(
      observed.seen.some((s) => s.verb === 'delete' && s.name === 'removed-while-away'),
      'the relist reported the object deleted while away',
    );
    assert.deepEqual(
      server.requests.map((r) => `${r.method} ${r.watch ? 'watch' : 'list'}`),
      ['GET watch', 'GET list', 'GET watch'],
      'watch from the old resourceVersion (410), relist, watch again',
    );
    assert.equal(observed.errors.length, 1, 'client-node 2.0.1 handles 410 itself: no extra error callback');
  });

  it('reconnects by itself, without an error, when the server ends its watch cleanly', async () => {
    // Prepare
    const observed = await observe();
    const connectsBefore = observed.connects;

    // Act
    server.closeWatches({ graceful: true });
    await waitUntil(() => observed.connects > connectsBefore, 'the informer reconnected');
    await server.waitForWatches(1);
    server.apply(context('after-reconnect'));
    await waitUntil(() => names(observed).includes('after-reconnect'), 'the informer saw the new object');

    // Assess
    assert.deepEqual(observed.errors, []);
  });
});
