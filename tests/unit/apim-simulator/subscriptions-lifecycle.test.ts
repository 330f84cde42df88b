import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiScopedId, topLevelId } from '../../support/apim-simulator/index.ts';
import type { Exchange } from './automation-client.ts';
import {
  apiWithPlans,
  applicationArchived,
  applicationSpec,
  hridNotFound,
  type PlanFixture,
  subscriptionSpec,
} from './automation-fixtures.ts';
import { CLIENT_CERTIFICATE_PEM } from './certificate-fixtures.ts';
import { useSimulator } from './use-simulator.ts';

const SUBSCRIPTIONS = 'apis/orders-api/subscriptions';
const API_KEY = 'a-custom-api-key-of-exactly-32-ch';

describe('APIM simulator: automation subscription lifecycle', () => {
  const { simulator, client } = useSimulator();

  /** Stores the API `orders-api` with `plans` and the simple application `billing-app`. */
  async function prepare(
    plans: readonly PlanFixture[] = [{ hrid: 'key', security: 'API_KEY' }],
  ): Promise<void> {
    const api = await client.put('apis', apiWithPlans('orders-api', plans));
    const application = await client.put('applications', applicationSpec('billing-app'));
    assert.deepEqual([api.status, application.status], [200, 200]);
  }

  function planId(planHrid: string): string {
    return apiScopedId('DEFAULT', 'DEFAULT', 'orders-api', planHrid);
  }

  it('creates an accepted subscription with derived ids and keeps them on update', async () => {
    // Prepare
    await prepare();
    const spec = subscriptionSpec('billing-orders', 'billing-app', 'key', { apiKeys: [{ key: API_KEY }] });

    // Act
    const created = await client.put(SUBSCRIPTIONS, spec);
    const updated = await client.put(SUBSCRIPTIONS, { ...spec, metadata: { team: 'billing' } });

    // Assess
    assert.equal(created.status, 200);
    assert.equal(created.body?.id, apiScopedId('DEFAULT', 'DEFAULT', 'orders-api', 'billing-orders'));
    assert.equal(created.body?.apiHrid, 'orders-api');
    assert.equal(created.body?.apiKeys, undefined);
    assert.deepEqual(created.body?.errors, { severe: [], warning: [] });
    assert.match(String(created.body?.startingAt), /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(updated.body?.id, created.body?.id);
    assert.equal(updated.body?.startingAt, created.body?.startingAt);
    assert.deepEqual(updated.body?.metadata, { team: 'billing' });
    assert.equal(simulator.lifecycleStatus('apis/{apiHrid}/subscriptions', 'billing-orders'), 'ACCEPTED');
  });

  it('reads a subscription back with its references by hrid and no errors', async () => {
    // Prepare
    await prepare();
    const created = await client.put(SUBSCRIPTIONS, subscriptionSpec('billing-orders', 'billing-app', 'key'));

    // Act
    const read = await client.get(`${SUBSCRIPTIONS}/billing-orders`);

    // Assess
    assert.deepEqual(read, {
      status: 200,
      body: {
        hrid: 'billing-orders',
        applicationHrid: 'billing-app',
        planHrid: 'key',
        id: created.body?.id,
        organizationId: 'DEFAULT',
        environmentId: 'DEFAULT',
        apiHrid: 'orders-api',
        startingAt: created.body?.startingAt,
      },
    });
  });

  it('treats dryRun as a spec violation, because APIM ignores it on subscriptions and imports for real', async () => {
    // Prepare
    await prepare();

    // Act
    const response = await client.dryRun(
      SUBSCRIPTIONS,
      subscriptionSpec('billing-orders', 'billing-app', 'key'),
    );

    // Assess
    assert.equal(response.status, 400);
    assert.deepEqual(
      simulator.violations().map((violation) => [violation.kind, violation.operationId]),
      [['request', 'createOrUpdateApiSubscriptions']],
    );
    assert.equal(simulator.resources('apis/{apiHrid}/subscriptions').size, 0);
    simulator.reset();
  });

  it('closes a deleted subscription, which stays readable, and accepts it again when re-imported', async () => {
    // Prepare
    await prepare();
    const spec = subscriptionSpec('billing-orders', 'billing-app', 'key');
    await client.put(SUBSCRIPTIONS, spec);

    // Act
    const { deleted, read, deletedAgain } = await client.deleteReadDelete(`${SUBSCRIPTIONS}/billing-orders`);
    const status = simulator.lifecycleStatus('apis/{apiHrid}/subscriptions', 'billing-orders');
    const reimported = await client.put(SUBSCRIPTIONS, spec);

    // Assess
    assert.deepEqual(
      [deleted.status, read.status, deletedAgain.status, reimported.status],
      [204, 200, 204, 200],
    );
    assert.equal(status, 'CLOSED');
    assert.equal(simulator.lifecycleStatus('apis/{apiHrid}/subscriptions', 'billing-orders'), 'ACCEPTED');
    assert.equal(simulator.writesTo('apis/{apiHrid}/subscriptions').length, 4);
  });

  it('answers 404 for a subscription that never existed, also under another API', async () => {
    // Prepare
    await prepare();
    await client.put(SUBSCRIPTIONS, subscriptionSpec('billing-orders', 'billing-app', 'key'));

    // Act
    const unknown = await client.get(`${SUBSCRIPTIONS}/ghost`);
    const otherApi = await client.delete('apis/payments-api/subscriptions/billing-orders');

    // Assess
    assert.deepEqual(unknown, hridNotFound('ghost'));
    assert.equal(otherApi.status, 404);
  });

  it('deletes the subscriptions of a deleted API', async () => {
    // Prepare
    await prepare();
    await client.put(SUBSCRIPTIONS, subscriptionSpec('billing-orders', 'billing-app', 'key'));

    // Act
    await client.delete('apis/orders-api');
    const read = await client.get(`${SUBSCRIPTIONS}/billing-orders`);

    // Assess
    assert.equal(read.status, 404);
    assert.equal(simulator.resources('apis/{apiHrid}/subscriptions').size, 0);
  });

  it('closes the subscriptions of a deleted application, and restoring it makes them pending', async () => {
    // Prepare
    await prepare();
    await client.put(SUBSCRIPTIONS, subscriptionSpec('billing-orders', 'billing-app', 'key'));

    // Act
    await client.delete('applications/billing-app');
    const afterArchive = simulator.lifecycleStatus('apis/{apiHrid}/subscriptions', 'billing-orders');
    await client.put('applications', applicationSpec('billing-app'));

    // Assess
    assert.equal(afterArchive, 'CLOSED');
    assert.equal(simulator.lifecycleStatus('apis/{apiHrid}/subscriptions', 'billing-orders'), 'PENDING');
  });

  it('refuses a subscription to an archived application', async () => {
    // Prepare
    await prepare();
    await client.delete('applications/billing-app');

    // Act
    const response = await client.put(
      SUBSCRIPTIONS,
      subscriptionSpec('billing-orders', 'billing-app', 'key'),
    );

    // Assess
    assert.deepEqual(response, applicationArchived('Application billing-app'));
  });

  it('answers 404 when the plan, the API or the application does not exist in the environment', async () => {
    // Prepare
    await prepare();
    const missingApp = topLevelId('DEFAULT', 'DEFAULT', 'ghost-app');

    // Act
    const unknownPlan = await client.put(SUBSCRIPTIONS, subscriptionSpec('sub-1', 'billing-app', 'gold'));
    const unknownApi = await client.put(
      'apis/ghost-api/subscriptions',
      subscriptionSpec('sub-2', 'billing-app', 'key'),
    );
    const unknownApp = await client.put(SUBSCRIPTIONS, subscriptionSpec('sub-3', 'ghost-app', 'key'));

    // Assess
    assert.deepEqual(unknownPlan.body, {
      httpStatus: 404,
      message: `Plan [${planId('gold')}] cannot be found.`,
      technicalCode: 'plan.notFound',
      parameters: { plan: planId('gold') },
    });
    const ghostPlan = apiScopedId('DEFAULT', 'DEFAULT', 'ghost-api', 'key');
    assert.deepEqual(
      [unknownApi.status, unknownApi.body?.message],
      [404, `Plan [${ghostPlan}] cannot be found.`],
    );
    assert.deepEqual(unknownApp.body, {
      httpStatus: 404,
      message: `Application [${missingApp}] cannot be found.`,
      technicalCode: 'application.notFound',
      parameters: { application: missingApp },
    });
    assert.equal(simulator.resources('apis/{apiHrid}/subscriptions').size, 0);
  });

  it('refuses plans that are not published or not subscribable', async () => {
    // Prepare
    await prepare([
      { hrid: 'keyless', security: 'KEY_LESS' },
      { hrid: 'staging', status: 'STAGING' },
      { hrid: 'closed', status: 'CLOSED' },
      { hrid: 'deprecated', status: 'DEPRECATED' },
    ]);
    const subscribe = (plan: string) =>
      client.put(SUBSCRIPTIONS, subscriptionSpec(`to-${plan}`, 'billing-app', plan));

    // Act
    const answers: Exchange[] = [];
    for (const plan of ['keyless', 'staging', 'closed', 'deprecated']) {
      answers.push(await subscribe(plan));
    }

    // Assess
    assert.deepEqual(
      answers.map((answer) => [answer.status, answer.body?.technicalCode, answer.body?.message]),
      [
        [400, 'plan.notSubscribable', 'A keyless plan is not subscribable!'],
        [400, 'plan.notPublished', `Plan ${planId('staging')} is not yet published !`],
        [400, 'plan.closed', `Plan ${planId('closed')} is already closed !`],
        [400, 'plan.notSubscribable', planId('deprecated')],
      ],
    );
  });

  it('refuses a second active subscription of the application to the same plan', async () => {
    // Prepare
    await prepare();
    await client.put(SUBSCRIPTIONS, subscriptionSpec('first', 'billing-app', 'key'));

    // Act
    const second = await client.put(SUBSCRIPTIONS, subscriptionSpec('second', 'billing-app', 'key'));

    // Assess
    assert.deepEqual(second.body, {
      httpStatus: 400,
      message: 'There is already a PENDING or ACCEPTED subscription for this plan.',
      technicalCode: 'plan.subscribed',
      parameters: { plan: planId('key') },
    });
  });

  it('refuses a second OAuth2/JWT plan of the API unless the API allows several', async () => {
    // Prepare
    await prepare([
      { hrid: 'jwt', security: 'JWT' },
      { hrid: 'oauth', security: 'OAUTH2' },
    ]);
    await client.put(
      'applications',
      applicationSpec('billing-app', { settings: { app: { clientId: 'billing' } } }),
    );
    await client.put(SUBSCRIPTIONS, subscriptionSpec('with-jwt', 'billing-app', 'jwt'));

    // Act
    const refused = await client.put(SUBSCRIPTIONS, subscriptionSpec('with-oauth', 'billing-app', 'oauth'));
    const allowing = apiWithPlans('orders-api', [
      { hrid: 'jwt', security: 'JWT' },
      { hrid: 'oauth', security: 'OAUTH2' },
    ]);
    await client.put('apis', { ...allowing, allowMultiJwtOauth2Subscriptions: true });
    const accepted = await client.put(SUBSCRIPTIONS, subscriptionSpec('with-oauth', 'billing-app', 'oauth'));

    // Assess
    assert.deepEqual(
      [refused.status, refused.body?.technicalCode, refused.body?.message],
      [
        400,
        'plan.otherOAuth2OrJWTSubscribed',
        'An other OAuth2 or JWT plan is already subscribed by the same application.',
      ],
    );
    assert.equal(accepted.status, 200);
  });

  it('requires what the plan security needs from the application: a client id, a client certificate', async () => {
    // Prepare
    await prepare([
      { hrid: 'jwt', security: 'JWT' },
      { hrid: 'mtls', security: 'MTLS' },
    ]);

    // Act
    const jwt = await client.put(SUBSCRIPTIONS, subscriptionSpec('with-jwt', 'billing-app', 'jwt'));
    const mtls = await client.put(SUBSCRIPTIONS, subscriptionSpec('with-mtls', 'billing-app', 'mtls'));
    const certified = applicationSpec('billing-app', {
      settings: {
        app: {},
        tls: { clientCertificates: [{ name: 'client', content: CLIENT_CERTIFICATE_PEM }] },
      },
    });
    await client.put('applications', certified);
    const mtlsWithCertificate = await client.put(
      SUBSCRIPTIONS,
      subscriptionSpec('with-mtls', 'billing-app', 'mtls'),
    );

    // Assess
    assert.deepEqual(
      [jwt.status, jwt.body?.technicalCode, jwt.body?.message],
      [400, 'plan.notSubscribable', 'A client_id is required to subscribe to an OAuth2 or JWT plan.'],
    );
    assert.deepEqual(
      [mtls.status, mtls.body?.technicalCode],
      [400, 'plan.notSubscribableWithoutClientCertificate'],
    );
    assert.equal(mtlsWithCertificate.status, 200);
  });

  it('requires an entrypoint in the consumer configuration of a push plan subscription', async () => {
    // Prepare
    await prepare([{ hrid: 'push', mode: 'PUSH' }]);

    // Act
    const missing = await client.put(SUBSCRIPTIONS, subscriptionSpec('pushed', 'billing-app', 'push'));
    const configured = await client.put(
      SUBSCRIPTIONS,
      subscriptionSpec('pushed', 'billing-app', 'push', {
        consumerConfiguration: {
          entrypointId: 'webhook',
          entrypointConfiguration: { callbackUrl: 'https://x.test' },
        },
      }),
    );

    // Assess
    assert.deepEqual(missing.body, {
      httpStatus: 400,
      message: 'Subscription configuration must contain entrypoint id',
      technicalCode: 'subscription.entrypoint.missing',
      parameters: {},
    });
    assert.equal(configured.status, 200);
  });

  it('only takes custom API keys for API_KEY plans, 32 to 256 characters long and distinct', async () => {
    // Prepare
    await prepare([
      { hrid: 'key', security: 'API_KEY' },
      { hrid: 'jwt', security: 'JWT' },
    ]);
    const withKeys = (plan: string, keys: string[]) =>
      subscriptionSpec('keyed', 'billing-app', plan, { apiKeys: keys.map((key) => ({ key })) });
    const cases: Array<[Record<string, unknown>, string]> = [
      [withKeys('jwt', [API_KEY]), `apiKeys is only allowed for API_KEY plans (plan: ${planId('jwt')})`],
      [withKeys('key', ['short']), 'key length must be between 32 and 256 characters, got 5'],
      [withKeys('key', [API_KEY, API_KEY]), `duplicate key [${API_KEY}] in apiKeys`],
      [withKeys('key', ['   ']), 'apiKeys entries must have a non-empty key'],
      [withKeys('gold', [API_KEY]), ''],
    ];

    for (const [spec, severe] of cases) {
      // Act
      const response = await client.put(SUBSCRIPTIONS, spec);

      // Assess
      const message =
        severe === ''
          ? `Plan [${planId('gold')}] can not be found`
          : `Unable to import because of errors [${severe}]`;
      assert.deepEqual(response, {
        status: 400,
        body: { httpStatus: 400, message, technicalCode: 'invalid' },
      });
    }
    assert.equal(simulator.resources('apis/{apiHrid}/subscriptions').size, 0);
  });

  it('refuses an update that changes the plan or the application', async () => {
    // Prepare
    await prepare([
      { hrid: 'key', security: 'API_KEY' },
      { hrid: 'gold', security: 'API_KEY' },
    ]);
    await client.put('applications', applicationSpec('invoicing-app'));
    await client.put(SUBSCRIPTIONS, subscriptionSpec('billing-orders', 'billing-app', 'key'));
    const id = apiScopedId('DEFAULT', 'DEFAULT', 'orders-api', 'billing-orders');

    // Act
    const otherPlan = await client.put(
      SUBSCRIPTIONS,
      subscriptionSpec('billing-orders', 'billing-app', 'gold'),
    );
    const otherApp = await client.put(
      SUBSCRIPTIONS,
      subscriptionSpec('billing-orders', 'invoicing-app', 'key'),
    );

    // Assess
    assert.deepEqual(
      [otherPlan.body?.message, otherApp.body?.message],
      [`Subscription [${id}] plan cannot be changed`, `Subscription [${id}] application cannot be changed`],
    );
    assert.equal(
      simulator.resource('apis/{apiHrid}/subscriptions', 'billing-orders', { parentHrid: 'orders-api' })
        ?.planHrid,
      'key',
    );
  });
});
