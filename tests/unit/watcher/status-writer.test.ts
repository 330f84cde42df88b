import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { StatusDetail } from '../../../lib/events/status-event.ts';
import { EmbeddedBus } from '../../../lib/local/embedded-bus.ts';
import { EmbeddedQueue } from '../../../lib/local/embedded-queue.ts';
import { ManifestCluster } from '../../../lib/local/manifest-cluster.ts';
import { silentLogger } from '../../../lib/log/logger.ts';
import { acceptedStatus, failedStatus } from '../../../lib/sync/status.ts';
import { StatusWriter } from '../../../lib/watcher/status-writer.ts';
import { statusFieldsByKind, watchedKinds } from '../../../lib/watcher/watched-kinds.ts';
import { apiObject } from '../../support/factories/resources.ts';

const kinds = watchedKinds();
const apiKind = kinds.find((k) => k.kind === 'ApiV4Definition');

describe('status writer', () => {
  let cluster: ManifestCluster;
  let queue: EmbeddedQueue;
  let bus: EmbeddedBus;
  let writer: StatusWriter;

  beforeEach(() => {
    cluster = new ManifestCluster({ logger: silentLogger });
    queue = new EmbeddedQueue({ name: 'status', fifo: false });
    bus = new EmbeddedBus();
    bus.addRule({ name: 'mine', cluster: 'c1', target: queue });
    writer = new StatusWriter(cluster, queue, {
      cluster: 'c1',
      kinds,
      statusFields: statusFieldsByKind(),
      batchSize: 10,
      waitSeconds: 0,
      logger: silentLogger,
    });
  });

  function load(generationBumps = 0) {
    const api = apiObject('echo');
    const doc = { apiVersion: api.apiVersion, kind: api.kind, metadata: { name: 'echo' }, spec: api.spec };
    cluster.load([{ file: 'x', index: 0, doc }]);
    for (let i = 1; i <= generationBumps; i++) {
      cluster.load([{ file: 'x', index: 0, doc: { ...doc, spec: { ...api.spec, description: `v${i}` } } }]);
    }
    return cluster.list('ApiV4Definition')[0];
  }

  function detail(
    uid: string,
    generation: number,
    outcome: StatusDetail['outcome'],
    time: string,
    ok = true,
  ): StatusDetail {
    const now = new Date(time);
    return {
      cluster: 'c1',
      kind: 'ApiV4Definition',
      namespace: 'default',
      name: 'echo',
      uid,
      generation,
      outcome,
      status: ok
        ? acceptedStatus({ id: 'api-1', crossId: 'x-1', plans: { keyless: 'p-1' } }, generation, now)
        : failedStatus(
            undefined,
            { reason: 'ApimUnavailable', message: 'down', refsResolved: true },
            generation,
            now,
          ),
      apim: [],
      correlationId: `c-${generation}`,
      attempt: 1,
      durationMs: 1,
      time,
    };
  }

  async function deliver(...details: StatusDetail[]) {
    await bus.publish(details);
    for (const message of await queue.receive(10, 0)) await writer.handleMessage(message);
  }

  it('writes GKO status fields and conditions with observedGeneration', async () => {
    const api = load();
    assert.ok(api);
    await deliver(detail(api.metadata.uid, 1, 'Synced', '2026-01-01T00:00:01Z'));
    const status = cluster.list('ApiV4Definition')[0]?.status as Record<string, unknown>;
    assert.equal(status.id, 'api-1');
    assert.deepEqual(status.plans, { keyless: 'p-1' });
    assert.equal((status.conditions as Array<{ observedGeneration: number }>)[0]?.observedGeneration, 1);
    assert.equal(status.processingStatus, 'Completed');
  });

  it('ignores a status for an older generation than the one written', async () => {
    const api = load(1);
    assert.ok(api);
    await deliver(detail(api.metadata.uid, 2, 'Synced', '2026-01-01T00:00:02Z'));
    await deliver(detail(api.metadata.uid, 1, 'SyncFailed', '2026-01-01T00:00:03Z', false));
    const conditions = (cluster.list('ApiV4Definition')[0]?.status?.conditions ?? []) as Array<{
      type: string;
      status: string;
      observedGeneration: number;
    }>;
    assert.equal(conditions.find((c) => c.type === 'Accepted')?.status, 'True');
    assert.equal(conditions.find((c) => c.type === 'Accepted')?.observedGeneration, 2);
  });

  it('ignores an earlier outcome of the same generation that arrives late', async () => {
    const api = load();
    assert.ok(api);
    await deliver(detail(api.metadata.uid, 1, 'Synced', '2026-01-01T00:00:05Z'));
    await deliver(detail(api.metadata.uid, 1, 'SyncFailed', '2026-01-01T00:00:04Z', false));
    const conditions = (cluster.list('ApiV4Definition')[0]?.status?.conditions ?? []) as Array<{
      type: string;
      status: string;
    }>;
    assert.equal(conditions.find((c) => c.type === 'Accepted')?.status, 'True');
  });

  it('ignores status events of another cluster or another object with the same name', async () => {
    const api = load();
    assert.ok(api);
    await deliver({ ...detail('someone-else', 1, 'Synced', '2026-01-01T00:00:01Z') });
    assert.deepEqual(cluster.list('ApiV4Definition')[0]?.status, {});
  });

  it('releases the finalizer on Deleted, so the object goes away', async () => {
    const api = load();
    assert.ok(api && apiKind);
    await cluster.replaceFinalizers(apiKind, api, [apiKind.finalizer]);
    cluster.load([]);
    assert.ok(cluster.list('ApiV4Definition')[0]?.metadata.deletionTimestamp, 'held by the finalizer');
    await deliver(detail(api.metadata.uid, 1, 'Deleted', '2026-01-01T00:00:09Z'));
    assert.equal(cluster.list('ApiV4Definition').length, 0);
    assert.ok(cluster.events.some((e) => e.reason === 'DeleteSucceeded'));
  });

  it('keeps the finalizer when the delete failed', async () => {
    const api = load();
    assert.ok(api && apiKind);
    await cluster.replaceFinalizers(apiKind, api, [apiKind.finalizer]);
    cluster.load([]);
    await deliver(detail(api.metadata.uid, 1, 'DeleteFailed', '2026-01-01T00:00:09Z', false));
    assert.equal(cluster.list('ApiV4Definition').length, 1);
    assert.ok(cluster.events.some((e) => e.reason === 'DeleteFailed' && e.type === 'Warning'));
  });
});
