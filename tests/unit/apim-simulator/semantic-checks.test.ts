import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { ApimSimulator } from '../../support/apim-simulator/index.ts';
import { minimalApiSpec } from './api-fixture.ts';
import { json, putApi, TOKEN } from './http-helpers.ts';

describe('APIM simulator: APIM semantic checks', () => {
  const simulator = new ApimSimulator({ credentials: { bearerToken: TOKEN } });
  let baseUrl = '';

  before(async () => {
    ({ baseUrl } = await simulator.start());
  });
  after(() => simulator.stop());
  beforeEach(() => simulator.reset());
  afterEach(() => simulator.assertNoViolations());

  it('rejects an import whose context path overlaps another API of the environment', async () => {
    // Prepare
    await (await putApi(baseUrl, minimalApiSpec('orders-api', '/orders'))).body?.cancel();

    // Act
    const response = await putApi(baseUrl, minimalApiSpec('order-lines-api', '/orders/lines'));

    // Assess
    assert.equal(response.status, 400);
    assert.deepEqual(await json(response), {
      httpStatus: 400,
      message: 'Unable to import because of errors [Path [/orders/] already exists]',
      technicalCode: 'invalid',
    });
    assert.deepEqual([...simulator.apis().keys()], ['orders-api']);
  });

  it('reports the overlap as a severe error on a dry run instead of failing it', async () => {
    // Prepare
    await (await putApi(baseUrl, minimalApiSpec('orders-api', '/orders'))).body?.cancel();

    // Act
    const response = await putApi(baseUrl, minimalApiSpec('orders-copy', 'orders//'), true);

    // Assess
    assert.equal(response.status, 200);
    assert.deepEqual((await json(response)).errors, {
      severe: ['Path [/orders/] already exists'],
      warning: [],
    });
  });

  it('lets an API keep its own context path when it is updated', async () => {
    // Prepare
    await (await putApi(baseUrl, minimalApiSpec('orders-api', '/orders'))).body?.cancel();

    // Act
    const response = await putApi(baseUrl, minimalApiSpec('orders-api', '/orders'));

    // Assess
    assert.equal(response.status, 200);
    await response.body?.cancel();
  });

  it('rejects duplicate plan hrids with 400, even on a dry run', async () => {
    // Prepare
    const spec = minimalApiSpec('orders-api');
    const [plan] = spec.plans as unknown[];
    const duplicated = { ...spec, plans: [plan, plan] };

    // Act
    const response = await putApi(baseUrl, duplicated, true);

    // Assess
    assert.equal(response.status, 400);
    assert.deepEqual(await json(response), {
      httpStatus: 400,
      message: 'Duplicate hrid found in plans',
      technicalCode: 'invalid',
    });
  });
});
