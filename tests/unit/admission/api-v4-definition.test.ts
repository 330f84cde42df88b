import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admissionIssues } from '../../../lib/admission/admission-issues.ts';
import {
  apiV2,
  apiV4,
  context,
  errorsOf,
  lookupOf,
  resource,
  subscription,
  warningsOf,
} from './support/cluster.ts';

const spg = (name: string, phase: string, apiType = 'PROXY') =>
  resource('SharedPolicyGroup', name, { contextRef: { name: 'dev-ctx' }, name, apiType, phase, steps: [] });

describe('ApiV4Definition admission', () => {
  it('a started API with a plan, on a free path, with an existing context is accepted', () => {
    // Act
    const issues = admissionIssues(apiV4('echo'), lookupOf([context(), apiV4('other')]));

    // Assess
    assert.deepEqual(issues, []);
  });

  it('a started API without plan is rejected, a stopped one is accepted', () => {
    // Act
    const started = admissionIssues(apiV4('echo', { plans: {} }), lookupOf([context()]));
    const stopped = admissionIssues(apiV4('echo', { plans: {}, state: 'STOPPED' }), lookupOf([context()]));

    // Assess
    assert.equal(errorsOf(started).length, 1);
    assert.match(errorsOf(started)[0] ?? '', /^spec\.plans: API state is STARTED but the API has no plan/);
    assert.deepEqual(stopped, []);
  });

  it('a context reference to an unknown context is a missing reference', () => {
    // Act
    const issues = admissionIssues(
      apiV4('echo', { contextRef: { name: 'prod-ctx', namespace: 'apim' } }),
      lookupOf([]),
    );

    // Assess
    assert.deepEqual(issues, [
      {
        field: 'spec.contextRef',
        message: 'ManagementContext apim/prod-ctx does not exist',
        severity: 'error',
        missingReference: { kind: 'ManagementContext', namespace: 'apim', name: 'prod-ctx' },
      },
    ]);
  });

  it('a context path used by another API of the namespace is rejected, even written differently', () => {
    // Prepare
    const taken = apiV2('legacy', { proxy: { virtual_hosts: [{ path: '/shop/' }] } });
    const api = apiV4('shop', {
      listeners: [{ type: 'HTTP', paths: [{ path: '//shop' }, { path: '/free' }], entrypoints: [] }],
    });

    // Act
    const issues = admissionIssues(api, lookupOf([context(), taken, api]));

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.listeners[0].paths[0].path: context path "//shop" is already used by ApiDefinition default/legacy',
    ]);
  });

  it('a path with a host only conflicts with the same host and path', () => {
    // Prepare
    const other = apiV4('other', {
      listeners: [{ type: 'HTTP', paths: [{ host: 'a.example.com', path: '/p' }], entrypoints: [] }],
    });
    const sameHost = apiV4('same', {
      listeners: [{ type: 'HTTP', paths: [{ host: 'a.example.com', path: '/p/' }], entrypoints: [] }],
    });
    const otherHost = apiV4('elsewhere', {
      listeners: [{ type: 'HTTP', paths: [{ host: 'b.example.com', path: '/p' }], entrypoints: [] }],
    });
    const lookup = lookupOf([context(), other]);

    // Act
    const conflict = admissionIssues(sameHost, lookup);
    const free = admissionIssues(otherHost, lookup);

    // Assess
    assert.equal(errorsOf(conflict).length, 1);
    assert.deepEqual(free, []);
  });

  it('path conflicts are looked for in the namespace unless the scope is the cluster', () => {
    // Prepare
    const elsewhere = apiV4('echo', {}, 'team-b');
    const api = apiV4('echo', {}, 'team-a');
    const lookup = lookupOf([
      context('dev-ctx', {}),
      elsewhere,
      api,
      { ...context(), metadata: { name: 'dev-ctx', namespace: 'team-a' } },
    ]);

    // Act
    const namespaced = admissionIssues(api, lookup);
    const clusterWide = admissionIssues(api, lookup, undefined, { contextPathScope: 'cluster' });

    // Assess
    assert.deepEqual(errorsOf(namespaced), []);
    assert.deepEqual(errorsOf(clusterWide), [
      'spec.listeners[0].paths[0].path: context path "/echo" is already used by ApiV4Definition team-b/echo',
    ]);
  });

  it('path conflicts are not checked without a list, nor for APIs generated from an HTTPRoute', () => {
    // Prepare
    const lookup = lookupOf([
      context(),
      apiV4('first', { listeners: [{ type: 'HTTP', paths: [{ path: '/echo' }] }] }),
    ]);
    const routed = apiV4('echo');
    routed.metadata.ownerReferences = [
      { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', name: 'r' },
    ];

    // Act
    const pointLookup = admissionIssues(
      apiV4('echo'),
      lookupOf([context(), apiV4('first', { listeners: [{ type: 'HTTP', paths: [{ path: '/echo' }] }] })], {
        withList: false,
      }),
    );
    const fromRoute = admissionIssues(routed, lookup);
    const plain = admissionIssues(apiV4('echo'), lookup);

    // Assess
    assert.deepEqual(pointLookup, []);
    assert.deepEqual(fromRoute, []);
    assert.equal(errorsOf(plain).length, 1);
  });

  it('a page whose parent is not a page of the API is rejected', () => {
    // Prepare
    const api = apiV4('echo', {
      pages: {
        root: { name: 'Docs', type: 'FOLDER' },
        intro: { name: 'Intro', type: 'MARKDOWN', parent: 'root' },
        orphan: { name: 'Orphan', type: 'MARKDOWN', parent: 'missing' },
      },
    });

    // Act
    const issues = admissionIssues(api, lookupOf([context()]));

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.pages.orphan.parent: parent page "missing" is not a page of this API',
    ]);
  });

  it('a resource reference must name an existing ApiResource, an inline resource must be complete', () => {
    // Prepare
    const cache = resource('ApiResource', 'cache', { name: 'cache', type: 'cache', configuration: {} });
    const api = apiV4('echo', {
      resources: [{ ref: { name: 'cache' } }, { ref: { name: 'redis' } }, { name: 'oauth', type: 'oauth2' }],
    });

    // Act
    const issues = admissionIssues(api, lookupOf([context(), cache]));

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.resources[1].ref: ApiResource default/redis does not exist',
      'spec.resources[2].configuration: a resource needs a configuration',
    ]);
  });

  it('notifications must exist, be for APIs and include at most one console notification', () => {
    // Prepare
    const first = resource('Notification', 'first', {
      target: 'console',
      eventType: 'api',
      console: { apiEvents: ['API_STARTED'] },
    });
    const second = resource('Notification', 'second', {
      target: 'console',
      eventType: 'api',
      console: { apiEvents: ['API_STOPPED'] },
    });
    const api = apiV4('echo', {
      notificationsRefs: [{ name: 'first' }, { name: 'second' }, { name: 'ghost' }],
    });

    // Act
    const issues = admissionIssues(api, lookupOf([context(), first, second]));

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.notificationsRefs[1]: Notification default/second is a second console notification; an API takes one',
      'spec.notificationsRefs[2]: Notification default/ghost does not exist',
    ]);
  });

  it('a console notification without events or with unknown groups is only a warning', () => {
    // Prepare
    const notification = resource('Notification', 'quiet', {
      target: 'console',
      eventType: 'api',
      console: { apiEvents: [], groupRefs: [{ name: 'ops' }] },
    });

    // Act
    const issues = admissionIssues(
      apiV4('echo', { notificationsRefs: [{ name: 'quiet' }] }),
      lookupOf([context(), notification]),
    );

    // Assess
    assert.deepEqual(errorsOf(issues), []);
    assert.deepEqual(warningsOf(issues), [
      'spec.notificationsRefs[0]: Notification default/quiet has no API events',
      'spec.notificationsRefs[0]: Notification default/quiet names Group default/ops, which does not exist',
    ]);
  });

  it('a group reference to an unknown group is a warning', () => {
    // Act
    const issues = admissionIssues(
      apiV4('echo', { groupRefs: [{ name: 'developers' }] }),
      lookupOf([context()]),
    );

    // Assess
    assert.deepEqual(warningsOf(issues), [
      'spec.groupRefs[0]: Group default/developers does not exist; the API is synced without it',
    ]);
    assert.deepEqual(errorsOf(issues), []);
  });

  it('a shared policy group used in a phase other than its own is rejected, in API and plan flows', () => {
    // Prepare
    const api = apiV4('echo', {
      flows: [
        {
          request: [{ sharedPolicyGroupRef: { name: 'on-request' } }],
          response: [{ sharedPolicyGroupRef: { name: 'on-request' } }],
        },
      ],
      plans: {
        keyless: {
          name: 'Free',
          security: { type: 'KEY_LESS' },
          flows: [
            {
              response: [
                { enabled: true, policy: 'transform-headers' },
                { sharedPolicyGroupRef: { name: 'on-request' } },
              ],
            },
          ],
        },
      },
    });

    // Act
    const issues = admissionIssues(api, lookupOf([context(), spg('on-request', 'REQUEST')]));

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.flows[0].response[0].sharedPolicyGroupRef: SharedPolicyGroup default/on-request runs in the REQUEST phase and cannot be used in a response phase',
      'spec.plans.keyless.flows[0].response[1].sharedPolicyGroupRef: SharedPolicyGroup default/on-request runs in the REQUEST phase and cannot be used in a response phase',
    ]);
  });

  it('a shared policy group that does not exist is a missing reference, one made for message APIs a warning', () => {
    // Prepare
    const api = apiV4('echo', {
      flows: [
        {
          request: [
            { sharedPolicyGroupRef: { name: 'ghost' } },
            { sharedPolicyGroupRef: { name: 'for-messages' } },
          ],
        },
      ],
    });

    // Act
    const issues = admissionIssues(api, lookupOf([context(), spg('for-messages', 'REQUEST', 'MESSAGE')]));

    // Assess
    assert.deepEqual(
      issues.map((i) => i.missingReference?.name),
      ['ghost', undefined],
    );
    assert.deepEqual(warningsOf(issues), [
      'spec.flows[0].request[1].sharedPolicyGroupRef: SharedPolicyGroup default/for-messages is made for MESSAGE APIs, this API is PROXY',
    ]);
  });

  it('connect and interact phases are rejected outside NATIVE APIs, request and response phases in them', () => {
    // Prepare
    const proxy = apiV4('proxy', { flows: [{ connect: [{ policy: 'p' }] }] });
    const native = apiV4('native', {
      type: 'NATIVE',
      listeners: [{ type: 'KAFKA', host: 'kafka.example.com', entrypoints: [] }],
      flows: [{ interact: [{ policy: 'p' }] }],
      plans: {
        keyless: { name: 'Free', security: { type: 'KEY_LESS' }, flows: [{ request: [{ policy: 'p' }] }] },
      },
    });

    // Act
    const proxyErrors = errorsOf(admissionIssues(proxy, lookupOf([context()])));
    const nativeErrors = errorsOf(admissionIssues(native, lookupOf([context()])));

    // Assess
    assert.deepEqual(proxyErrors, ['spec.flows[0].connect: a PROXY API has no connect phase']);
    assert.deepEqual(nativeErrors, [
      'spec.plans.keyless.flows[0].request: a NATIVE API has no request phase',
    ]);
  });

  it('a NATIVE API takes no flow execution, response templates or endpoint group services', () => {
    // Prepare
    const native = apiV4('native', {
      type: 'NATIVE',
      flowExecution: { mode: 'DEFAULT' },
      responseTemplates: {},
      endpointGroups: [{ name: 'kafka', type: 'native-kafka', services: {}, endpoints: [] }],
    });

    // Act
    const issues = admissionIssues(native, lookupOf([context()]));

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.endpointGroups[0].services: a NATIVE API has no endpoint group services',
      'spec.flowExecution: a NATIVE API has no flow execution settings',
      'spec.responseTemplates: a NATIVE API has no response templates',
    ]);
  });

  it('Kafka plan ports need a broker range that excludes the bootstrap port', () => {
    // Prepare
    const security = { type: 'KEY_LESS' };
    const native = apiV4('native', {
      type: 'NATIVE',
      plans: {
        alone: { name: 'a', security, bootstrapPort: 9092 },
        reversed: { name: 'b', security, bootstrapPort: 9092, brokerRangeStart: 9200, brokerRangeEnd: 9100 },
        inside: { name: 'c', security, bootstrapPort: 9150, brokerRangeStart: 9100, brokerRangeEnd: 9200 },
        fine: { name: 'd', security, bootstrapPort: 9092, brokerRangeStart: 9100, brokerRangeEnd: 9200 },
      },
    });

    // Act
    const issues = admissionIssues(native, lookupOf([context()]));

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.plans.alone.bootstrapPort: a bootstrap port needs brokerRangeStart and brokerRangeEnd',
      'spec.plans.reversed.brokerRangeStart: brokerRangeStart must be lower than brokerRangeEnd',
      'spec.plans.inside.bootstrapPort: bootstrap port 9150 lies in the broker port range [9100, 9200]',
    ]);
  });

  it('endpoint group HTTP options out of range are rejected', () => {
    // Prepare
    const api = apiV4('echo', {
      endpointGroups: [
        {
          name: 'g',
          type: 'http-proxy',
          http: { maxWaitQueueSize: -2, maxConnectionLifetime: -1 },
          endpoints: [],
        },
      ],
    });

    // Act
    const issues = admissionIssues(api, lookupOf([context()]));

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.endpointGroups[0].http.maxWaitQueueSize: must be -1 or more',
      'spec.endpointGroups[0].http.maxConnectionLifetime: must be 0 or more',
    ]);
  });

  it('update changing the API type is rejected', () => {
    // Prepare
    const before = apiV4('echo');
    const after = apiV4('echo', { type: 'MESSAGE' });

    // Act
    const issues = admissionIssues(after, lookupOf([context()]), before);

    // Assess
    assert.deepEqual(errorsOf(issues), ['spec.type: the API type cannot change (was PROXY, now MESSAGE)']);
  });

  it('removing a plan a subscription uses is rejected', () => {
    // Prepare
    const before = apiV4('echo', { plans: { keys: { name: 'Keys', security: { type: 'API_KEY' } } } });
    const after = apiV4('echo');
    const lookup = lookupOf([context(), before, subscription('echo', 'client', 'keys')]);

    // Act
    const issues = admissionIssues(after, lookup, before);

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.plans: plan "keys" is used by Subscription default/client-to-echo and cannot be removed',
    ]);
  });

  it('a template reading a secret without a key is rejected, a well-formed one accepted', () => {
    // Prepare
    const api = apiV4('echo', {
      properties: [
        { key: 'good', value: '[[ secret `backend/password` ]]' },
        { key: 'bad', value: '[[ secret "backend" ]]' },
        { key: 'open', value: '[[ configmap "cfg/key" ' },
      ],
    });

    // Act
    const issues = admissionIssues(api, lookupOf([context()]));

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.properties[1].value: template secret "backend" must name its source as "name/key"',
      'spec.properties[2].value: template opened with "[[" is never closed with "]]"',
    ]);
  });

  it('a resource being deleted is not checked', () => {
    // Prepare
    const api = apiV4('echo', { plans: {} });
    api.metadata.deletionTimestamp = '2030-01-01T00:00:00Z';

    // Act
    const issues = admissionIssues(api, lookupOf([]));

    // Assess
    assert.deepEqual(issues, []);
  });
});
