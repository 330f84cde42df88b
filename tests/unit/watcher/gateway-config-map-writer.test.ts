import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ClientNodeCluster } from '../../../lib/kube/client-node-cluster.ts';
import { ManifestCluster } from '../../../lib/local/manifest-cluster.ts';
import { JsonLogger, silentLogger } from '../../../lib/log/logger.ts';
import type { ManifestDocument } from '../../../lib/manifests/load-manifests.ts';
import type { ClusterApi, ClusterObject, ResourceType } from '../../../lib/ports/cluster.ts';
import { GATEWAY_CONFIG_MAP_LABELS, gatewayConfigMapOf } from '../../../lib/watcher/gateway-config-map.ts';
import { GatewayConfigMapWriter } from '../../../lib/watcher/gateway-config-map-writer.ts';
import { watchedKinds } from '../../../lib/watcher/watched-kinds.ts';
import { FakeKubeServer } from '../../support/fake-kube/index.ts';

const kinds = watchedKinds();
const API_V4 = kinds.find((k) => k.kind === 'ApiV4Definition') as ResourceType;

/** A DB-less v4 API (no context, sync from kubernetes) as the API server hands it over. */
function localApi(name: string, spec: Record<string, unknown> = {}, uid = `uid-${name}`): ClusterObject {
  return {
    apiVersion: 'gravitee.io/v1alpha1',
    kind: 'ApiV4Definition',
    metadata: { name, namespace: 'default', uid, resourceVersion: '3', generation: 1 },
    spec: {
      name,
      version: '1',
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

function manifest(...docs: Array<Record<string, unknown>>): ManifestDocument[] {
  return docs.map((doc, index) => ({ file: 'test.yaml', index, doc }));
}

function definitionIn(data: Record<string, string> | undefined): Record<string, unknown> {
  return JSON.parse(data?.definition ?? 'null') as Record<string, unknown>;
}

describe('gateway ConfigMap writer in local mode', () => {
  let cluster: ManifestCluster;
  let writer: GatewayConfigMapWriter;

  beforeEach(() => {
    cluster = new ManifestCluster({ logger: silentLogger });
    writer = new GatewayConfigMapWriter(cluster, { logger: silentLogger, kinds });
  });

  it('writes a DB-less API once and leaves it alone while it does not change', async () => {
    // Prepare
    const api = localApi('echo');

    // Act
    const first = await writer.onUpsert(API_V4, api);
    const stored = await cluster.getConfigMap('default', 'echo');
    const second = await writer.onUpsert(API_V4, {
      ...api,
      metadata: { ...api.metadata, resourceVersion: '4' },
    });
    const after = await cluster.getConfigMap('default', 'echo');

    // Assess
    assert.deepEqual([first, second], ['created', 'unchanged']);
    assert.ok(stored);
    assert.equal(after?.metadata.resourceVersion, stored.metadata.resourceVersion);
    assert.deepEqual(stored.metadata.labels, { ...GATEWAY_CONFIG_MAP_LABELS });
  });

  it('renders templates and inlines referenced ApiResources into the definition', async () => {
    // Prepare
    cluster.load(
      manifest(
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'backend' },
          stringData: { url: 'https://secret.example' },
        },
        {
          apiVersion: 'gravitee.io/v1alpha1',
          kind: 'ApiResource',
          metadata: { name: 'cache' },
          spec: { name: 'cache', type: 'cache', enabled: true, configuration: { timeToLiveSeconds: 60 } },
        },
      ),
    );
    const api = localApi('echo', {
      resources: [{ ref: { name: 'cache' } }],
      endpointGroups: [
        {
          name: 'default',
          type: 'http-proxy',
          endpoints: [
            { name: 'b', type: 'http-proxy', configuration: { target: '[[ secret `backend/url` ]]' } },
          ],
        },
      ],
    });

    // Act
    const outcome = await writer.onUpsert(API_V4, api);

    // Assess
    assert.equal(outcome, 'created');
    const definition = definitionIn((await cluster.getConfigMap('default', 'echo'))?.data) as {
      resources: unknown[];
      endpointGroups: Array<{ endpoints: Array<{ configuration: { target: string } }> }>;
    };
    assert.equal(definition.endpointGroups[0]?.endpoints[0]?.configuration.target, 'https://secret.example');
    assert.deepEqual(definition.resources, [
      { name: 'cache', type: 'cache', enabled: true, configuration: { timeToLiveSeconds: 60 } },
    ]);
  });

  it('writes nothing while a referenced ApiResource is missing', async () => {
    // Prepare
    const api = localApi('echo', { resources: [{ ref: { name: 'missing' } }] });

    // Act
    const outcome = await writer.onUpsert(API_V4, api);

    // Assess
    assert.equal(outcome, 'held');
    assert.equal(await cluster.getConfigMap('default', 'echo'), undefined);
  });

  it('refuses to overwrite a ConfigMap of the same name that is not a gateway ConfigMap, and says so once', async () => {
    // Prepare
    cluster.load(
      manifest({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'echo' }, data: { mine: 'yes' } }),
    );
    const api = localApi('echo');

    // Act
    const outcomes = [await writer.onUpsert(API_V4, api), await writer.onUpsert(API_V4, api)];

    // Assess
    assert.deepEqual(outcomes, ['refused', 'refused']);
    assert.deepEqual((await cluster.getConfigMap('default', 'echo'))?.data, { mine: 'yes' });
    const warnings = cluster.events.filter((e) => e.reason === 'GatewayConfigMapConflict');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.type, 'Warning');
  });

  it('removes a ConfigMap found at start once its API syncs from management', async () => {
    // Prepare
    const api = localApi('echo');
    await cluster.applyConfigMap(gatewayConfigMapOf('ApiV4Definition', api));
    const restarted = new GatewayConfigMapWriter(cluster, { logger: silentLogger, kinds });
    await restarted.prime([undefined]);
    const switched = localApi('echo', { definitionContext: { syncFrom: 'MANAGEMENT' } });

    // Act
    const outcome = await restarted.onUpsert(API_V4, switched);

    // Assess
    assert.equal(outcome, 'deleted');
    assert.equal(await cluster.getConfigMap('default', 'echo'), undefined);
  });

  it('leaves the ConfigMap of a re-created API alone when the old one is reported deleted', async () => {
    // Prepare
    const successor = localApi('echo', {}, 'new-uid');
    await writer.onUpsert(API_V4, successor);
    const predecessor = localApi('echo', {}, 'old-uid');

    // Act
    const outcome = await writer.onDelete(API_V4, predecessor);

    // Assess
    assert.equal(outcome, 'absent');
    assert.equal(
      (await cluster.getConfigMap('default', 'echo'))?.metadata.ownerReferences?.[0]?.uid,
      'new-uid',
    );
  });
});

describe('gateway ConfigMap writer against the API server', () => {
  let server: FakeKubeServer;

  beforeEach(async () => {
    server = new FakeKubeServer();
    await server.start();
  });

  afterEach(async () => {
    await server.stop();
  });

  it('an update that loses a race against another writer re-reads and writes again', async () => {
    // Prepare
    const real = new ClientNodeCluster(server.kubeConfig());
    let raced = false;
    // Someone edits the ConfigMap right after the writer read it: its replace carries a stale resourceVersion.
    const racing: ClusterApi = Object.assign(Object.create(real) as ClusterApi, {
      getConfigMap: async (namespace: string, name: string) => {
        const read = await real.getConfigMap(namespace, name);
        if (read && !raced) {
          raced = true;
          server.apply({
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { ...read.metadata, annotations: { touched: 'by someone else' } },
            data: read.data ?? {},
          });
        }
        return read;
      },
    });
    const logs: string[] = [];
    const writer = new GatewayConfigMapWriter(racing, {
      logger: new JsonLogger({ service: 'test', write: (line) => logs.push(line) }),
      kinds,
    });
    await writer.onUpsert(API_V4, localApi('echo'));
    server.clearRequests();

    // Act
    const outcome = await writer.onUpsert(API_V4, localApi('echo', { description: 'v2' }));

    // Assess
    assert.equal(outcome, 'updated');
    const puts = server.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/configmaps/echo'));
    assert.deepEqual(
      puts.map((r) => r.status),
      [409, 200],
    );
    const stored = server.get('configmaps', 'default', 'echo');
    assert.equal(definitionIn(stored?.data as Record<string, string>).description, 'v2');
    assert.deepEqual(stored?.metadata.annotations, { touched: 'by someone else' });
  });
});
