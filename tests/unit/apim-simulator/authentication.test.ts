import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { ApimSimulator } from '../../support/apim-simulator/index.ts';
import { minimalApiSpec } from './api-fixture.ts';
import { apisUrl, BASIC, json, TOKEN } from './http-helpers.ts';

describe('APIM simulator: authentication', () => {
  const simulator = new ApimSimulator({ credentials: { bearerToken: TOKEN, basic: BASIC } });
  let baseUrl = '';

  before(async () => {
    ({ baseUrl } = await simulator.start());
  });
  after(() => simulator.stop());
  beforeEach(() => simulator.reset());
  afterEach(() => simulator.assertNoViolations());

  const put = (authorization?: string) =>
    fetch(apisUrl(baseUrl), {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(minimalApiSpec('orders-api')),
    });

  it('accepts the configured bearer token', async () => {
    // Act
    const response = await put(`Bearer ${TOKEN}`);

    // Assess
    assert.equal(response.status, 200);
    await response.body?.cancel();
  });

  it('accepts the configured basic credentials', async () => {
    // Prepare
    const encoded = Buffer.from(`${BASIC.username}:${BASIC.password}`).toString('base64');

    // Act
    const response = await put(`Basic ${encoded}`);

    // Assess
    assert.equal(response.status, 200);
    await response.body?.cancel();
  });

  it('rejects a wrong token with a spec-valid 401 and stores nothing', async () => {
    // Act
    const response = await put('Bearer not-the-token');

    // Assess
    assert.equal(response.status, 401);
    assert.deepEqual(await json(response), { httpStatus: 401, message: 'Unauthorized' });
    assert.equal(simulator.apis().size, 0);
  });

  it('challenges a request without credentials or with wrong basic credentials', async () => {
    // Act
    const anonymous = await put();
    const wrongPassword = await put(`Basic ${Buffer.from(`${BASIC.username}:nope`).toString('base64')}`);

    // Assess
    for (const response of [anonymous, wrongPassword]) {
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('www-authenticate'), 'Basic realm="Gravitee.io Management API"');
      await response.body?.cancel();
    }
  });

  it('records the authentication scheme but never the secret', async () => {
    // Act
    await (await put(`Bearer ${TOKEN}`)).body?.cancel();

    // Assess
    const [recorded] = simulator.requests();
    assert.equal(recorded?.headers.authorization, 'Bearer');
    assert.doesNotMatch(JSON.stringify(simulator.requests()), new RegExp(TOKEN));
  });
});
