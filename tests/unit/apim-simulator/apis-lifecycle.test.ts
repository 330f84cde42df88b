import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import {
  ApimSimulator,
  apiScopedId,
  topLevelCrossId,
  topLevelId,
} from '../../support/apim-simulator/index.ts';
import { minimalApiSpec } from './api-fixture.ts';
import { apisUrl, BASIC, BEARER_JSON, json, putApi, TOKEN } from './http-helpers.ts';

describe('APIM simulator: automation API lifecycle', () => {
  const simulator = new ApimSimulator({ credentials: { bearerToken: TOKEN, basic: BASIC } });
  let baseUrl = '';

  before(async () => {
    ({ baseUrl } = await simulator.start());
  });
  after(() => simulator.stop());
  beforeEach(() => simulator.reset());
  afterEach(() => simulator.assertNoViolations());

  it('creates an API with ids derived from its hrid and keeps them when the API is updated', async () => {
    // Prepare
    const spec = minimalApiSpec('orders-api');

    // Act
    const created = await json(await putApi(baseUrl, spec));
    const updated = await json(await putApi(baseUrl, { ...spec, name: 'Orders v2' }));

    // Assess
    assert.equal(created.id, topLevelId('DEFAULT', 'DEFAULT', 'orders-api'));
    assert.equal(created.crossId, topLevelCrossId('DEFAULT', 'orders-api'));
    assert.equal(updated.id, created.id);
    assert.equal(updated.crossId, created.crossId);
    assert.equal(updated.name, 'Orders v2');
    assert.deepEqual(
      {
        organizationId: updated.organizationId,
        environmentId: updated.environmentId,
        errors: updated.errors,
      },
      { organizationId: 'DEFAULT', environmentId: 'DEFAULT', errors: { severe: [], warning: [] } },
    );
    assert.equal(simulator.apis().get('orders-api')?.name, 'Orders v2');
  });

  it('echoes plans without ids on PUT but returns each plan id on GET, like APIM', async () => {
    // Prepare
    const put = await json(await putApi(baseUrl, minimalApiSpec('orders-api')));

    // Act
    const read = await json(await fetch(`${apisUrl(baseUrl)}/orders-api`, { headers: BEARER_JSON }));

    // Assess
    const [echoedPlan] = put.plans as Array<Record<string, unknown>>;
    const [storedPlan] = read.plans as Array<Record<string, unknown>>;
    assert.equal(echoedPlan?.id, undefined);
    assert.equal(storedPlan?.hrid, 'keyless');
    assert.equal(storedPlan?.id, apiScopedId('DEFAULT', 'DEFAULT', 'orders-api', 'keyless'));
    assert.equal(read.errors, undefined);
  });

  it('answers a dry run with the would-be state and stores nothing', async () => {
    // Act
    const response = await putApi(baseUrl, minimalApiSpec('orders-api'), true);

    // Assess
    const state = await json(response);
    assert.equal(response.status, 200);
    assert.equal(state.id, topLevelId('DEFAULT', 'DEFAULT', 'orders-api'));
    assert.equal(state.errors, undefined);
    assert.equal(simulator.apis().size, 0);
    assert.deepEqual(simulator.writes(), []);
  });

  it('deletes an API, after which reading or deleting it again is a 404', async () => {
    // Prepare
    await putApi(baseUrl, minimalApiSpec('orders-api'));

    // Act
    const deleted = await fetch(`${apisUrl(baseUrl)}/orders-api`, { method: 'DELETE', headers: BEARER_JSON });
    const read = await fetch(`${apisUrl(baseUrl)}/orders-api`, { headers: BEARER_JSON });
    const deletedAgain = await fetch(`${apisUrl(baseUrl)}/orders-api`, {
      method: 'DELETE',
      headers: BEARER_JSON,
    });

    // Assess
    assert.equal(deleted.status, 204);
    assert.equal(await deleted.text(), '');
    assert.equal(read.status, 404);
    assert.deepEqual(await json(read), {
      httpStatus: 404,
      message: 'HRID [orders-api] cannot be found.',
      technicalCode: 'hrid.notFound',
    });
    assert.equal(deletedAgain.status, 404);
    await deletedAgain.body?.cancel();
    assert.equal(simulator.apis().size, 0);
  });

  it('gives a re-created API the same ids, because APIM derives them from the hrid', async () => {
    // Prepare
    const first = await json(await putApi(baseUrl, minimalApiSpec('orders-api')));
    await (
      await fetch(`${apisUrl(baseUrl)}/orders-api`, { method: 'DELETE', headers: BEARER_JSON })
    ).body?.cancel();

    // Act
    const second = await json(await putApi(baseUrl, minimalApiSpec('orders-api')));

    // Assess
    assert.equal(second.id, first.id);
    assert.equal(second.crossId, first.crossId);
  });

  it('records writes only for requests that changed state', async () => {
    // Prepare
    await putApi(baseUrl, minimalApiSpec('orders-api'), true);
    await putApi(baseUrl, minimalApiSpec('orders-api'));
    await (await fetch(`${apisUrl(baseUrl)}/orders-api`, { headers: BEARER_JSON })).body?.cancel();

    // Act
    const writes = simulator.writes();

    // Assess
    assert.deepEqual(
      writes.map((write) => [write.method, write.query.dryRun, write.status]),
      [['PUT', 'false', 200]],
    );
    assert.equal(simulator.requests().length, 3);
  });
});
