import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OperationSpec } from '../../support/apim-simulator/openapi/operation-spec.ts';
import { validateResponse } from '../../support/apim-simulator/openapi/response-validation.ts';
import { loadSpecBundle } from '../../support/apim-simulator/openapi/spec-bundle.ts';
import { defaultSpecRoot } from '../../support/apim-simulator/openapi/spec-location.ts';
import { minimalApiSpec } from './api-fixture.ts';

describe('APIM simulator: response validation', () => {
  const bundle = loadSpecBundle('4.12.17', defaultSpecRoot());
  const operation = (method: string, path: string): OperationSpec => {
    const match = bundle.operations.find(method, path);
    assert.ok(match.operation, `${method} ${path} should be described`);
    return match.operation;
  };
  const getApi = operation('GET', '/automation/organizations/DEFAULT/environments/DEFAULT/apis/orders-api');

  it('accepts an ApiV4State made of a valid spec and status fields', () => {
    // Prepare
    const state = {
      ...minimalApiSpec('orders-api'),
      id: 'id',
      crossId: 'cross',
      organizationId: 'o',
      environmentId: 'e',
    };

    // Act
    const problems = validateResponse(bundle.schemas, getApi, 200, state);

    // Assess
    assert.deepEqual(problems, []);
  });

  it('reports a 200 body missing required ApiV4Spec members', () => {
    // Act
    const problems = validateResponse(bundle.schemas, getApi, 200, { hrid: 'orders-api', id: 'id' });

    // Assess
    assert.ok(
      problems.includes("response body (root) must have required property 'listeners'"),
      problems.join('\n'),
    );
  });

  it('falls back to the default response for undeclared statuses and checks its HttpError body', () => {
    // Act
    const problems = validateResponse(bundle.schemas, getApi, 503, { httpStatus: '503' });

    // Assess
    assert.deepEqual(problems, ['response body /httpStatus must be integer']);
  });

  it('reports a body sent with a status that declares none', () => {
    // Prepare
    const deleteApi = operation(
      'DELETE',
      '/automation/organizations/DEFAULT/environments/DEFAULT/apis/orders-api',
    );

    // Act
    const problems = validateResponse(bundle.schemas, deleteApi, 204, { unexpected: true });

    // Assess
    assert.deepEqual(problems, ['status 204 of deleteApi declares no body but one was sent']);
  });

  it('routes the environment probe to the management v2 installation document', () => {
    // Act
    const probe = operation('GET', '/management/v2/organizations/DEFAULT/environments/DEFAULT');

    // Assess
    assert.deepEqual([probe.document, probe.operationId], ['management', 'getEnvironmentById']);
  });
});
