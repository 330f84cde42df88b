import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ApimSimulator, SpecViolationError } from '../../support/apim-simulator/index.ts';
import { minimalApiSpec } from './api-fixture.ts';
import { apisUrl, BEARER_JSON, json, putApi, TOKEN } from './http-helpers.ts';

describe('APIM simulator: OpenAPI validation', () => {
  const simulator = new ApimSimulator({ credentials: { bearerToken: TOKEN } });
  let baseUrl = '';

  before(async () => {
    ({ baseUrl } = await simulator.start());
  });
  after(() => simulator.stop());
  beforeEach(() => simulator.reset());

  it('answers 400 and records a violation for a body without listeners', async () => {
    // Prepare
    const { listeners: _omitted, ...withoutListeners } = minimalApiSpec('orders-api');

    // Act
    const response = await putApi(baseUrl, withoutListeners);

    // Assess
    assert.equal(response.status, 400);
    assert.equal((await json(response)).message, 'Validation error');
    const [violation] = simulator.violations();
    assert.equal(violation?.kind, 'request');
    assert.equal(violation?.operationId, 'createOrUpdateApis');
    assert.match(violation?.problems.join('\n') ?? '', /must have required property 'listeners'/);
    assert.equal(simulator.apis().size, 0);
  });

  it('dispatches listeners on their type, so a valid HTTP listener passes and a TCP one needs hosts', async () => {
    // Prepare
    const tcp = {
      ...minimalApiSpec('tcp-api'),
      listeners: [{ type: 'TCP', entrypoints: [{ type: 'tcp-proxy' }] }],
    };

    // Act
    const valid = await putApi(baseUrl, minimalApiSpec('orders-api'), true);
    const invalid = await putApi(baseUrl, tcp, true);

    // Assess
    assert.equal(valid.status, 200);
    assert.equal(invalid.status, 400);
    await Promise.all([valid.body?.cancel(), invalid.body?.cancel()]);
    assert.deepEqual(simulator.violations()[0]?.problems, [
      "body /listeners/0 must have required property 'hosts'",
    ]);
  });

  it('flags query parameters the operation does not declare and malformed ones', async () => {
    // Act
    const undeclared = await fetch(`${apisUrl(baseUrl)}?dryrun=true`, {
      method: 'PUT',
      headers: BEARER_JSON,
      body: JSON.stringify(minimalApiSpec('orders-api')),
    });
    const malformed = await fetch(`${apisUrl(baseUrl)}?dryRun=yes`, {
      method: 'PUT',
      headers: BEARER_JSON,
      body: JSON.stringify(minimalApiSpec('orders-api')),
    });

    // Assess
    assert.deepEqual([undeclared.status, malformed.status], [400, 400]);
    await Promise.all([undeclared.body?.cancel(), malformed.body?.cancel()]);
    assert.deepEqual(
      simulator.violations().map((violation) => violation.problems),
      [
        ["query parameter 'dryrun' is not declared by createOrUpdateApis"],
        ["query parameter 'dryRun' must be a boolean, got 'yes'"],
      ],
    );
  });

  it('answers 404 and records a violation for a path or method the specs do not describe', async () => {
    // Act
    const unknownPath = await fetch(`${baseUrl}/automation/organizations/DEFAULT/nothing`, {
      headers: BEARER_JSON,
    });
    const unknownMethod = await fetch(apisUrl(baseUrl), { method: 'POST', headers: BEARER_JSON, body: '{}' });

    // Assess
    assert.deepEqual([unknownPath.status, unknownMethod.status], [404, 404]);
    await Promise.all([unknownPath.body?.cancel(), unknownMethod.body?.cancel()]);
    assert.deepEqual(
      simulator.violations().map((violation) => violation.kind),
      ['unknown-route', 'unknown-route'],
    );
  });

  it('answers 501 with a violation for an operation the spec describes but the simulator does not simulate', async () => {
    // Act
    const response = await fetch(`${baseUrl}/management/v2/organizations/DEFAULT/license`, {
      headers: BEARER_JSON,
    });

    // Assess
    assert.equal(response.status, 501);
    await response.body?.cancel();
    assert.equal(simulator.violations()[0]?.kind, 'unimplemented');
  });

  it('lists every violation when asserting there are none', async () => {
    // Prepare
    await (await putApi(baseUrl, { hrid: 'x' })).body?.cancel();

    // Act
    const assertion = () => simulator.assertNoViolations();

    // Assess
    assert.throws(assertion, (error: unknown) => {
      assert.ok(error instanceof SpecViolationError);
      assert.equal(error.name, 'SpecViolationError');
      assert.match(error.message, /\[request\] PUT \/automation\/.*\/apis \(createOrUpdateApis\) → 400/);
      return true;
    });
  });
});
