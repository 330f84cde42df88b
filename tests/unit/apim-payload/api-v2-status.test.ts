import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toApiV2Status } from '../../../lib/apim/payload/api-v2-status.ts';

describe("import-crd's answer maps to GKO's ApiDefinition status fields", () => {
  it('an import answer gives ids, state, plans by crossId and the validation messages', () => {
    // Prepare
    const answer = {
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
      id: 'api-id',
      crossId: 'api-cross-id',
      state: 'STARTED',
      errors: { severe: [], warning: ['Group [ghost] could not be found'] },
      plans: { 'plan-cross-id': 'plan-id' },
    };

    // Act
    const status = toApiV2Status(answer);

    // Assess
    assert.deepEqual(status, {
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
      id: 'api-id',
      crossId: 'api-cross-id',
      state: 'STARTED',
      plans: { 'plan-cross-id': 'plan-id' },
      errors: { severe: [], warning: ['Group [ghost] could not be found'] },
    });
  });

  it('a dry-run answer without plans or state gives empty plans and no state', () => {
    // Act
    const status = toApiV2Status({
      id: 'api-id',
      crossId: 'c',
      plans: {},
      errors: { severe: ['Path [/a/] already exists'] },
    });

    // Assess
    assert.deepEqual(status, {
      id: 'api-id',
      crossId: 'c',
      plans: {},
      errors: { severe: ['Path [/a/] already exists'], warning: [] },
    });
  });

  it('empty strings, null members and non-string values are left out', () => {
    // Act
    const status = toApiV2Status({
      id: '',
      crossId: 'c',
      state: null as unknown as string,
      plans: { a: '', b: 3, c: 'plan-c' },
      errors: { severe: ['x', 4 as unknown as string] },
    });

    // Assess
    assert.deepEqual(status, {
      crossId: 'c',
      plans: { c: 'plan-c' },
      errors: { severe: ['x'], warning: [] },
    });
  });
});
