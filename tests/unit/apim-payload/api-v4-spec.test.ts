import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { apiV4Identity } from '../../../lib/apim/payload/api-v4-identity.ts';
import type {
  ApiV4DefinitionResource,
  ApiV4DefinitionSpec,
} from '../../../lib/apim/payload/api-v4-resource.ts';
import { apiV4Hrid, toApiV4Spec } from '../../../lib/apim/payload/api-v4-spec.ts';
import { nameToValidHrid } from '../../../lib/apim/payload/hrid.ts';

function resource(spec: ApiV4DefinitionSpec, name = 'echo', namespace = 'team-a'): ApiV4DefinitionResource {
  return { metadata: { name, namespace, uid: '0b6c0f7e-6f7e-4c3e-9a51-1c2d3e4f5a6b' }, spec };
}

describe('The API hrid is derived like GKO derives it', () => {
  test('an API without id is addressed as <namespace>-<name>', () => {
    // Prepare
    const api = resource({ name: 'Echo' }, 'echo-api', 'payments');

    // Act
    const hrid = apiV4Hrid(api);

    // Assess
    assert.equal(hrid, 'payments-echo-api');
    assert.equal(toApiV4Spec(api).hrid, 'payments-echo-api');
  });

  test('a spec.hrid written by the user is ignored, as GKO overwrites it', () => {
    // Prepare
    const api = resource({ hrid: 'my-own-hrid' });

    // Act
    const body = toApiV4Spec(api);

    // Assess
    assert.equal(body.hrid, 'team-a-echo');
  });

  test('an API with spec.id is addressed by that UUID and flagged hridContainsUUID', () => {
    // Prepare
    const api = resource({ id: '7f0d3b8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', crossId: 'c-1' });

    // Act
    const identity = apiV4Identity(api);
    const body = toApiV4Spec(api);

    // Assess
    assert.deepEqual(identity, {
      mode: 'uuid',
      hrid: '7f0d3b8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      hridContainsUuid: true,
      id: '7f0d3b8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    });
    assert.equal(body.hrid, '7f0d3b8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b');
    assert.equal(body.id, '7f0d3b8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b');
    assert.equal(body.crossId, 'c-1');
  });

  test('a resource GKO synced before 4.12 keeps the UUID and plan ids of its status', () => {
    // Prepare
    const api = resource({ plans: { KeyLess: { name: 'Free' } } });
    const previous = { id: 'api-uuid', crossId: 'cross-uuid', plans: { KeyLess: 'plan-uuid' } };

    // Act
    const body = toApiV4Spec(api, { previous });

    // Assess
    assert.equal(body.hrid, 'api-uuid');
    assert.equal(body.id, 'api-uuid');
    assert.equal(body.crossId, 'cross-uuid');
    assert.deepEqual(body.plans, [{ name: 'Free', hrid: 'KeyLess', id: 'plan-uuid' }]);
  });

  test('in UUID mode pages point at the API UUID and keys are not turned into parent or conditions hrids', () => {
    // Prepare
    const api = resource({
      id: 'api-uuid',
      pages: { docs: { type: 'FOLDER' }, intro: { type: 'MARKDOWN', parent: 'docs' } },
      plans: { gold: { name: 'Gold', generalConditions: 'docs' } },
    });

    // Act
    const body = toApiV4Spec(api);

    // Assess
    assert.deepEqual(body.pages, [
      { type: 'FOLDER', hrid: 'docs', api: 'api-uuid' },
      { type: 'MARKDOWN', parent: 'docs', hrid: 'intro', api: 'api-uuid' },
    ]);
    assert.deepEqual(body.plans, [{ name: 'Gold', generalConditions: 'docs', hrid: 'gold' }]);
  });

  test('a resource already synced through HRIDs stays addressed by HRID despite a status id', () => {
    // Prepare
    const api = resource({});

    // Act
    const identity = apiV4Identity(api, { id: 'api-uuid', automationApiManaged: true });

    // Assess
    assert.deepEqual(identity, { mode: 'hrid', hrid: 'team-a-echo', hridContainsUuid: false });
  });

  test('map keys lose their spaces and dots to become HRIDs', () => {
    // Act
    const hrid = nameToValidHrid('JWT Plan. With A Non-Hrid Names');

    // Assess
    assert.equal(hrid, 'JWT-Plan--With-A-Non-Hrid-Names');
  });
});

describe('The plans and pages maps become arrays keyed by hrid', () => {
  test('each plan carries its map key as hrid, in key order', () => {
    // Prepare
    const api = resource({
      plans: {
        'premium plan': { name: 'Premium', security: { type: 'API_KEY' } },
        KeyLess: { name: 'Free', security: { type: 'KEY_LESS' } },
      },
    });

    // Act
    const body = toApiV4Spec(api);

    // Assess
    assert.deepEqual(body.plans, [
      { name: 'Free', security: { type: 'KEY_LESS' }, hrid: 'KeyLess' },
      { name: 'Premium', security: { type: 'API_KEY' }, hrid: 'premium-plan' },
    ]);
  });

  test('a plan names its general conditions page by hrid instead of by key', () => {
    // Prepare
    const api = resource({ plans: { gold: { name: 'Gold', generalConditions: 'terms of use' } } });

    // Act
    const [plan] = toApiV4Spec(api).plans ?? [];

    // Assess
    assert.deepEqual(plan, { name: 'Gold', hrid: 'gold', generalConditionsHrid: 'terms-of-use' });
  });

  test('each page carries its key as hrid, the API hrid, and its parent key as parentHrid', () => {
    // Prepare
    const api = resource({
      pages: {
        'Docs folder': { name: 'docs', type: 'FOLDER' },
        'Getting started': { name: 'start', type: 'MARKDOWN', parent: 'Docs folder', content: '# Hi' },
      },
    });

    // Act
    const body = toApiV4Spec(api);

    // Assess
    assert.deepEqual(body.pages, [
      { name: 'docs', type: 'FOLDER', hrid: 'Docs-folder', api: 'team-a-echo' },
      {
        name: 'start',
        type: 'MARKDOWN',
        parent: 'Docs folder',
        content: '# Hi',
        hrid: 'Getting-started',
        api: 'team-a-echo',
        parentHrid: 'Docs-folder',
      },
    ]);
  });

  test('an empty plans map sends no plans while an empty pages map sends an empty list, as GKO does', () => {
    // Prepare
    const api = resource({ plans: {}, pages: {} });

    // Act
    const body = toApiV4Spec(api);

    // Assess
    assert.equal('plans' in body, false);
    assert.deepEqual(body.pages, []);
  });
});

describe('Fields GKO adds, drops or keeps', () => {
  test('contextRef is dropped and the definition context defaults to Kubernetes origin synced from APIM', () => {
    // Prepare
    const api = resource({ contextRef: { name: 'dev-ctx' }, name: 'Echo' });

    // Act
    const body = toApiV4Spec(api);

    // Assess
    assert.equal('contextRef' in body, false);
    assert.deepEqual(body.definitionContext, { origin: 'KUBERNETES', syncFrom: 'MANAGEMENT' });
  });

  test('a definition context set in the spec wins field by field', () => {
    // Prepare
    const api = resource({ definitionContext: { syncFrom: 'KUBERNETES' } });

    // Act
    const body = toApiV4Spec(api);

    // Assess
    assert.deepEqual(body.definitionContext, { origin: 'KUBERNETES', syncFrom: 'KUBERNETES' });
  });

  test('state, lifecycle, definition version, members and notifyMembers pass through unchanged', () => {
    // Prepare
    const members = [{ source: 'memory', sourceId: 'api1', role: 'OWNER' }];
    const api = resource({
      state: 'STOPPED',
      lifecycleState: 'PUBLISHED',
      definitionVersion: 'V4',
      members,
      notifyMembers: false,
    });

    // Act
    const body = toApiV4Spec(api);

    // Assess
    assert.equal(body.state, 'STOPPED');
    assert.equal(body.lifecycleState, 'PUBLISHED');
    assert.equal(body.definitionVersion, 'V4');
    assert.deepEqual(body.members, members);
    assert.equal(body.notifyMembers, false);
  });

  test('empty fields Go marks omitempty are left out, others are kept', () => {
    // Prepare
    const api = resource({ members: [], notificationsRefs: [], groupRefs: [], groups: [], crossId: '' });

    // Act
    const body = toApiV4Spec(api);

    // Assess
    assert.equal('members' in body, false);
    assert.equal('notificationsRefs' in body, false);
    assert.equal('crossId' in body, false);
    assert.deepEqual(body.groupRefs, []);
    assert.deepEqual(body.groups, []);
  });

  test('a console notification without notificationsRefs is dropped', () => {
    // Prepare
    const api = resource({ consoleNotification: { events: ['API_STARTED'], groups: [] } });

    // Act
    const body = toApiV4Spec(api);

    // Assess
    assert.equal('consoleNotification' in body, false);
  });

  test('the resource given to the mapping is left untouched', () => {
    // Prepare
    const api = resource({
      contextRef: { name: 'dev-ctx' },
      plans: { a: { name: 'A', flows: [{ request: [{ sharedPolicyGroupRef: { name: 'spg' } }] }] } },
    });
    const before = structuredClone(api);

    // Act
    toApiV4Spec(api, {
      resolved: { sharedPolicyGroups: { 'team-a/spg': { name: 'spg', crossId: 'x', hrid: 'team-a-spg' } } },
    });

    // Assess
    assert.deepEqual(api, before);
  });
});

describe('Resolved references are substituted the way GKO substitutes them', () => {
  test('unresolved references are sent as the resource holds them', () => {
    // Prepare
    const api = resource({
      resources: [{ enabled: true, ref: { name: 'redis' } }],
      groups: ['product'],
      groupRefs: [{ name: 'developers' }],
      notificationsRefs: [{ name: 'notify' }],
      flows: [{ enabled: true, request: [{ enabled: true, sharedPolicyGroupRef: { name: 'spg' } }] }],
    });

    // Act
    const body = toApiV4Spec(api);

    // Assess
    assert.deepEqual(body.resources, [{ enabled: true, ref: { name: 'redis' } }]);
    assert.deepEqual(body.groups, ['product']);
    assert.deepEqual(body.groupRefs, [{ name: 'developers' }]);
    assert.deepEqual(body.notificationsRefs, [{ name: 'notify' }]);
    assert.deepEqual(body.flows, [
      { enabled: true, request: [{ enabled: true, sharedPolicyGroupRef: { name: 'spg' } }] },
    ]);
  });

  test('resolved references replace resources, fill shared policy group steps, add groups and notifications', () => {
    // Prepare
    const api = resource({
      resources: [
        { enabled: true, ref: { name: 'redis' } },
        { name: 'inline', type: 'cache', configuration: {} },
      ],
      groups: ['product'],
      groupRefs: [{ name: 'developers' }],
      notificationsRefs: [{ name: 'notify' }],
      plans: {
        gold: {
          name: 'Gold',
          flows: [{ enabled: true, request: [{ enabled: true, sharedPolicyGroupRef: { name: 'spg' } }] }],
        },
      },
    });
    const redis = { enabled: true, name: 'redis-cache', type: 'cache-redis', configuration: { maxTotal: 8 } };

    // Act
    const body = toApiV4Spec(api, {
      resolved: {
        resources: { 'team-a/redis': redis },
        sharedPolicyGroups: { 'team-a/spg': { name: 'spg', crossId: 'spg-cross-id', hrid: 'team-a-spg' } },
        groups: ['developers-group'],
        consoleNotification: { events: ['API_STARTED'], groups: ['ops'] },
      },
    });

    // Assess
    assert.deepEqual(body.resources, [redis, { name: 'inline', type: 'cache', configuration: {} }]);
    assert.deepEqual(body.groups, ['product', 'developers-group']);
    assert.deepEqual(body.consoleNotification, { events: ['API_STARTED'], groups: ['ops'] });
    assert.deepEqual(body.plans?.[0]?.flows, [
      {
        enabled: true,
        request: [
          {
            enabled: true,
            sharedPolicyGroupRef: { name: 'spg', namespace: 'team-a' },
            name: 'spg',
            policy: 'shared-policy-group-policy',
            configuration: { sharedPolicyGroupId: 'spg-cross-id', hrid: 'team-a-spg' },
          },
        ],
      },
    ]);
  });
});
