import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uuidFromStrings } from '../../../lib/apim/payload/api-v2-uuid.ts';
import type { ClusterConfigMap, ClusterObject } from '../../../lib/ports/cluster.ts';
import {
  GATEWAY_CONFIG_MAP_LABELS,
  type GatewayConfigMapIntent,
  gatewayConfigMapIntent,
  isGatewayConfigMapOf,
} from '../../../lib/watcher/gateway-config-map.ts';

/** An object as the API server stores it (uid, generation), in namespace `default`. */
function resource(
  kind: 'ApiV4Definition' | 'ApiDefinition',
  name: string,
  spec: Record<string, unknown>,
  extra: { status?: Record<string, unknown>; generation?: number; uid?: string } = {},
): ClusterObject {
  return {
    apiVersion: 'gravitee.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      uid: extra.uid ?? `uid-${name}`,
      resourceVersion: '7',
      generation: extra.generation ?? 1,
    },
    spec,
    ...(extra.status ? { status: extra.status } : {}),
  };
}

function v4Spec(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'echo',
    version: '1.0',
    type: 'PROXY',
    state: 'STARTED',
    definitionContext: { origin: 'KUBERNETES', syncFrom: 'KUBERNETES' },
    listeners: [
      {
        type: 'HTTP',
        paths: [{ path: '/echo' }],
        entrypoints: [{ type: 'http-proxy', qos: 'AT_LEAST_ONCE', dlq: {} }],
      },
    ],
    endpointGroups: [
      {
        name: 'default',
        type: 'http-proxy',
        loadBalancer: { type: 'WEIGHTED_ROUND_ROBIN' },
        endpoints: [{ name: 'backend', type: 'http-proxy', configuration: { target: 'https://b.example' } }],
      },
    ],
    flowExecution: { mode: 'BEST_MATCH', matchRequired: false },
    flows: [
      { name: 'all', enabled: true, selectors: [{ type: 'HTTP', path: '/', pathOperator: 'STARTS_WITH' }] },
    ],
    plans: {
      'Free plan': {
        name: 'Free',
        security: { type: 'KEY_LESS' },
        status: 'PUBLISHED',
        mode: 'STANDARD',
        generalConditions: 'Terms of use',
      },
    },
    ...overrides,
  };
}

/** Status the status writer leaves once APIM accepted `generation`. */
function acceptedStatus(generation: number, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...fields,
    processingStatus: 'Completed',
    conditions: [
      { type: 'Accepted', status: 'True', reason: 'Accepted', observedGeneration: generation },
      { type: 'ResolvedRefs', status: 'True', reason: 'ResolvedRefs', observedGeneration: generation },
    ],
  };
}

function applied(intent: GatewayConfigMapIntent): ClusterConfigMap {
  assert.equal(intent.action, 'apply', JSON.stringify(intent));
  return (intent as { configMap: ClusterConfigMap }).configMap;
}

function definitionOf(configMap: ClusterConfigMap): Record<string, unknown> {
  return JSON.parse(configMap.data?.definition ?? 'null') as Record<string, unknown>;
}

describe('gateway ConfigMap of a v4 API', () => {
  it('sync from kubernetes without context gives the ConfigMap GKO writes', () => {
    // Prepare
    const api = resource('ApiV4Definition', 'echo', v4Spec());

    // Act
    const configMap = applied(gatewayConfigMapIntent('ApiV4Definition', api));

    // Assess
    assert.deepEqual(configMap.metadata, {
      name: 'echo',
      namespace: 'default',
      labels: { 'managed-by': 'gravitee.io', 'gio-type': 'apidefinitions.gravitee.io' },
      ownerReferences: [
        { apiVersion: 'gravitee.io/v1alpha1', kind: 'ApiV4Definition', name: 'echo', uid: 'uid-echo' },
      ],
    });
    assert.deepEqual(Object.keys(configMap.data ?? {}).sort(), [
      'apiDefinitionVersion',
      'definition',
      'environmentId',
      'organizationId',
    ]);
    assert.equal(configMap.data?.apiDefinitionVersion, '4.0.0');
    assert.equal(configMap.data?.organizationId, 'DEFAULT');
    assert.equal(configMap.data?.environmentId, 'DEFAULT');
  });

  it('sync from kubernetes without context derives the ids GKO derives', () => {
    // Prepare
    const api = resource('ApiV4Definition', 'echo', v4Spec());

    // Act
    const definition = definitionOf(applied(gatewayConfigMapIntent('ApiV4Definition', api)));

    // Assess
    // Value computed by GKO's own uuid.FromStrings("default-echo") (zeebo/xxh3 + google/uuid).
    assert.equal(definition.id, '14a58be3-9ea9-37af-59fa-c330dd7c2fe2');
    assert.equal(definition.hrid, 'default-echo');
    const [plan] = definition.plans as Array<Record<string, unknown>>;
    assert.equal(plan?.id, uuidFromStrings('14a58be3-9ea9-37af-59fa-c330dd7c2fe2', 'Free plan'));
    assert.equal(plan?.hrid, 'Free-plan');
  });

  it('sync from kubernetes writes the definition in the gateway spelling', () => {
    // Prepare
    const api = resource('ApiV4Definition', 'echo', v4Spec());

    // Act
    const definition = definitionOf(applied(gatewayConfigMapIntent('ApiV4Definition', api)));

    // Assess
    assert.equal(definition.definitionVersion, '4.0.0');
    assert.equal(definition.apiVersion, '1.0');
    assert.equal(definition.version, '1.0');
    assert.equal(definition.type, 'proxy');
    const [listener] = definition.listeners as Array<{
      type: string;
      entrypoints: Array<Record<string, unknown>>;
    }>;
    assert.equal(listener?.type, 'http');
    assert.deepEqual(listener?.entrypoints, [{ type: 'http-proxy', qos: 'at-least-once' }]);
    const [group] = definition.endpointGroups as Array<{ loadBalancer: { type: string } }>;
    assert.equal(group?.loadBalancer.type, 'weighted-round-robin');
    assert.deepEqual(definition.flowExecution, { mode: 'best-match', matchRequired: false });
    const [flow] = definition.flows as Array<{ selectors: Array<{ type: string }> }>;
    assert.equal(flow?.selectors[0]?.type, 'http');
    const [plan] = definition.plans as Array<Record<string, unknown>>;
    // GKO names a gateway plan after its key, not its display name.
    assert.equal(plan?.name, 'Free plan');
    assert.deepEqual(plan?.security, { type: 'key-less' });
    assert.equal(plan?.mode, 'standard');
    assert.equal(plan?.status, 'published');
    assert.equal(plan?.generalConditionsHrid, 'Terms-of-use');
    assert.equal(plan?.generalConditions, undefined);
  });

  it('sync from management removes the ConfigMap', () => {
    // Prepare
    const api = resource(
      'ApiV4Definition',
      'echo',
      v4Spec({ definitionContext: { syncFrom: 'MANAGEMENT' } }),
    );

    // Act
    const intent = gatewayConfigMapIntent('ApiV4Definition', api);

    // Assess
    assert.deepEqual(intent, { action: 'delete', reason: 'not-local' });
  });

  it('no definition context at all means sync from management', () => {
    // Prepare
    const api = resource('ApiV4Definition', 'echo', v4Spec({ definitionContext: undefined }));

    // Act
    const intent = gatewayConfigMapIntent('ApiV4Definition', api);

    // Assess
    assert.deepEqual(intent, { action: 'delete', reason: 'not-local' });
  });

  it('stopped API removes the ConfigMap', () => {
    // Prepare
    const api = resource('ApiV4Definition', 'echo', v4Spec({ state: 'STOPPED' }));

    // Act
    const intent = gatewayConfigMapIntent('ApiV4Definition', api);

    // Assess
    assert.deepEqual(intent, { action: 'delete', reason: 'stopped' });
  });

  it('with context waits until APIM accepted the current generation', () => {
    // Prepare
    const spec = v4Spec({ contextRef: { name: 'dev-ctx' } });
    const fresh = resource('ApiV4Definition', 'echo', spec, { generation: 2 });
    const olderAccepted = resource('ApiV4Definition', 'echo', spec, {
      generation: 2,
      status: acceptedStatus(1, { id: 'api-1' }),
    });

    // Act
    const intents = [fresh, olderAccepted].map((o) => gatewayConfigMapIntent('ApiV4Definition', o));

    // Assess
    assert.deepEqual(intents, [
      { action: 'hold', reason: 'awaiting-apim' },
      { action: 'hold', reason: 'awaiting-apim' },
    ]);
  });

  it('with context takes ids and organization from what APIM answered', () => {
    // Prepare
    const api = resource('ApiV4Definition', 'echo', v4Spec({ contextRef: { name: 'dev-ctx' } }), {
      generation: 3,
      status: acceptedStatus(3, {
        id: 'apim-api-id',
        organizationId: 'org-1',
        environmentId: 'env-1',
        plans: { 'Free-plan': 'apim-plan-id' },
      }),
    });

    // Act
    const configMap = applied(gatewayConfigMapIntent('ApiV4Definition', api));

    // Assess
    assert.equal(configMap.data?.organizationId, 'org-1');
    assert.equal(configMap.data?.environmentId, 'env-1');
    const definition = definitionOf(configMap);
    assert.equal(definition.id, 'apim-api-id');
    assert.equal(definition.hrid, 'default-echo');
    // The API model has no management context: the reference stays in the resource.
    assert.equal(definition.contextRef, undefined);
    assert.equal((definition.plans as Array<{ id?: string }>)[0]?.id, 'apim-plan-id');
  });

  it('with context and no ids in the status uses the context organization', () => {
    // Prepare
    const api = resource('ApiV4Definition', 'echo', v4Spec({ contextRef: { name: 'dev-ctx' } }), {
      status: acceptedStatus(1),
    });

    // Act
    const configMap = applied(
      gatewayConfigMapIntent('ApiV4Definition', api, {
        context: { organizationId: 'ctx-org', environmentId: 'ctx-env' },
      }),
    );

    // Assess
    assert.equal(configMap.data?.organizationId, 'ctx-org');
    assert.equal(configMap.data?.environmentId, 'ctx-env');
  });

  it('resolved references replace resource and shared policy group refs', () => {
    // Prepare
    const api = resource(
      'ApiV4Definition',
      'echo',
      v4Spec({
        resources: [{ ref: { name: 'cache' } }],
        flows: [{ enabled: true, request: [{ enabled: true, sharedPolicyGroupRef: { name: 'spg' } }] }],
      }),
    );
    const resolved = {
      resources: { 'default/cache': { name: 'cache', type: 'cache', enabled: true, configuration: {} } },
      sharedPolicyGroups: { 'default/spg': { name: 'spg', crossId: 'spg-cross', hrid: 'default-spg' } },
    };

    // Act
    const definition = definitionOf(applied(gatewayConfigMapIntent('ApiV4Definition', api, { resolved })));

    // Assess
    assert.deepEqual(definition.resources, [
      { name: 'cache', type: 'cache', enabled: true, configuration: {} },
    ]);
    const step = (definition.flows as Array<{ request: Array<Record<string, unknown>> }>)[0]?.request[0];
    assert.equal(step?.policy, 'shared-policy-group-policy');
    assert.deepEqual(step?.configuration, { sharedPolicyGroupId: 'spg-cross', hrid: 'default-spg' });
  });

  it('same spec gives byte-identical data', () => {
    // Prepare
    const first = resource('ApiV4Definition', 'echo', v4Spec());
    const reordered = resource(
      'ApiV4Definition',
      'echo',
      Object.fromEntries(Object.entries(v4Spec()).reverse()),
    );

    // Act
    const [a, b] = [first, reordered].map((o) => applied(gatewayConfigMapIntent('ApiV4Definition', o)));

    // Assess
    assert.equal(a?.data?.definition, b?.data?.definition);
  });
});

describe('gateway ConfigMap of a v2 API', () => {
  const v2Spec = (overrides: Record<string, unknown> = {}) => ({
    name: 'K8s Basic Example',
    version: '1.0',
    description: 'Basic api',
    local: true,
    state: 'STARTED',
    plans: [{ name: 'KEY_LESS', security: 'KEY_LESS' }],
    proxy: {
      virtual_hosts: [{ path: '/k8s-basic' }],
      groups: [{ endpoints: [{ target: 'https://b.example' }] }],
    },
    ...overrides,
  });

  it('local without context gives the ConfigMap GKO writes', () => {
    // Prepare
    const api = resource('ApiDefinition', 'basic', v2Spec(), { uid: 'v2-uid' });

    // Act
    const configMap = applied(gatewayConfigMapIntent('ApiDefinition', api));

    // Assess
    assert.deepEqual(configMap.metadata.labels, { ...GATEWAY_CONFIG_MAP_LABELS });
    assert.deepEqual(configMap.metadata.ownerReferences, [
      { apiVersion: 'gravitee.io/v1alpha1', kind: 'ApiDefinition', name: 'basic', uid: 'v2-uid' },
    ]);
    // No apiDefinitionVersion: the gateway reads the definition as v2.
    assert.deepEqual(Object.keys(configMap.data ?? {}).sort(), [
      'definition',
      'environmentId',
      'organizationId',
    ]);
    const definition = definitionOf(configMap);
    assert.equal(definition.id, 'v2-uid');
    assert.equal(definition.crossId, uuidFromStrings('default/basic'));
    assert.equal(definition.local, true);
    assert.deepEqual(definition.definition_context, {
      origin: 'kubernetes',
      mode: 'fully_managed',
      syncFrom: 'KUBERNETES',
    });
    const [plan] = definition.plans as Array<Record<string, unknown>>;
    const planCrossId = uuidFromStrings('v2-uid', '/', 'KEY_LESS');
    assert.equal(plan?.crossId, planCrossId);
    assert.equal(plan?.id, uuidFromStrings(planCrossId, '/', 'KEY_LESS'));
  });

  it('not local without context is an illegal state that changes nothing', () => {
    // Prepare
    const api = resource('ApiDefinition', 'basic', v2Spec({ local: false }));

    // Act
    const intent = gatewayConfigMapIntent('ApiDefinition', api);

    // Assess
    assert.deepEqual(intent, { action: 'hold', reason: 'invalid-spec' });
  });

  it('not local with an accepted context removes the ConfigMap', () => {
    // Prepare
    const api = resource(
      'ApiDefinition',
      'basic',
      v2Spec({ local: false, contextRef: { name: 'dev-ctx' } }),
      {
        status: acceptedStatus(1),
      },
    );

    // Act
    const intent = gatewayConfigMapIntent('ApiDefinition', api);

    // Assess
    assert.deepEqual(intent, { action: 'delete', reason: 'not-local' });
  });

  it('stopped local API removes the ConfigMap', () => {
    // Prepare
    const api = resource('ApiDefinition', 'basic', v2Spec({ state: 'STOPPED' }));

    // Act
    const intent = gatewayConfigMapIntent('ApiDefinition', api);

    // Assess
    assert.deepEqual(intent, { action: 'delete', reason: 'stopped' });
  });

  it('local with context keeps the context and points plans at the APIM ids', () => {
    // Prepare
    const planCrossId = 'plan-cross';
    const api = resource(
      'ApiDefinition',
      'basic',
      v2Spec({ contextRef: { name: 'dev-ctx' }, plans: [{ name: 'KEY_LESS', crossId: planCrossId }] }),
      {
        status: acceptedStatus(1, {
          id: 'apim-id',
          crossId: 'apim-cross',
          organizationId: 'org-1',
          environmentId: 'env-1',
          plans: { [planCrossId]: 'apim-plan' },
        }),
      },
    );

    // Act
    const configMap = applied(gatewayConfigMapIntent('ApiDefinition', api));

    // Assess
    assert.equal(configMap.data?.organizationId, 'org-1');
    const definition = definitionOf(configMap);
    assert.equal(definition.id, 'apim-id');
    assert.equal(definition.crossId, 'apim-cross');
    assert.deepEqual(definition.contextRef, { name: 'dev-ctx' });
    assert.deepEqual(definition.plans, [
      { name: 'KEY_LESS', crossId: planCrossId, id: 'apim-plan', api: 'apim-id' },
    ]);
  });
});

describe('gateway ConfigMap ownership', () => {
  const configMap = (
    labels: Record<string, string>,
    owners: ClusterConfigMap['metadata']['ownerReferences'],
  ) => ({
    metadata: { name: 'echo', namespace: 'default', labels, ...(owners ? { ownerReferences: owners } : {}) },
    data: {},
  });
  const owner = (kind: string, uid: string) => ({
    apiVersion: 'gravitee.io/v1alpha1',
    kind,
    name: 'echo',
    uid,
  });

  it('a ConfigMap without the gateway labels belongs to someone else', () => {
    // Prepare
    const foreign = configMap({ app: 'mine' }, undefined);

    // Act
    const ours = isGatewayConfigMapOf(foreign, 'ApiV4Definition', 'echo');

    // Assess
    assert.equal(ours, false);
  });

  it('a gateway ConfigMap of the other API version is not taken over', () => {
    // Prepare
    const v2Owned = configMap({ ...GATEWAY_CONFIG_MAP_LABELS }, [owner('ApiDefinition', 'u-2')]);

    // Act
    const ours = isGatewayConfigMapOf(v2Owned, 'ApiV4Definition', 'echo');

    // Assess
    assert.equal(ours, false);
  });

  it('a gateway ConfigMap of a deleted predecessor of the same kind is taken over', () => {
    // Prepare
    const predecessor = configMap({ ...GATEWAY_CONFIG_MAP_LABELS }, [owner('ApiV4Definition', 'old-uid')]);

    // Act
    const ours = isGatewayConfigMapOf(predecessor, 'ApiV4Definition', 'echo');

    // Assess
    assert.equal(ours, true);
  });
});
