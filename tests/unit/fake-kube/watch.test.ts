import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { Watch } from '@kubernetes/client-node';
import { FakeKubeServer, waitUntil } from '../../support/fake-kube/index.ts';

const PATH = '/apis/gravitee.io/v1alpha1/namespaces/default/managementcontexts';

interface Received {
  type: string;
  object: { kind?: string; metadata?: { name?: string; resourceVersion?: string; annotations?: object } };
}

/** A client-node Watch with everything it delivered and how it ended. */
interface Watching {
  events: Received[];
  ended: boolean;
  error: unknown;
  controller: AbortController;
}

function context(name: string, labels: Record<string, string> = {}) {
  return {
    apiVersion: 'gravitee.io/v1alpha1',
    kind: 'ManagementContext',
    metadata: { name, labels },
    spec: { baseUrl: `https://${name}.example.com` },
  };
}

describe('client-node Watch against the fake API server', () => {
  const server = new FakeKubeServer();
  const open: Watching[] = [];

  before(async () => {
    await server.start();
  });

  afterEach(async () => {
    for (const watching of open.splice(0)) watching.controller.abort();
    await waitUntil(() => server.openWatchCount === 0, 'every watch closed');
    for (const object of server.list('managementcontexts'))
      server.delete('managementcontexts', 'default', object.metadata.name);
  });

  after(async () => {
    await server.stop();
  });

  async function watch(query: Record<string, string | boolean | number>): Promise<Watching> {
    const watching = { events: [] as Received[], ended: false, error: undefined as unknown } as Watching;
    watching.controller = await new Watch(server.kubeConfig()).watch(
      PATH,
      query,
      (type, object) => watching.events.push({ type, object }),
      (error) => {
        watching.ended = true;
        watching.error = error;
      },
    );
    open.push(watching);
    return watching;
  }

  it('receives an ERROR event with a 410 Expired Status, then a clean end, when resuming from a compacted resourceVersion', async () => {
    // Prepare
    const old = server.resourceVersion;
    server.apply(context('after-old'));
    server.expireHistory();

    // Act
    const watching = await watch({ resourceVersion: old });
    await waitUntil(() => watching.ended, 'the server ended the watch');

    // Assess
    assert.deepEqual(watching.events, [
      {
        type: 'ERROR',
        object: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `too old resource version: ${old} (${server.resourceVersion})`,
          reason: 'Expired',
          code: 410,
        },
      },
    ]);
    assert.equal(watching.error, null);
  });

  it('replays the changes made after the given resourceVersion, in order', async () => {
    // Prepare
    const start = server.resourceVersion;
    server.apply(context('first'));
    server.apply(context('second'));
    server.delete('managementcontexts', 'default', 'first');

    // Act
    const watching = await watch({ resourceVersion: start });
    await waitUntil(() => watching.events.length >= 3, 'three events replayed');

    // Assess
    assert.deepEqual(
      watching.events.map((e) => `${e.type} ${e.object.metadata?.name}`),
      ['ADDED first', 'ADDED second', 'DELETED first'],
    );
    const versions = watching.events.map((e) => Number(e.object.metadata?.resourceVersion));
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
    );
  });

  it('starts with synthetic ADDED events for existing objects when no resourceVersion is given', async () => {
    // Prepare
    server.apply(context('existing'));

    // Act
    const watching = await watch({});
    await waitUntil(() => watching.events.length >= 1, 'the initial state arrived');

    // Assess
    assert.deepEqual(
      watching.events.map((e) => `${e.type} ${e.object.metadata?.name}`),
      ['ADDED existing'],
    );
  });

  it('sends BOOKMARK events carrying the current resourceVersion when bookmarks are allowed', async () => {
    // Prepare
    server.setWatchBookmarkInterval(20);
    const plain = await watch({ resourceVersion: server.resourceVersion });

    // Act
    const bookmarked = await watch({ resourceVersion: server.resourceVersion, allowWatchBookmarks: true });
    await waitUntil(() => bookmarked.events.length >= 2, 'two bookmarks arrived');

    // Assess
    assert.deepEqual(bookmarked.events[0], {
      type: 'BOOKMARK',
      object: {
        kind: 'ManagementContext',
        apiVersion: 'gravitee.io/v1alpha1',
        metadata: { resourceVersion: server.resourceVersion },
      },
    });
    assert.deepEqual(plain.events, [], 'no bookmark without allowWatchBookmarks');
    server.setWatchBookmarkInterval(60_000);
  });

  it('turns an update that leaves a label selection into DELETED and one that enters it into ADDED', async () => {
    // Prepare
    server.apply(context('selected', { tier: 'gold' }));
    const watching = await watch({ resourceVersion: server.resourceVersion, labelSelector: 'tier=gold' });

    // Act
    server.apply(context('selected', { tier: 'silver' }));
    server.apply(context('selected', { tier: 'gold' }));
    await waitUntil(() => watching.events.length >= 2, 'two events arrived');

    // Assess
    assert.deepEqual(
      watching.events.map((e) => e.type),
      ['DELETED', 'ADDED'],
    );
  });

  it('ends the stream cleanly after timeoutSeconds', async () => {
    // Act
    const watching = await watch({ resourceVersion: server.resourceVersion, timeoutSeconds: 1 });
    await waitUntil(() => watching.ended, 'the server ended the watch', 3000);

    // Assess
    assert.equal(watching.error, null);
  });

  it('reports a network error to the done callback when the server cuts the watch', async () => {
    // Prepare
    const watching = await watch({ resourceVersion: server.resourceVersion });
    await server.waitForWatches(1);

    // Act
    server.closeWatches();
    await waitUntil(() => watching.ended, 'the client noticed the cut');

    // Assess
    assert.ok(watching.error instanceof Error, 'an abrupt close is an error, not a clean end');
  });
});
