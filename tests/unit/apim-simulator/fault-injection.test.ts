import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { ApimSimulator } from '../../support/apim-simulator/index.ts';
import { minimalApiSpec } from './api-fixture.ts';
import { apisUrl, BEARER_JSON, putApi, TOKEN } from './http-helpers.ts';

describe('APIM simulator: fault injection', () => {
  const simulator = new ApimSimulator({ credentials: { bearerToken: TOKEN } });
  let baseUrl = '';

  before(async () => {
    ({ baseUrl } = await simulator.start());
  });
  after(() => simulator.stop());
  beforeEach(() => simulator.reset());
  afterEach(() => simulator.assertNoViolations());

  it('fails the next matching request with 503, then recovers', async () => {
    // Prepare
    simulator.failNext(1, { status: 503, method: 'PUT', path: /\/apis$/, retryAfterSeconds: 2 });

    // Act
    const failed = await putApi(baseUrl, minimalApiSpec('orders-api'));
    const retried = await putApi(baseUrl, minimalApiSpec('orders-api'));

    // Assess
    assert.equal(failed.status, 503);
    assert.equal(failed.headers.get('retry-after'), '2');
    assert.equal(retried.status, 200);
    await Promise.all([failed.body?.cancel(), retried.body?.cancel()]);
    assert.equal(simulator.apis().size, 1);
    assert.equal(simulator.writes().length, 1);
  });

  it('only fails requests matching the method and path filters', async () => {
    // Prepare
    simulator.failNext(2, { status: 500, method: 'DELETE' });

    // Act
    const put = await putApi(baseUrl, minimalApiSpec('orders-api'));
    const deleted = await fetch(`${apisUrl(baseUrl)}/orders-api`, { method: 'DELETE', headers: BEARER_JSON });

    // Assess
    assert.deepEqual([put.status, deleted.status], [200, 500]);
    await Promise.all([put.body?.cancel(), deleted.body?.cancel()]);
  });

  it('delays responses by the configured latency', async () => {
    // Prepare
    simulator.setLatency(60);
    const started = performance.now();

    // Act
    const response = await fetch(`${apisUrl(baseUrl)}/orders-api`, { headers: BEARER_JSON });

    // Assess
    assert.ok(performance.now() - started >= 55);
    assert.equal(response.status, 404);
    await response.body?.cancel();
  });

  it('never answers a hung path, so a client timeout fires', async () => {
    // Prepare
    simulator.hang('/apis/orders-api');

    // Act
    const attempt = fetch(`${apisUrl(baseUrl)}/orders-api`, {
      headers: BEARER_JSON,
      signal: AbortSignal.timeout(100),
    });

    // Assess
    await assert.rejects(attempt, { name: 'TimeoutError' });
    assert.equal(simulator.requests()[0]?.status, undefined);
  });
});
