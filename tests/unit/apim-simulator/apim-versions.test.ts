import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApimSimulator } from '../../support/apim-simulator/index.ts';
import { minimalApiSpec } from './api-fixture.ts';
import { putApi, TOKEN } from './http-helpers.ts';

describe('APIM simulator: APIM releases', () => {
  const apim411 = new ApimSimulator({ credentials: { bearerToken: TOKEN }, apimVersion: '4.11.25' });
  const apim412 = new ApimSimulator({ credentials: { bearerToken: TOKEN } });
  let url411 = '';
  let url412 = '';

  before(async () => {
    ({ baseUrl: url411 } = await apim411.start());
    ({ baseUrl: url412 } = await apim412.start());
  });
  after(async () => {
    await apim411.stop();
    await apim412.stop();
  });

  it('validates against the selected release, whose hrid patterns differ', async () => {
    // Prepare: 4.11 hrids start with a letter; 4.12 hrids must also end with a letter or digit.
    const trailingDash = minimalApiSpec('orders-');

    // Act
    const on411 = await putApi(url411, trailingDash);
    const on412 = await putApi(url412, trailingDash);

    // Assess
    assert.deepEqual([on411.status, on412.status], [200, 400]);
    await Promise.all([on411.body?.cancel(), on412.body?.cancel()]);
    apim411.assertNoViolations();
    assert.match(apim412.violations()[0]?.problems.join('\n') ?? '', /\/hrid must match pattern/);
  });
});
