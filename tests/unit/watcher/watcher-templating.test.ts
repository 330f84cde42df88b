import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { type ChangeEvent, changeOf } from '../../../lib/events/change-event.ts';
import { SEALED_PLACEHOLDER } from '../../../lib/events/sealed.ts';
import { ClientNodeCluster } from '../../../lib/kube/client-node-cluster.ts';
import { JsonLogger } from '../../../lib/log/logger.ts';
import type { ChangePublisher } from '../../../lib/ports/change-publisher.ts';
import { EnvelopeSealer } from '../../../lib/sealing/envelope.ts';
import { LocalKeyWrapper } from '../../../lib/sealing/local-key-wrapper.ts';
import { resolveDocument } from '../../../lib/sync/resolution.ts';
import { type WatchedKind, Watcher, watcherDefaults } from '../../../lib/watcher/watcher.ts';
import { apiObject } from '../../support/factories/resources.ts';
import { customResource, FakeKubeServer, type KubeObject, waitUntil } from '../../support/fake-kube/index.ts';

const API_KIND: WatchedKind = {
  kind: 'ApiV4Definition',
  group: 'gravitee.io',
  version: 'v1alpha1',
  plural: 'apiv4definitions',
  finalizer: 'finalizers.gravitee.io/apidefinitiondeletion',
};
const APPLICATION_KIND: WatchedKind = {
  kind: 'Application',
  group: 'gravitee.io',
  version: 'v1alpha1',
  plural: 'applications',
  finalizer: 'finalizers.gravitee.io/applicationdeletion',
};

/** Distinctive values, so a test can search for them in everything that left the watcher. */
const TARGET_V1 = 'https://catalog-v1.backend.example';
const TARGET_V2 = 'https://catalog-v2.backend.example';
const KEY_V1 = 'catalog-key-3b8e1f-never-in-clear';
const KEY_V2 = 'catalog-key-rotated-77d0c4';
const CERTIFICATE = '-----BEGIN CERTIFICATE-----\nMIIBcatalogclient\n-----END CERTIFICATE-----\n';

function secret(name: string, stringData: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'default' }, stringData };
}

function configMap(name: string, data: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data };
}

function templatedApi(name: string): KubeObject {
  const { apiVersion, kind, spec } = apiObject(name);
  const endpoint = (spec as { endpointGroups: Array<{ endpoints: Array<Record<string, unknown>> }> })
    .endpointGroups[0]?.endpoints[0];
  assert.ok(endpoint);
  endpoint.configuration = { target: '[[ configmap `catalog-backend/target` ]]' };
  return {
    apiVersion,
    kind,
    metadata: { name, namespace: 'default' },
    spec: { ...spec, description: 'key [[ secret "catalog-keys/api-key" ]]' },
  };
}

interface Resolved {
  description: string;
  endpointGroups: Array<{ endpoints: Array<{ configuration: { target: string } }> }>;
}

describe('watcher forwarding templated resources from the API server', () => {
  const sealer = new EnvelopeSealer(new LocalKeyWrapper(randomBytes(32)));
  let server: FakeKubeServer;
  let watcher: Watcher;
  let published: ChangeEvent[];
  let logs: string[];

  beforeEach(async () => {
    server = new FakeKubeServer();
    server.registerResource(customResource('gravitee.io/v1alpha1', 'Application', 'applications'));
    await server.start();
    published = [];
    logs = [];
    const publisher: ChangePublisher = {
      publish: async (events) => {
        published.push(...events);
        return [];
      },
    };
    watcher = new Watcher(new ClientNodeCluster(server.kubeConfig()), publisher, sealer, {
      ...watcherDefaults,
      cluster: 'c1',
      kinds: [API_KIND, APPLICATION_KIND],
      resyncIntervalMs: 100,
      restartDelayMs: 50,
      lingerMs: 5,
      logger: new JsonLogger({ service: 'test', level: 'debug', write: (line) => logs.push(line) }),
    });
  });

  afterEach(async () => {
    await watcher.stop(2000);
    await server.stop();
  });

  const eventsOf = (name: string) => published.filter((e) => e.data.metadata.name === name);

  async function resolvedSpec(event: ChangeEvent | undefined): Promise<Resolved> {
    assert.ok(event);
    return (await resolveDocument(event.data, sealer)).spec as unknown as Resolved;
  }

  it('forwards a templated API sealed and re-forwards it when its ConfigMap or Secret changes', async () => {
    // Prepare
    server.apply(secret('catalog-keys', { 'api-key': KEY_V1 }));
    server.apply(configMap('catalog-backend', { target: TARGET_V1 }));
    server.apply(templatedApi('catalog'));

    // Act
    await watcher.start();
    await waitUntil(() => eventsOf('catalog').length === 1, 'the API is forwarded', 5000);
    server.apply(configMap('catalog-backend', { target: TARGET_V2 }));
    await waitUntil(() => eventsOf('catalog').length === 2, 'the ConfigMap change is forwarded', 5000);
    server.apply(secret('catalog-keys', { 'api-key': KEY_V2 }));
    await waitUntil(() => eventsOf('catalog').length === 3, 'the Secret change is forwarded', 5000);
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Assess
    const [first, second, third] = eventsOf('catalog');
    assert.equal(eventsOf('catalog').length, 3, 'unchanged references are not forwarded again');
    assert.equal(changeOf(first ?? { type: '' }), 'applied');
    // The object itself never changed after its finalizer: only the periodic re-read can see the Secret.
    assert.equal(changeOf(third ?? { type: '' }), 'resync');
    const sentSpec = first?.data.spec as unknown as Resolved;
    assert.equal(sentSpec.description, SEALED_PLACEHOLDER);
    assert.equal(sentSpec.endpointGroups[0]?.endpoints[0]?.configuration.target, SEALED_PLACEHOLDER);
    const firstSpec = await resolvedSpec(first);
    assert.equal(firstSpec.endpointGroups[0]?.endpoints[0]?.configuration.target, TARGET_V1);
    assert.equal(firstSpec.description, `key ${KEY_V1}`);
    assert.equal(
      (await resolvedSpec(second)).endpointGroups[0]?.endpoints[0]?.configuration.target,
      TARGET_V2,
    );
    assert.equal((await resolvedSpec(third)).description, `key ${KEY_V2}`);
    const leaked = [TARGET_V1, TARGET_V2, KEY_V1, KEY_V2].filter(
      (value) => JSON.stringify(published).includes(value) || logs.some((line) => line.includes(value)),
    );
    assert.deepEqual(leaked, []);
  });

  it('forwards an API whose ConfigMap is missing, logs the reference, and forwards again once it exists', async () => {
    // Prepare
    server.apply(secret('catalog-keys', { 'api-key': KEY_V1 }));
    server.apply(templatedApi('waiting'));

    // Act
    await watcher.start();
    await waitUntil(() => eventsOf('waiting').length === 1, 'the API is forwarded', 5000);
    server.apply(configMap('catalog-backend', { target: TARGET_V1 }));
    await waitUntil(() => eventsOf('waiting').length === 2, 'the API is forwarded again', 5000);

    // Assess
    const [unresolved, resolved] = eventsOf('waiting');
    const sent = unresolved?.data.spec as unknown as Resolved;
    assert.equal(
      sent.endpointGroups[0]?.endpoints[0]?.configuration.target,
      '[[ configmap `catalog-backend/target` ]]',
    );
    const problemLines = logs.filter((line) => line.includes('"reference not readable"'));
    assert.equal(problemLines.length, 1);
    assert.match(problemLines[0] ?? '', /ConfigMap default\/catalog-backend not found/);
    assert.equal(
      (await resolvedSpec(resolved)).endpointGroups[0]?.endpoints[0]?.configuration.target,
      TARGET_V1,
    );
    assert.equal(
      logs.some((line) => line.includes(KEY_V1) || line.includes(TARGET_V1)),
      false,
    );
  });

  it('reports a ConfigMap the API server refuses to serve as unreadable, then resolves it on resync', async () => {
    // Prepare
    server.apply(secret('catalog-keys', { 'api-key': KEY_V1 }));
    server.apply(configMap('catalog-backend', { target: TARGET_V1 }));
    server.apply(templatedApi('guarded'));
    server.failNextRequests(1, {
      status: 403,
      methods: ['GET'],
      pathPrefix: '/api/v1/namespaces/default/configmaps/catalog-backend',
      message: 'configmaps "catalog-backend" is forbidden',
    });

    // Act
    await watcher.start();
    await waitUntil(() => eventsOf('guarded').length === 2, 'the API is forwarded, then resolved', 5000);

    // Assess
    const problem = logs.find((line) => line.includes('"reference not readable"'));
    assert.match(problem ?? '', /"reason":"Unreadable"/);
    assert.match(problem ?? '', /ConfigMap default\/catalog-backend could not be read/);
    assert.ok(logs.some((line) => line.includes('"could not read a referenced ConfigMap"')));
    const resolved = await resolvedSpec(eventsOf('guarded')[1]);
    assert.equal(resolved.endpointGroups[0]?.endpoints[0]?.configuration.target, TARGET_V1);
  });

  it('seals an Application certificate read from a Secret ref into its content', async () => {
    // Prepare
    server.apply(secret('catalog-client', { 'tls.crt': CERTIFICATE }));
    server.apply({
      apiVersion: 'gravitee.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'catalog-app', namespace: 'default' },
      spec: {
        contextRef: { name: 'dev-ctx' },
        name: 'catalog-app',
        description: 'mTLS client',
        settings: {
          app: { type: 'WEB' },
          tls: {
            clientCertificates: [
              { name: 'client', ref: { kind: 'secrets', name: 'catalog-client', key: 'tls.crt' } },
            ],
          },
        },
      },
    });

    // Act
    await watcher.start();
    await waitUntil(() => eventsOf('catalog-app').length === 1, 'the Application is forwarded', 5000);

    // Assess
    const [event] = eventsOf('catalog-app');
    assert.ok(event);
    assert.equal(JSON.stringify(event).includes('MIIBcatalogclient'), false);
    const certificate = (
      (await resolveDocument(event.data, sealer)).spec as {
        settings: { tls: { clientCertificates: Array<{ content: string; ref: { name: string } }> } };
      }
    ).settings.tls.clientCertificates[0];
    assert.equal(certificate?.content, CERTIFICATE);
    assert.equal(certificate?.ref.name, 'catalog-client');
  });
});
