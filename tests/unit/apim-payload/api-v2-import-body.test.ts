import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definitionContextV2 } from '../../../lib/apim/payload/api-v2-definition-context.ts';
import { toApiV2ImportBody } from '../../../lib/apim/payload/api-v2-import-body.ts';
import type { ApiV2DefinitionResource } from '../../../lib/apim/payload/api-v2-resource.ts';

function resource(spec: ApiV2DefinitionResource['spec']): ApiV2DefinitionResource {
  return { metadata: { name: 'echo', namespace: 'apis', uid: 'uid-1' }, spec };
}

const minimal = { name: 'echo', version: '1', description: 'Echo' };

describe('The import-crd body is the embedded API definition, not the CR spec', () => {
  it('contextRef and local are left out, other fields pass through', () => {
    // Prepare
    const api = resource({
      ...minimal,
      contextRef: { name: 'dev-ctx' },
      local: true,
      proxy: { virtual_hosts: [{ path: '/echo' }] },
      tags: ['internal'],
    });

    // Act
    const body = toApiV2ImportBody(api);

    // Assess
    assert.equal('contextRef' in body, false);
    assert.equal('local' in body, false);
    assert.deepEqual(body.proxy, { virtual_hosts: [{ path: '/echo' }] });
    assert.deepEqual(body.tags, ['internal']);
    assert.equal(body.id, 'uid-1');
  });

  it('empty omitempty fields are left out, empty lists without omitempty are kept', () => {
    // Prepare
    const api = resource({
      ...minimal,
      state: '',
      visibility: '',
      notificationsRefs: [],
      groups: [],
      plans: [],
    });

    // Act
    const body = toApiV2ImportBody(api);

    // Assess
    assert.equal('state' in body, false);
    assert.equal('visibility' in body, false);
    assert.equal('notificationsRefs' in body, false);
    assert.deepEqual(body.groups, []);
    assert.deepEqual(body.plans, []);
  });

  it('the resource is not modified', () => {
    // Prepare
    const api = resource({
      ...minimal,
      contextRef: { name: 'ctx' },
      plans: [{ name: 'free' }],
      pages: { a: {} },
    });
    const before = structuredClone(api);

    // Act
    toApiV2ImportBody(api, { groups: ['g'] }, { id: 'x' });

    // Assess
    assert.deepEqual(api, before);
  });
});

describe('The definition context is ensured as GKO ensures it', () => {
  it('an API without one syncs from management with origin kubernetes', () => {
    // Act
    const body = toApiV2ImportBody(resource({ ...minimal, local: false }));

    // Assess
    assert.deepEqual(body.definition_context, {
      origin: 'kubernetes',
      mode: 'fully_managed',
      syncFrom: 'MANAGEMENT',
    });
  });

  it('a local API with the CRD-defaulted context syncs from kubernetes', () => {
    // Act
    const context = definitionContextV2(
      { origin: 'kubernetes', mode: 'fully_managed', syncFrom: 'kubernetes' },
      true,
    );

    // Assess
    assert.deepEqual(context, { origin: 'kubernetes', mode: 'fully_managed', syncFrom: 'KUBERNETES' });
  });

  it('a local API that asks for management (any case) syncs from management', () => {
    // Act
    const context = definitionContextV2({ origin: 'kubernetes', syncFrom: 'Management' }, true);

    // Assess
    assert.equal(context.syncFrom, 'MANAGEMENT');
  });

  it('a non-local API always syncs from management, whatever its spec says', () => {
    // Act
    const context = definitionContextV2(
      { origin: 'management', mode: 'fully_managed', syncFrom: 'kubernetes' },
      false,
    );

    // Assess
    assert.deepEqual(context, { origin: 'management', mode: 'fully_managed', syncFrom: 'MANAGEMENT' });
  });

  it('a local API without a context syncs from kubernetes', () => {
    // Act
    const body = toApiV2ImportBody(resource({ ...minimal, local: true }));

    // Assess
    assert.equal(body.definition_context.syncFrom, 'KUBERNETES');
    assert.equal(body.definition_context.origin, 'kubernetes');
  });
});

describe('Resolved references are substituted as GKO substitutes them for v2 APIs', () => {
  it('an ApiResource reference becomes the resource, an unresolved one stays', () => {
    // Prepare
    const api = resource({
      ...minimal,
      resources: [{ ref: { name: 'cache' } }, { ref: { name: 'missing', namespace: 'other' } }],
    });
    const cache = {
      enabled: true,
      name: 'my-cache',
      type: 'cache',
      configuration: { timeToLiveSeconds: 60 },
    };

    // Act
    const body = toApiV2ImportBody(api, { resources: { 'apis/cache': cache } });

    // Assess
    assert.deepEqual(body.resources, [cache, { ref: { name: 'missing', namespace: 'other' } }]);
  });

  it('resolved group names are appended to the groups, groupRefs are sent as written', () => {
    // Prepare
    const api = resource({ ...minimal, groups: ['ops'], groupRefs: [{ name: 'developers' }] });

    // Act
    const body = toApiV2ImportBody(api, { groups: ['developers'] });

    // Assess
    assert.deepEqual(body.groups, ['ops', 'developers']);
    assert.deepEqual(body.groupRefs, [{ name: 'developers' }]);
  });

  it('a console notification is sent in the v1 shape when notificationsRefs name one', () => {
    // Prepare
    const api = resource({ ...minimal, notificationsRefs: [{ name: 'api-notification-groups' }] });

    // Act
    const body = toApiV2ImportBody(api, {
      consoleNotification: { events: ['API_STARTED', 'API_STOPPED'], groups: ['product', 'developers'] },
    });

    // Assess
    assert.deepEqual(body.consoleNotificationConfiguration, {
      hooks: ['API_STARTED', 'API_STOPPED'],
      groups: ['product', 'developers'],
      config_type: 'PORTAL',
      origin: 'KUBERNETES',
    });
    assert.deepEqual(body.notificationsRefs, [{ name: 'api-notification-groups' }]);
  });

  it('console notification settings written in the spec are dropped without notificationsRefs', () => {
    // Prepare
    const api = resource({
      ...minimal,
      consoleNotificationConfiguration: {
        hooks: ['API_STARTED'],
        groups: [],
        config_type: 'PORTAL',
        origin: 'KUBERNETES',
      },
    });

    // Act
    const body = toApiV2ImportBody(api, { consoleNotification: { events: ['API_STOPPED'], groups: [] } });

    // Assess
    assert.equal('consoleNotificationConfiguration' in body, false);
  });
});
