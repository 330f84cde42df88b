import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { ChangeEventSchema } from '../../../lib/events/change-event.ts';
import { SEALED_PLACEHOLDER } from '../../../lib/events/sealed.ts';
import { EnvelopeSealer } from '../../../lib/sealing/envelope.ts';
import { LocalKeyWrapper } from '../../../lib/sealing/local-key-wrapper.ts';
import { resolveDocument } from '../../../lib/sync/resolution.ts';
import { buildChange } from '../../../lib/watcher/change-builder.ts';
import { apiObject } from '../../support/factories/resources.ts';
import { referenceData } from './support/reference-data.ts';

const TARGET = 'https://orders.internal.example:8443';
const API_KEY = 'k-9f1c2e7a-only-in-the-secret';

function templatedApi() {
  const api = apiObject('orders');
  const spec = api.spec as {
    endpointGroups: Array<{ endpoints: Array<{ configuration: Record<string, unknown> }> }>;
    description?: string;
  };
  const endpoint = spec.endpointGroups[0]?.endpoints[0];
  assert.ok(endpoint);
  endpoint.configuration = { target: '[[ configmap "backends/orders" ]]' };
  spec.description = 'Key: [[ secret "orders-keys/api-key" ]]';
  return api;
}

describe('change builder with templates', () => {
  const sealer = new EnvelopeSealer(new LocalKeyWrapper(randomBytes(32)));

  it('forwards templated strings sealed and the function restores them at their pointers', async () => {
    // Prepare
    const data = referenceData(
      { 'default/orders-keys': { 'api-key': API_KEY } },
      { 'default/backends': { orders: TARGET } },
    );
    const api = templatedApi();

    // Act
    const built = await buildChange(api, api.kind, 'c1', 'applied', { sealer, ...data.readers });
    const doc = await resolveDocument(built.event.data, sealer);

    // Assess
    const wire = JSON.stringify(built.event);
    assert.equal(wire.includes(TARGET), false, 'ConfigMap value not in clear');
    assert.equal(wire.includes(API_KEY), false, 'Secret value not in clear');
    assert.ok(ChangeEventSchema.safeParse(built.event).success);
    assert.deepEqual(built.problems, []);
    const sent = built.event.data.spec as typeof api.spec & { description: string };
    assert.equal(sent.description, SEALED_PLACEHOLDER);
    const resolved = doc.spec as {
      description: string;
      endpointGroups: Array<{ endpoints: Array<{ configuration: { target: string } }> }>;
    };
    assert.equal(resolved.description, `Key: ${API_KEY}`);
    assert.equal(resolved.endpointGroups[0]?.endpoints[0]?.configuration.target, TARGET);
  });

  it('changes the digest when a referenced ConfigMap or Secret value changes, and only then', async () => {
    // Prepare
    const data = referenceData(
      { 'default/orders-keys': { 'api-key': API_KEY } },
      { 'default/backends': { orders: TARGET } },
    );
    const api = templatedApi();
    const digest = async () =>
      (await buildChange(api, api.kind, 'c1', 'resync', { sealer, ...data.readers })).digest;

    // Act
    const first = await digest();
    const unchanged = await digest();
    data.configMaps.set('default/backends', { orders: 'https://orders-v2.internal.example' });
    const afterConfigMap = await digest();
    data.secrets.set('default/orders-keys', { 'api-key': 'rotated-key' });
    const afterSecret = await digest();

    // Assess
    assert.equal(unchanged, first);
    assert.notEqual(afterConfigMap, first);
    assert.notEqual(afterSecret, afterConfigMap);
  });

  it('forwards an unresolved template as written, with a problem that names the reference only', async () => {
    // Prepare
    const data = referenceData({ 'default/orders-keys': { 'api-key': API_KEY } });
    const api = templatedApi();

    // Act
    const missing = await buildChange(api, api.kind, 'c1', 'applied', { sealer, ...data.readers });
    data.configMaps.set('default/backends', { unrelated: 'x' });
    const keyMissing = await buildChange(api, api.kind, 'c1', 'applied', { sealer, ...data.readers });

    // Assess
    assert.deepEqual(
      missing.problems.map((p) => [p.pointer, p.reason, p.message]),
      [
        [
          '/spec/endpointGroups/0/endpoints/0/configuration/target',
          'NotFound',
          'spec.endpointGroups[0].endpoints[0].configuration.target: ConfigMap default/backends not found',
        ],
      ],
    );
    const sent = missing.event.data.spec as {
      endpointGroups: Array<{ endpoints: Array<{ configuration: { target: string } }> }>;
    };
    assert.equal(
      sent.endpointGroups[0]?.endpoints[0]?.configuration.target,
      '[[ configmap "backends/orders" ]]',
    );
    assert.equal(JSON.stringify(missing).includes(API_KEY), false);
    assert.equal(keyMissing.problems[0]?.reason, 'KeyNotFound');
    assert.notEqual(keyMissing.digest, missing.digest, 'a different problem is worth forwarding');
  });
});
