import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ApiV4State, toApiV4Status } from '../../../lib/apim/payload/api-v4-state.ts';
import { automationSchema } from './support/automation-schema.ts';

/** An answer of APIM 4.12 to `PUT …/apis` for an API with two plans and a page. */
const realisticState: ApiV4State = {
  hrid: 'default-api-v4-with-jwt-plan-pages-non-hrid-names',
  id: '3a0b5c2e-6d1f-4c7a-8b9e-0f1a2b3c4d5e',
  crossId: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
  organizationId: 'DEFAULT',
  environmentId: 'DEFAULT',
  name: 'api-v4-with-jwt-plan-pages-non-hrid-names',
  version: '1.0',
  type: 'PROXY',
  state: 'STARTED',
  lifecycleState: 'UNPUBLISHED',
  visibility: 'PRIVATE',
  listeners: [{ type: 'HTTP', paths: [{ path: '/v4/echo' }], entrypoints: [{ type: 'http-proxy' }] }],
  endpointGroups: [{ name: 'Default HTTP proxy group', type: 'http-proxy' }],
  plans: [
    {
      hrid: 'JWT-Plan--With-A-Non-Hrid-Names',
      id: '9c8b7a6f-5e4d-4c3b-8a29-1f0e0d0c0b0a',
      name: 'jwt',
      status: 'PUBLISHED',
      type: 'API',
      mode: 'STANDARD',
      validation: 'AUTO',
    },
    {
      hrid: 'KeyLess',
      id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      name: 'Free',
      status: 'PUBLISHED',
      type: 'API',
      mode: 'STANDARD',
      validation: 'AUTO',
    },
  ],
  pages: [{ hrid: 'Folder-with-non-hrid-name', name: 'markdowns', type: 'FOLDER', visibility: 'PUBLIC' }],
  errors: { warning: ['category [unknown] is not defined in environment [DEFAULT]'] },
};

describe('The Automation API answer becomes GKO-compatible status fields', () => {
  test('the sample answer is a valid ApiV4State', () => {
    // Act
    const validate = automationSchema('ApiV4State');

    // Assess
    assert.ok(validate(realisticState), JSON.stringify(validate.errors));
  });

  test('ids, state, plans by hrid and errors are taken from a realistic answer', () => {
    // Act
    const status = toApiV4Status(realisticState);

    // Assess
    assert.deepEqual(status, {
      id: '3a0b5c2e-6d1f-4c7a-8b9e-0f1a2b3c4d5e',
      crossId: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
      state: 'STARTED',
      plans: {
        'JWT-Plan--With-A-Non-Hrid-Names': '9c8b7a6f-5e4d-4c3b-8a29-1f0e0d0c0b0a',
        KeyLess: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      },
      errors: { severe: [], warning: ['category [unknown] is not defined in environment [DEFAULT]'] },
    });
  });

  test('an answer without plans or errors gives empty plans and empty error lists', () => {
    // Act
    const status = toApiV4Status({ id: 'a1', state: 'STOPPED' });

    // Assess
    assert.deepEqual(status, { id: 'a1', state: 'STOPPED', plans: {}, errors: { severe: [], warning: [] } });
  });

  test('empty strings and plans without hrid or id are left out', () => {
    // Act
    const status = toApiV4Status({
      id: 'a1',
      crossId: '',
      plans: [{ hrid: 'KeyLess' }, { id: 'orphan' }, { hrid: 'gold', id: 'p-gold' }],
    });

    // Assess
    assert.deepEqual(status, { id: 'a1', plans: { gold: 'p-gold' }, errors: { severe: [], warning: [] } });
  });
});
