/**
 * `gso plan` on a small hand-written manifest set holding one resource of every kind: each resource shows
 * the APIM call it would cause (method and URL path) and ends Synced.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { main } from '../../../lib/cli/main.ts';
import { kinds } from '../../../lib/crds/kinds.ts';
import { formatIssues, validateResource } from '../../../lib/crds/validate.ts';

const BASE_URL = 'https://apim.example.com';
const AUTOMATION = '/automation/organizations/DEFAULT/environments/DEFAULT';

const resource = (kind: string, name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'gravitee.io/v1alpha1',
  kind,
  metadata: { name },
  spec,
});

/** One resource of every kind, referencing each other the way a real set does. */
const MANIFESTS = [
  resource('ManagementContext', 'dev-ctx', {
    baseUrl: BASE_URL,
    organizationId: 'DEFAULT',
    environmentId: 'DEFAULT',
    auth: { bearerToken: 'plan-only-token' },
  }),
  resource('ApiResource', 'redis-cache', {
    name: 'cache',
    type: 'cache-redis',
    enabled: true,
    configuration: { timeToLiveSeconds: 60, standalone: { enabled: true, host: 'redis', port: 6379 } },
  }),
  resource('SharedPolicyGroup', 'rate-limits', {
    contextRef: { name: 'dev-ctx' },
    name: 'Rate limits',
    apiType: 'PROXY',
    phase: 'REQUEST',
    steps: [{ name: 'Rate limit', policy: 'rate-limit', enabled: true, configuration: {} }],
  }),
  resource('Group', 'developers', {
    contextRef: { name: 'dev-ctx' },
    name: 'Developers',
    notifyMembers: false,
    members: [],
  }),
  resource('Notification', 'api-events', {
    target: 'console',
    eventType: 'api',
    console: { apiEvents: ['API_STARTED', 'API_STOPPED'], groupRefs: [{ name: 'developers' }] },
  }),
  resource('Dictionary', 'regions', {
    contextRef: { name: 'dev-ctx' },
    name: 'Regions',
    type: 'MANUAL',
    deployed: true,
    manual: { properties: { eu: 'eu-west-1' } },
  }),
  resource('ApiV4Definition', 'orders', {
    contextRef: { name: 'dev-ctx' },
    name: 'Orders',
    version: '1.0',
    type: 'PROXY',
    state: 'STARTED',
    definitionVersion: 'V4',
    groupRefs: [{ name: 'developers' }],
    notificationsRefs: [{ name: 'api-events' }],
    resources: [{ ref: { name: 'redis-cache' } }],
    listeners: [{ type: 'HTTP', paths: [{ path: '/orders' }], entrypoints: [{ type: 'http-proxy' }] }],
    endpointGroups: [
      {
        name: 'default',
        type: 'http-proxy',
        endpoints: [
          {
            name: 'backend',
            type: 'http-proxy',
            inheritConfiguration: false,
            configuration: { target: 'https://orders.internal' },
          },
        ],
      },
    ],
    flows: [{ name: 'limits', enabled: true, request: [{ sharedPolicyGroupRef: { name: 'rate-limits' } }] }],
    plans: {
      'api-key': { name: 'API key', security: { type: 'API_KEY' }, status: 'PUBLISHED' },
    },
  }),
  resource('ApiDefinition', 'legacy', {
    contextRef: { name: 'dev-ctx' },
    name: 'Legacy',
    version: '1.0',
    description: 'A v2 API',
    plans: [{ name: 'Keyless', description: 'Free', security: 'KEY_LESS' }],
    proxy: {
      virtual_hosts: [{ path: '/legacy' }],
      groups: [{ endpoints: [{ name: 'backend', target: 'https://legacy.internal' }] }],
    },
  }),
  resource('Application', 'orders-client', {
    contextRef: { name: 'dev-ctx' },
    name: 'Orders client',
    description: 'Calls the orders API',
    settings: { app: { type: 'WEB' } },
  }),
  resource('Subscription', 'orders-client-subscription', {
    api: { name: 'orders' },
    application: { name: 'orders-client' },
    plan: 'api-key',
  }),
  resource('Portal', 'main-portal', {
    contextRef: { name: 'dev-ctx' },
    name: 'Main portal',
    navigation: [{ path: '/products', displayName: 'Products' }],
  }),
  resource('PortalListing', 'orders-listing', {
    portalRef: { name: 'main-portal' },
    apis: [{ ref: { name: 'orders' }, location: '/products', order: 1 }],
  }),
  resource('PortalLink', 'status-page', {
    portalRef: { name: 'main-portal' },
    name: 'Status',
    href: 'https://status.example.com',
    location: '/products',
    order: 2,
  }),
  resource('Documentation', 'getting-started', {
    portalRef: { name: 'main-portal' },
    name: 'Getting started',
    type: 'GRAVITEE_MARKDOWN',
    content: '# Getting started\n',
    location: '/products',
    order: 3,
  }),
];

/** The call each resource causes: method and URL path (query aside), none for registry-only kinds. */
const EXPECTED_CALLS: Readonly<Record<string, ReadonlyArray<readonly [string, string]>>> = {
  'ManagementContext default/dev-ctx': [['GET', '/management/v2/organizations/DEFAULT/environments/DEFAULT']],
  'ApiResource default/redis-cache': [],
  'SharedPolicyGroup default/rate-limits': [['PUT', `${AUTOMATION}/shared-policy-groups`]],
  'Group default/developers': [['PUT', `${AUTOMATION}/groups`]],
  'Notification default/api-events': [],
  'Dictionary default/regions': [['PUT', `${AUTOMATION}/dictionaries`]],
  'ApiV4Definition default/orders': [['PUT', `${AUTOMATION}/apis`]],
  'ApiDefinition default/legacy': [
    ['PUT', '/management/organizations/DEFAULT/environments/DEFAULT/apis/import-crd'],
  ],
  'Application default/orders-client': [['PUT', `${AUTOMATION}/applications`]],
  'Subscription default/orders-client-subscription': [
    ['PUT', `${AUTOMATION}/apis/default-orders/subscriptions`],
  ],
  'Portal default/main-portal': [['PUT', `${AUTOMATION}/portals`]],
  'PortalListing default/orders-listing': [['PUT', `${AUTOMATION}/portals/default-main-portal/listings`]],
  'PortalLink default/status-page': [['PUT', `${AUTOMATION}/portals/default-main-portal/links`]],
  'Documentation default/getting-started': [
    ['PUT', `${AUTOMATION}/portals/default-main-portal/documentations`],
  ],
};

interface PlannedResource {
  resource: string;
  outcome: string;
  message: string;
  calls: Array<{ method: string; url: string; body?: unknown }>;
}

describe('gso plan with one resource of every kind', () => {
  let dir = '';
  let code = -1;
  let output = '';
  let plan: PlannedResource[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gso-plan-kinds-'));
    writeFileSync(join(dir, 'all.yaml'), MANIFESTS.map((m) => stringify(m)).join('---\n'));
    const lines: string[] = [];
    code = await main(['plan', dir, '--output', 'json'], (line) => lines.push(line));
    output = lines.join('\n');
    plan = JSON.parse(output) as PlannedResource[];
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is given one valid resource of every kind', () => {
    // Prepare
    const problems = MANIFESTS.flatMap((manifest) => {
      const result = validateResource(manifest);
      return result.ok ? [] : [`${manifest.kind}: ${formatIssues(result.issues)}`];
    });

    // Act
    const manifestKinds = MANIFESTS.map((manifest) => manifest.kind).sort();

    // Assess
    assert.deepEqual(problems, []);
    assert.deepEqual(manifestKinds, Object.keys(kinds).sort());
    assert.deepEqual(
      Object.keys(EXPECTED_CALLS).sort(),
      MANIFESTS.map((m) => `${m.kind} default/${m.metadata.name}`).sort(),
    );
  });

  it('ends with exit code 0 and every resource Synced', () => {
    // Prepare / Act
    const notSynced = plan
      .filter((entry) => entry.outcome !== 'Synced')
      .map((e) => `${e.resource}: ${e.message}`);

    // Assess
    assert.equal(code, 0, output);
    assert.deepEqual(notSynced, []);
    assert.deepEqual(plan.map((entry) => entry.resource).sort(), Object.keys(EXPECTED_CALLS).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED_CALLS)) {
    it(`shows ${name} → ${expected.map(([method, path]) => `${method} ${path}`).join(', ') || 'no APIM call'}`, () => {
      // Prepare
      const entry = plan.find((e) => e.resource === name);

      // Act
      const calls = (entry?.calls ?? []).map((call) => {
        const url = new URL(call.url);
        assert.equal(url.origin, BASE_URL, 'calls go to the context base URL');
        return [call.method, url.pathname] as const;
      });

      // Assess
      assert.ok(entry, `${name} is missing from the plan`);
      assert.deepEqual(calls, expected);
      for (const call of entry.calls.filter((c) => c.method === 'PUT')) {
        assert.ok(call.body && typeof call.body === 'object', 'a PUT carries the body it would send');
      }
    });
  }

  it('keeps the context credentials out of the plan', () => {
    // Prepare / Act / Assess
    assert.doesNotMatch(output, /plan-only-token/);
  });
});
