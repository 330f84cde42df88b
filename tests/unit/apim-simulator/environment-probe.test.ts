import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { ApimSimulator } from '../../support/apim-simulator/index.ts';
import { BEARER_JSON, json, TOKEN } from './http-helpers.ts';

describe('APIM simulator: management v2 environment probe', () => {
  const simulator = new ApimSimulator({
    credentials: { bearerToken: TOKEN },
    organizationId: 'acme',
    environments: [{ id: 'env-uuid', name: 'Production', hrids: ['prod'] }, 'staging'],
  });
  const strict404 = new ApimSimulator({ credentials: { bearerToken: TOKEN }, unknownContextStatus: 404 });
  let baseUrl = '';
  let strict404Url = '';

  before(async () => {
    ({ baseUrl } = await simulator.start());
    ({ baseUrl: strict404Url } = await strict404.start());
  });
  after(async () => {
    await simulator.stop();
    await strict404.stop();
  });
  afterEach(() => {
    simulator.assertNoViolations();
    strict404.assertNoViolations();
  });

  const probe = (url: string, org: string, env: string) =>
    fetch(`${url}/management/v2/organizations/${org}/environments/${env}`, { headers: BEARER_JSON });

  it('returns an existing environment, found by id or by hrid', async () => {
    // Act
    const byId = await probe(baseUrl, 'acme', 'env-uuid');
    const byHrid = await probe(baseUrl, 'acme', 'prod');

    // Assess
    assert.equal(byId.status, 200);
    assert.deepEqual(await json(byId), { id: 'env-uuid', name: 'Production' });
    assert.deepEqual(await json(byHrid), { id: 'env-uuid', name: 'Production' });
  });

  it('answers an unknown environment or organization with 400, as APIM context resolution does', async () => {
    // Act
    const unknownEnv = await probe(baseUrl, 'acme', 'nope');
    const unknownOrg = await probe(baseUrl, 'other', 'env-uuid');

    // Assess
    for (const response of [unknownEnv, unknownOrg]) {
      assert.equal(response.status, 400);
      assert.deepEqual(await json(response), {
        httpStatus: 400,
        message: 'Invalid organization or environment',
      });
    }
  });

  it('answers an unknown environment with 404 when configured to', async () => {
    // Act
    const response = await probe(strict404Url, 'DEFAULT', 'nope');

    // Assess
    assert.equal(response.status, 404);
    assert.deepEqual(await json(response), {
      httpStatus: 404,
      message: 'Environment [nope] cannot be found.',
      technicalCode: 'environment.notFound',
      parameters: { environment: 'nope' },
    });
  });

  it('checks the environment before the credentials, like APIM', async () => {
    // Act
    const response = await fetch(`${baseUrl}/management/v2/organizations/acme/environments/nope`);

    // Assess
    assert.equal(response.status, 400);
    await response.body?.cancel();
  });
});
