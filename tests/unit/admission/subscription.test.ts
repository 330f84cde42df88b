import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admissionIssues } from '../../../lib/admission/admission-issues.ts';
import { apiV2, apiV4, application, context, errorsOf, lookupOf, subscription } from './support/cluster.ts';

const now = new Date('2030-01-01T00:00:00Z');

const plans = {
  keyless: { name: 'Free', security: { type: 'KEY_LESS' } },
  gold: { name: 'Gold', security: { type: 'API_KEY' } },
  jwt: { name: 'JWT', security: { type: 'JWT', configuration: {} } },
  mtls: { name: 'mTLS', security: { type: 'MTLS' } },
};

const cluster = (...extra: Parameters<typeof lookupOf>[0]) =>
  lookupOf([context(), apiV4('orders', { plans }), application('client'), ...extra]);

describe('Subscription admission', () => {
  it('subscription to an API_KEY plan of an existing API from an application on the same context is accepted', () => {
    // Prepare
    const sub = subscription('orders', 'client', 'gold', { endingAt: '2031-01-01T00:00:00Z' });

    // Act
    const issues = admissionIssues(sub, cluster(), undefined, { now });

    // Assess
    assert.deepEqual(issues, []);
  });

  it('subscription to a keyless plan is rejected', () => {
    // Prepare
    const sub = subscription('orders', 'client', 'keyless');

    // Act
    const issues = admissionIssues(sub, cluster(), undefined, { now });

    // Assess
    assert.equal(issues.length, 1);
    assert.equal(issues[0]?.field, 'spec.plan');
    assert.match(issues[0]?.message ?? '', /security type KEY_LESS, which takes no subscription/);
  });

  it('subscription to a plan the API does not have is rejected', () => {
    // Act
    const issues = admissionIssues(subscription('orders', 'client', 'platinum'), cluster(), undefined, {
      now,
    });

    // Assess
    assert.deepEqual(errorsOf(issues), ['spec.plan: ApiV4Definition default/orders has no plan "platinum"']);
  });

  it('subscription to a v2 API names the plan by its name', () => {
    // Prepare
    const api = apiV2('legacy', {
      plans: [{ name: 'keys', description: 'keys', security: 'API_KEY' }],
    });
    const sub = subscription('legacy', 'client', 'keys', { api: { name: 'legacy', kind: 'ApiDefinition' } });

    // Act
    const issues = admissionIssues(sub, lookupOf([context(), api, application('client')]), undefined, {
      now,
    });

    // Assess
    assert.deepEqual(issues, []);
  });

  it('subscription naming a kind that is not an API is rejected', () => {
    // Prepare
    const sub = subscription('orders', 'client', 'gold', { api: { name: 'orders', kind: 'Application' } });

    // Act
    const issues = admissionIssues(sub, cluster(), undefined, { now });

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.api.kind: "Application" is not an API kind; use ApiV4Definition or ApiDefinition',
    ]);
  });

  it('subscription to an unknown API and application names both as missing references', () => {
    // Act
    const issues = admissionIssues(
      subscription('nowhere', 'nobody', 'gold'),
      lookupOf([context()]),
      undefined,
      {
        now,
      },
    );

    // Assess
    assert.deepEqual(
      issues.map((i) => i.missingReference),
      [
        { kind: 'ApiV4Definition', namespace: 'default', name: 'nowhere' },
        { kind: 'Application', namespace: 'default', name: 'nobody' },
      ],
    );
  });

  it('API keys on a JWT plan are rejected', () => {
    // Prepare
    const sub = subscription('orders', 'client', 'jwt', {
      apiKeys: [{ key: 'a-custom-api-key-of-at-least-32-chars' }],
    });
    const app = application('client', { app: { type: 'WEB', clientId: 'client-id' } });

    // Act
    const issues = admissionIssues(sub, lookupOf([context(), apiV4('orders', { plans }), app]), undefined, {
      now,
    });

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.apiKeys: API keys can only be set on a subscription to an API_KEY plan; plan "jwt" is JWT',
    ]);
  });

  it('the same API key twice and a past expiry are rejected key by key', () => {
    // Prepare
    const key = 'a-custom-api-key-of-at-least-32-chars';
    const sub = subscription('orders', 'client', 'gold', {
      apiKeys: [{ key }, { key, expireAt: '2029-12-31T23:59:59Z' }],
    });

    // Act
    const issues = admissionIssues(sub, cluster(), undefined, { now });

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.apiKeys[1].key: duplicate API key',
      'spec.apiKeys[1].expireAt: "2029-12-31T23:59:59Z" must be at least one minute from now',
    ]);
  });

  it('an ending date that is not RFC 3339 or less than a minute ahead is rejected', () => {
    // Act
    const notADate = admissionIssues(
      subscription('orders', 'client', 'gold', { endingAt: '31/12/2030' }),
      cluster(),
      undefined,
      { now },
    );
    const tooSoon = admissionIssues(
      subscription('orders', 'client', 'gold', { endingAt: '2030-01-01T00:00:30Z' }),
      cluster(),
      undefined,
      { now },
    );

    // Assess
    assert.deepEqual(errorsOf(notADate), ['spec.endingAt: "31/12/2030" is not an RFC 3339 date-time']);
    assert.deepEqual(errorsOf(tooSoon), [
      'spec.endingAt: "2030-01-01T00:00:30Z" must be at least one minute from now',
    ]);
  });

  it('subscription to a JWT plan from a simple application without client id is rejected', () => {
    // Act
    const issues = admissionIssues(subscription('orders', 'client', 'jwt'), cluster(), undefined, { now });

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.application: Application default/client has no client id, which a JWT plan needs',
    ]);
  });

  it('subscription to an MTLS plan from an application without client certificate is rejected', () => {
    // Act
    const issues = admissionIssues(subscription('orders', 'client', 'mtls'), cluster(), undefined, { now });

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.application: Application default/client has no client certificate, which an MTLS plan needs',
    ]);
  });

  it('subscription ending after every dated client certificate of the application is rejected on an MTLS plan', () => {
    // Prepare
    const app = application('client', {
      app: { type: 'WEB' },
      tls: {
        clientCertificates: [
          { name: 'a', endsAt: '2030-06-01T00:00:00Z', ref: { name: 'cert-a' } },
          { name: 'b', endsAt: '2030-09-01T00:00:00Z', ref: { name: 'cert-b' } },
        ],
      },
    });
    const lookup = lookupOf([context(), apiV4('orders', { plans }), app]);

    // Act
    const late = admissionIssues(
      subscription('orders', 'client', 'mtls', { endingAt: '2030-12-01T00:00:00Z' }),
      lookup,
      undefined,
      { now },
    );
    const inTime = admissionIssues(
      subscription('orders', 'client', 'mtls', { endingAt: '2030-08-01T00:00:00Z' }),
      lookup,
      undefined,
      { now },
    );

    // Assess
    assert.deepEqual(errorsOf(late), [
      'spec.endingAt: the subscription ends after every client certificate of Application default/client',
    ]);
    assert.deepEqual(inTime, []);
  });

  it('API and application on different management contexts are rejected', () => {
    // Prepare
    const app = application('client', { app: { type: 'WEB' } }, { contextRef: { name: 'prod-ctx' } });
    const lookup = lookupOf([context(), context('prod-ctx'), apiV4('orders', { plans }), app]);

    // Act
    const issues = admissionIssues(subscription('orders', 'client', 'gold'), lookup, undefined, { now });

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.application: Application default/client uses ManagementContext default/prod-ctx but ApiV4Definition default/orders uses default/dev-ctx; both must use the same',
    ]);
  });

  it('a context named with and without its namespace is the same context', () => {
    // Prepare
    const app = application(
      'client',
      { app: { type: 'WEB' } },
      { contextRef: { name: 'dev-ctx', namespace: 'default' } },
    );

    // Act
    const issues = admissionIssues(
      subscription('orders', 'client', 'gold'),
      lookupOf([context(), apiV4('orders', { plans }), app]),
      undefined,
      { now },
    );

    // Assess
    assert.deepEqual(issues, []);
  });

  it('subscription to a stopped API, an API synced from Kubernetes or a failed API is rejected', () => {
    // Prepare
    const stopped = apiV4('stopped', { plans, state: 'STOPPED' });
    const local = apiV4('local', {
      plans,
      definitionContext: { origin: 'KUBERNETES', syncFrom: 'KUBERNETES' },
    });
    const failed = { ...apiV4('failed', { plans }), status: { processingStatus: 'Failed' } };
    const lookup = lookupOf([context(), stopped, local, failed, application('client')]);

    // Act
    const errors = ['stopped', 'local', 'failed'].map((api) =>
      errorsOf(admissionIssues(subscription(api, 'client', 'gold'), lookup, undefined, { now })),
    );

    // Assess
    assert.deepEqual(errors, [
      ['spec.api: ApiV4Definition default/stopped is STOPPED'],
      [
        'spec.api: ApiV4Definition default/local is synced to the gateways from Kubernetes, not from APIM; only APIs synced from APIM take subscriptions',
      ],
      ['spec.api: ApiV4Definition default/failed failed to sync'],
    ]);
  });

  it('update changing the API, the application or the plan is rejected', () => {
    // Prepare
    const before = subscription('orders', 'client', 'gold');
    const after = {
      ...before,
      spec: { api: { name: 'orders-v2' }, application: { name: 'other' }, plan: 'silver' },
    };

    // Act
    const issues = admissionIssues(after, cluster(), before, { now });

    // Assess
    const immutables = errorsOf(issues).filter((e) => e.includes('cannot change'));
    assert.deepEqual(immutables, [
      'spec.api: the API cannot change (was default/orders, now default/orders-v2)',
      'spec.plan: the plan cannot change (was "gold", now "silver")',
      'spec.application: the application cannot change (was default/client, now default/other)',
    ]);
  });

  it('update of an unchanged subscription to an API stopped since is accepted', () => {
    // Prepare
    const sub = subscription('orders', 'client', 'gold');
    const lookup = lookupOf([context(), apiV4('orders', { plans, state: 'STOPPED' }), application('client')]);

    // Act
    const issues = admissionIssues(sub, lookup, sub, { now });

    // Assess
    assert.deepEqual(issues, []);
  });
});
