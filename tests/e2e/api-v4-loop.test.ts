import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { APIM_TOKEN, accepted, eventually, LoopHarness, resources } from '../support/e2e/loop-harness.ts';
import { type MotoServer, startMotoServer } from '../support/moto/moto-server.ts';

const HRID = (name: string) => `default-${name}`;

describe('the whole loop for a v4 API: watcher → SQS → function → APIM → EventBridge → status', () => {
  let moto: MotoServer;
  let loop: LoopHarness;

  before(async () => {
    moto = await startMotoServer();
  });
  after(async () => {
    await moto?.stop();
  });
  beforeEach(async () => {
    loop = await LoopHarness.start(moto);
  });
  afterEach(async (t) => {
    if (process.env.GSO_E2E_DEBUG)
      process.stderr.write(
        `${loop.logs.join('')}\n${JSON.stringify(loop.apim.requests().map((r) => [r.method, r.path, r.status]))}\n`,
      );
    await loop?.stop();
    loop?.apim.assertNoViolations();
  });

  it('create context and API: the API exists in APIM and the resource shows Accepted with ids and plans', async () => {
    // Prepare / Act
    loop.kube.apply(loop.contextManifest('apim'));
    loop.kube.apply(loop.apiManifest('orders', 'apim'));
    // Assess
    const api = await eventually('API accepted', () =>
      accepted(loop.api('orders'))?.status === 'True' ? loop.api('orders') : undefined,
    );
    const status = api.status as {
      id: string;
      crossId: string;
      plans: Record<string, string>;
      state: string;
      processingStatus: string;
    };
    const stored = loop.apim.apis().get(HRID('orders'));
    assert.ok(stored, 'APIM stores the API under its HRID');
    assert.equal(status.id, stored.id);
    assert.equal(status.crossId, stored.crossId);
    assert.match(status.plans['keyless-plan'] ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(status.processingStatus, 'Completed');
    assert.equal(accepted(api)?.observedGeneration, 1);
    assert.ok(api.metadata.finalizers?.includes('finalizers.gravitee.io/apidefinitiondeletion'));
    await eventually('context accepted', () => accepted(loop.context('apim'))?.status === 'True');
    assert.ok(loop.eventsFor('orders').some((e) => e.reason === 'UpdateSucceeded'));
  });
});
