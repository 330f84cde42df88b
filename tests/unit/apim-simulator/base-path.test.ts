import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApimSimulator } from '../../support/apim-simulator/index.ts';
import { minimalApiSpec } from './api-fixture.ts';
import { apisUrl, BEARER_JSON, putApi, TOKEN } from './http-helpers.ts';

describe('APIM simulator: mount prefix', () => {
  const simulator = new ApimSimulator({ credentials: { bearerToken: TOKEN }, basePath: '/gateway/apim/' });
  let baseUrl = '';

  before(async () => {
    ({ baseUrl } = await simulator.start());
  });
  after(() => simulator.stop());

  it('serves both APIs below the configured prefix and reports it in the base URL', async () => {
    // Act
    const put = await putApi(baseUrl, minimalApiSpec('orders-api'));
    const probe = await fetch(`${baseUrl}/management/v2/organizations/DEFAULT/environments/DEFAULT`, {
      headers: BEARER_JSON,
    });

    // Assess
    assert.match(baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/gateway\/apim$/);
    assert.deepEqual([put.status, probe.status], [200, 200]);
    await Promise.all([put.body?.cancel(), probe.body?.cancel()]);
    simulator.assertNoViolations();
  });

  it('treats a request missing the prefix as an unknown route', async () => {
    // Prepare
    const origin = new URL(baseUrl).origin;

    // Act
    const response = await fetch(`${apisUrl(origin)}/orders-api`, { headers: BEARER_JSON });

    // Assess
    assert.equal(response.status, 404);
    await response.body?.cancel();
    assert.equal(simulator.violations().at(-1)?.kind, 'unknown-route');
  });
});
