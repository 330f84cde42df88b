import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiScopedId, topLevelId } from '../support/apim-simulator/index.ts';
import { pick, statusOf, useKindLoop } from '../support/e2e/kind-loop.ts';
import { apiKeyPlans, applicationManifest, subscriptionManifest } from '../support/factories/gko-kinds.ts';

const ORG = 'DEFAULT';
const ENV = 'DEFAULT';
const UNCHANGED = /^Unchanged: APIM already has this definition/;
const SUBSCRIPTIONS = 'apis/{apiHrid}/subscriptions';

describe('applications and subscriptions over the whole loop', () => {
  const kinds = useKindLoop();

  it('an Application is created, updated, left alone when unchanged and deleted (archived in APIM)', async () => {
    const k = kinds();
    const hrid = 'default-checkout';
    // Prepare
    await k.context();

    // Act: create
    const manifest = applicationManifest('checkout', 'apim');
    k.apply(manifest);
    // Assess: accepted with APIM's id; APIM holds what was sent
    const created = statusOf(await k.accepted('Application', 'checkout', 1));
    assert.equal(created.id, topLevelId(ORG, ENV, hrid));
    assert.deepEqual(pick(created, ['organizationId', 'environmentId', 'processingStatus']), {
      organizationId: ORG,
      environmentId: ENV,
      processingStatus: 'Completed',
    });
    assert.deepEqual(pick(k.apim.resource('applications', hrid), ['name', 'description', 'settings']), {
      name: 'checkout app',
      description: 'Checkout front end',
      settings: { app: { type: 'WEB' } },
    });
    assert.equal(k.apim.lifecycleStatus('applications', hrid), 'ACTIVE');

    // Act: update
    k.revise('Application', 'checkout', { ...manifest.spec, description: 'Checkout front end (EU)' });
    // Assess: one more write, same id
    const updated = statusOf(await k.accepted('Application', 'checkout', 2));
    assert.equal(updated.id, created.id);
    assert.equal(k.apim.writesTo('applications').length, 2);
    assert.equal(k.apim.resource('applications', hrid)?.description, 'Checkout front end (EU)');

    // Act: unchanged
    const redelivered = await k.leaveUnchanged('Application', 'checkout');
    // Assess: no APIM call, still accepted at generation 2
    assert.deepEqual(redelivered.status?.apim, []);
    await k.accepted('Application', 'checkout', 2, UNCHANGED);
    assert.equal(k.apim.writesTo('applications').length, 2);

    // Act: delete
    await k.deleteAndWaitGone('Application', 'checkout');
    // Assess: APIM deleted it (archives applications), finalizer released
    const last = k.apim.writesTo('applications').at(-1);
    assert.deepEqual([last?.method, last?.path.split('/').pop()], ['DELETE', hrid]);
    assert.equal(k.apim.lifecycleStatus('applications', hrid), 'ARCHIVED');
    assert.ok(k.eventReasons('checkout').includes('DeleteSucceeded'));
    assert.equal((await k.record('Application', 'checkout'))?.deleted, true);
    assert.deepEqual(k.apim.writeCounts(), { applications: 3 });
  });

  it('a Subscription is created, updated, left alone when unchanged and deleted (closed in APIM)', async () => {
    const k = kinds();
    const apiHrid = 'default-payments';
    const hrid = 'default-checkout-payments';
    const scope = { parentHrid: apiHrid };
    // Prepare: an API with an API-key plan and an application, both on the same context
    await k.context();
    k.apply(k.loop.apiManifest('payments', 'apim', { plans: apiKeyPlans() }));
    k.apply(applicationManifest('checkout', 'apim'));
    await k.accepted('ApiV4Definition', 'payments', 1);
    await k.accepted('Application', 'checkout', 1);

    // Act: create
    const manifest = subscriptionManifest('checkout-payments', {
      api: 'payments',
      application: 'checkout',
      plan: 'api-key',
    });
    k.apply(manifest);
    // Assess: accepted with APIM's id and start date; APIM holds the subscription to that plan
    const created = statusOf(await k.accepted('Subscription', 'checkout-payments', 1));
    assert.equal(created.id, apiScopedId(ORG, ENV, apiHrid, hrid));
    assert.match(created.startedAt ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(created.processingStatus, 'Completed');
    assert.deepEqual(pick(k.apim.resource(SUBSCRIPTIONS, hrid, scope), ['applicationHrid', 'planHrid']), {
      applicationHrid: 'default-checkout',
      planHrid: 'api-key',
    });
    assert.equal(k.apim.lifecycleStatus(SUBSCRIPTIONS, hrid, scope), 'ACCEPTED');

    // Act: update
    k.revise('Subscription', 'checkout-payments', { ...manifest.spec, metadata: { costCenter: 'cc-42' } });
    // Assess: one more write, same id
    const updated = statusOf(await k.accepted('Subscription', 'checkout-payments', 2));
    assert.equal(updated.id, created.id);
    assert.equal(k.apim.writesTo(SUBSCRIPTIONS).length, 2);
    assert.deepEqual(k.apim.resource(SUBSCRIPTIONS, hrid, scope)?.metadata, { costCenter: 'cc-42' });

    // Act: unchanged
    const redelivered = await k.leaveUnchanged('Subscription', 'checkout-payments');
    // Assess
    assert.deepEqual(redelivered.status?.apim, []);
    await k.accepted('Subscription', 'checkout-payments', 2, UNCHANGED);
    assert.equal(k.apim.writesTo(SUBSCRIPTIONS).length, 2);

    // Act: delete
    await k.deleteAndWaitGone('Subscription', 'checkout-payments');
    // Assess: APIM closed it, finalizer released; the API and the application were written once each
    const last = k.apim.writesTo(SUBSCRIPTIONS).at(-1);
    assert.deepEqual([last?.method, last?.path.split('/').pop()], ['DELETE', hrid]);
    assert.equal(k.apim.lifecycleStatus(SUBSCRIPTIONS, hrid, scope), 'CLOSED');
    assert.ok(k.eventReasons('checkout-payments').includes('DeleteSucceeded'));
    assert.equal((await k.record('Subscription', 'checkout-payments'))?.deleted, true);
    assert.deepEqual(k.apim.writeCounts(), { apis: 1, applications: 1, [SUBSCRIPTIONS]: 3 });
  });
});
