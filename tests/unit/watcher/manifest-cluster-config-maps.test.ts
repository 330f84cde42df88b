import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import type { ChangeEvent } from '../../../lib/events/change-event.ts';
import { ManifestCluster } from '../../../lib/local/manifest-cluster.ts';
import { silentLogger } from '../../../lib/log/logger.ts';
import { EnvelopeSealer } from '../../../lib/sealing/envelope.ts';
import { LocalKeyWrapper } from '../../../lib/sealing/local-key-wrapper.ts';
import { resolveDocument } from '../../../lib/sync/resolution.ts';
import { Watcher, watcherDefaults } from '../../../lib/watcher/watcher.ts';
import { waitUntil } from '../../support/fake-kube/index.ts';
import { gkoExampleDocuments } from './support/reference-data.ts';

const templatingExample = () =>
  gkoExampleDocuments(
    'apim/api_definition/v4/api-v4-with-templating.yml',
    'apim/api_definition/v2/api-with-templating-secret.yml',
    'apim/api_definition/v2/api-with-templating-config-map.yml',
  );

describe('local mode ConfigMaps', () => {
  it('serves the data of the ConfigMaps found in the manifests', async () => {
    // Prepare
    const cluster = new ManifestCluster({ logger: silentLogger });
    const extra = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'limits', namespace: 'team-a' },
      data: { rate: 100, enabled: true },
      binaryData: { blob: Buffer.from('bytes').toString('base64') },
    };

    // Act
    cluster.load([...templatingExample(), { file: 'limits.yaml', index: 0, doc: extra }]);

    // Assess
    assert.deepEqual(await cluster.readConfigMap('default', 'graviteeio-templating'), {
      target: 'https://api.gravitee.io/echo',
    });
    assert.deepEqual(await cluster.readConfigMap('team-a', 'limits'), { rate: '100', enabled: 'true' });
    assert.equal(await cluster.readConfigMap('team-a', 'graviteeio-templating'), undefined);
    assert.equal(
      await cluster.readSecret('default', 'graviteeio-templating').then((s) => s?.security),
      'KEY_LESS',
    );
  });

  it('forgets a ConfigMap whose manifest was removed', async () => {
    // Prepare
    const cluster = new ManifestCluster({ logger: silentLogger });
    const documents = templatingExample();
    cluster.load(documents);

    // Act
    cluster.load(documents.filter(({ doc }) => doc.kind !== 'ConfigMap'));

    // Assess
    assert.equal(await cluster.readConfigMap('default', 'graviteeio-templating'), undefined);
  });

  it('lets the watcher forward the GKO templating example with its values sealed', async () => {
    // Prepare
    const cluster = new ManifestCluster({ logger: silentLogger });
    cluster.load(templatingExample());
    const sealer = new EnvelopeSealer(new LocalKeyWrapper(randomBytes(32)));
    const published: ChangeEvent[] = [];
    const watcher = new Watcher(
      cluster,
      {
        publish: async (events) => {
          published.push(...events);
          return [];
        },
      },
      sealer,
      {
        ...watcherDefaults,
        cluster: 'laptop',
        kinds: [
          {
            kind: 'ApiV4Definition',
            group: 'gravitee.io',
            version: 'v1alpha1',
            plural: 'apiv4definitions',
            finalizer: 'finalizers.gravitee.io/apidefinitiondeletion',
          },
        ],
        resyncIntervalMs: 0,
        lingerMs: 1,
        logger: silentLogger,
      },
    );

    // Act
    await watcher.start();
    await waitUntil(() => published.length > 0, 'the API is forwarded');
    await watcher.stop(1000);

    // Assess
    const [event] = published;
    assert.ok(event);
    assert.equal(JSON.stringify(event).includes('https://api.gravitee.io/echo'), false);
    const spec = (await resolveDocument(event.data, sealer)).spec as {
      endpointGroups: Array<{ endpoints: Array<{ configuration: { target: string } }> }>;
      plans: { KeyLess: { security: { type: string } } };
    };
    assert.equal(spec.endpointGroups[0]?.endpoints[0]?.configuration.target, 'https://api.gravitee.io/echo');
    assert.equal(spec.plans.KeyLess.security.type, 'KEY_LESS');
  });
});
