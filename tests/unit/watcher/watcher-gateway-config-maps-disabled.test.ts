import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ChangeEvent } from '../../../lib/events/change-event.ts';
import { ClientNodeCluster } from '../../../lib/kube/client-node-cluster.ts';
import { silentLogger } from '../../../lib/log/logger.ts';
import type { ChangePublisher } from '../../../lib/ports/change-publisher.ts';
import { EnvelopeSealer } from '../../../lib/sealing/envelope.ts';
import { LocalKeyWrapper } from '../../../lib/sealing/local-key-wrapper.ts';
import { GATEWAY_CONFIG_MAP_DISABLED_REASON } from '../../../lib/watcher/gateway-config-map-disabled.ts';
import { watchedKinds } from '../../../lib/watcher/watched-kinds.ts';
import { type WatchedKind, Watcher, watcherDefaults } from '../../../lib/watcher/watcher.ts';
import { apiV2Manifest } from '../../support/factories/gko-kinds.ts';
import { apiObject } from '../../support/factories/resources.ts';
import { customResource, FakeKubeServer, type KubeObject, waitUntil } from '../../support/fake-kube/index.ts';

const API_KINDS = watchedKinds().filter(
  (k) => k.kind === 'ApiV4Definition' || k.kind === 'ApiDefinition',
) as WatchedKind[];
const TIMEOUT = 5000;
const RESYNC_MS = 40;

function v4Api(name: string, syncFrom: 'KUBERNETES' | 'MANAGEMENT'): KubeObject {
  const { apiVersion, kind, spec } = apiObject(name, {
    definitionContext: { origin: 'KUBERNETES', syncFrom },
  });
  return { apiVersion, kind, metadata: { name, namespace: 'default' }, spec };
}

describe('watcher with gateway ConfigMaps turned off (GSO_GATEWAY_CONFIGMAPS=false)', () => {
  let server: FakeKubeServer;
  let watcher: Watcher;
  let forwarded: ChangeEvent[];

  beforeEach(async () => {
    server = new FakeKubeServer();
    server.registerResource(customResource('gravitee.io/v1alpha1', 'ApiDefinition', 'apidefinitions'));
    await server.start();
    forwarded = [];
    const publisher: ChangePublisher = {
      publish: async (events) => {
        forwarded.push(...events);
        return [];
      },
    };
    watcher = new Watcher(
      new ClientNodeCluster(server.kubeConfig()),
      publisher,
      new EnvelopeSealer(new LocalKeyWrapper(randomBytes(32))),
      {
        ...watcherDefaults,
        cluster: 'c1',
        kinds: API_KINDS,
        gatewayConfigMaps: false,
        resyncIntervalMs: RESYNC_MS,
        restartDelayMs: 50,
        lingerMs: 5,
        logger: silentLogger,
      },
    );
  });

  afterEach(async () => {
    await watcher.stop(2000);
    await server.stop();
  });

  const warnings = (name: string) =>
    server
      .list('events', 'default')
      .filter(
        (e) =>
          (e as { involvedObject?: { name?: string } }).involvedObject?.name === name &&
          (e as { reason?: string }).reason === GATEWAY_CONFIG_MAP_DISABLED_REASON,
      ) as Array<KubeObject & { type?: string; message?: string }>;
  const forwardedNames = () => forwarded.map((e) => e.data.metadata.name);
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('records one Warning Event per DB-less API, v4 and v2, saying how to enable it, and touches no ConfigMap', async () => {
    // Prepare
    server.apply(v4Api('v4-dbless', 'KUBERNETES'));
    server.apply(apiV2Manifest('v2-local', 'apim', { local: true, state: 'STARTED' }));
    server.apply(v4Api('v4-managed', 'MANAGEMENT'));

    // Act
    await watcher.start();
    await waitUntil(() => forwarded.length >= 3, 'the three APIs are forwarded', TIMEOUT);
    await pause(RESYNC_MS * 4);

    // Assess
    const [v4Warning] = warnings('v4-dbless');
    const [v2Warning] = warnings('v2-local');
    assert.equal(warnings('v4-dbless').length, 1, 'once, not again on the resyncs that followed');
    assert.equal(warnings('v2-local').length, 1);
    assert.equal(warnings('v4-managed').length, 0, 'an API gateways read from APIM needs no ConfigMap');
    assert.equal(v4Warning?.type, 'Warning');
    assert.match(v4Warning?.message ?? '', /gateway ConfigMap not written/);
    assert.match(v4Warning?.message ?? '', /GSO_GATEWAY_CONFIGMAPS=true/);
    assert.match(v4Warning?.message ?? '', /syncFrom/);
    assert.match(v2Warning?.message ?? '', /local/);
    assert.deepEqual(forwardedNames().sort(), ['v2-local', 'v4-dbless', 'v4-managed'], 'still forwarded');
    assert.deepEqual(
      server.requests.filter((r) => r.path.includes('/configmaps')),
      [],
      'no ConfigMap read, listed or written',
    );
  });

  it('records the warning again for a new generation, not for a status change', async () => {
    // Prepare
    const api = v4Api('v4-dbless', 'KUBERNETES');
    server.apply(api);
    await watcher.start();
    await waitUntil(() => warnings('v4-dbless').length === 1, 'the first warning', TIMEOUT);

    // Act
    server.setStatus('apiv4definitions', 'default', 'v4-dbless', { processingStatus: 'Completed' });
    await pause(RESYNC_MS * 4);
    const afterStatusChange = warnings('v4-dbless').length;
    server.apply({ ...api, spec: { ...(api.spec as Record<string, unknown>), description: 'v2' } });
    await waitUntil(() => warnings('v4-dbless').length === 2, 'a warning for generation 2', TIMEOUT);

    // Assess
    assert.equal(afterStatusChange, 1);
    assert.equal(server.get('apiv4definitions', 'default', 'v4-dbless')?.metadata.generation, 2);
  });
});
