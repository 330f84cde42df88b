import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accepted, eventually } from '../support/e2e/loop-harness.ts';
import { useLoopHarness } from '../support/e2e/use-loop-harness.ts';
import {
  apiKeyPlan,
  apiReferencingAll,
  apiWithPlans,
  applicationManifest,
  cacheResourceManifest,
  finalizerOf,
  groupManifest,
  jwtPlan,
  kindRef,
  notificationManifest,
  secretManifest,
  sharedPolicyGroupManifest,
  subscriptionManifest,
  templatedApi,
} from '../support/factories/journeys.ts';
import type { KubeObject } from '../support/fake-kube/index.ts';

const HRID = (name: string) => `default-${name}`;
const SUBSCRIPTIONS = 'apis/{apiHrid}/subscriptions';

type Condition = {
  type: string;
  status?: string;
  reason?: string;
  message?: string;
  observedGeneration?: number;
};
type Json = Record<string, unknown>;

describe('cross-kind journeys over the whole loop', () => {
  const loop = useLoopHarness();

  /** The object of a kind as the fake API server holds it. */
  function object(kind: string, name: string): KubeObject | undefined {
    return loop().kube.get(kindRef(kind), 'default', name);
  }

  function condition(found: KubeObject | undefined, type: string): Condition | undefined {
    const conditions = ((found?.status as { conditions?: Condition[] } | undefined)?.conditions ??
      []) as Condition[];
    return conditions.find((c) => c.type === type);
  }

  /** Waits until the object is Accepted=True (at `generation` when given) and returns it. */
  function acceptedObject(kind: string, name: string, generation?: number, timeoutMs = 30_000) {
    return eventually(
      `${kind} ${name} accepted${generation ? ` at generation ${generation}` : ''}`,
      () => {
        const found = object(kind, name);
        const c = accepted(found);
        return c?.status === 'True' && (generation === undefined || c.observedGeneration === generation)
          ? found
          : undefined;
      },
      timeoutMs,
    );
  }

  /** Re-applies the object with `spec` merged in, keeping its metadata (finalizers) as a user's edit would. */
  function revise(kind: string, name: string, spec: Json): void {
    const current = object(kind, name);
    assert.ok(current, `${kind} ${name} exists`);
    loop().kube.apply({ ...current, spec: { ...(current.spec as Json), ...spec } });
  }

  /** Bodies of the API upserts APIM applied for one hrid, oldest first. */
  function apiBodies(hrid: string): Json[] {
    return loop()
      .apim.writesTo('apis')
      .filter((r) => r.method === 'PUT' && (r.body as Json | undefined)?.hrid === hrid)
      .map((r) => r.body as Json);
  }

  function lastApiBody(hrid: string): Json {
    const bodies = apiBodies(hrid);
    const last = bodies[bodies.length - 1];
    assert.ok(last, `APIM received the API ${hrid}`);
    return last;
  }

  /** `synced` log lines of one resource's function. */
  function syncedLines(kind: string, name: string): Array<{ wrote?: boolean; generation?: number }> {
    const resource = `e2e/${kind}/default/${name}`;
    return loop()
      .logs.map((line) => JSON.parse(line) as { message?: string; resource?: string; wrote?: boolean })
      .filter((entry) => entry.message === 'synced' && entry.resource === resource);
  }

  function hasEvent(name: string, match: { type?: string; reason: string; message?: RegExp }): boolean {
    return loop()
      .eventsFor(name)
      .some(
        (e) =>
          e.reason === match.reason &&
          (match.type === undefined || e.type === match.type) &&
          (match.message === undefined || match.message.test(e.message ?? '')),
      );
  }

  const flowStep = (body: Json) => {
    const flows = body.flows as Array<{ request?: Json[] }> | undefined;
    return flows?.[0]?.request?.[0];
  };

  it('an API with ApiResource, SharedPolicyGroup, Group and Notification refs is synced with all four resolved, and changing each referenced object re-syncs the API', async () => {
    // Prepare
    const kube = loop().kube;
    kube.apply(loop().contextManifest('apim'));
    kube.apply(cacheResourceManifest('orders-cache', 60));
    kube.apply(groupManifest('reviewers', 'apim', 'API reviewers'));
    kube.apply(sharedPolicyGroupManifest('rate-limits', 'apim'));
    kube.apply(notificationManifest('orders-alerts', ['API_STARTED'], ['reviewers']));
    const spg = await acceptedObject('SharedPolicyGroup', 'rate-limits');
    await acceptedObject('Group', 'reviewers');
    await acceptedObject('Notification', 'orders-alerts');
    await eventually('ApiResource accepted', () =>
      hasEvent('orders-cache', { type: 'Normal', reason: 'UpdateSucceeded' }),
    );
    const crossId = (spg.status as { crossId?: string }).crossId;
    assert.ok(crossId, 'the SharedPolicyGroup status has its crossId');
    assert.equal(crossId, loop().apim.resource('shared-policy-groups', HRID('rate-limits'))?.crossId);

    // Act
    kube.apply(
      apiReferencingAll('orders', 'apim', {
        resource: 'orders-cache',
        sharedPolicyGroup: 'rate-limits',
        group: 'reviewers',
        notification: 'orders-alerts',
      }),
    );

    // Assess: the body APIM received has the four references resolved.
    await acceptedObject('ApiV4Definition', 'orders');
    const first = lastApiBody(HRID('orders'));
    assert.deepEqual(first.resources, [
      {
        name: 'cache',
        type: 'cache-redis',
        enabled: true,
        configuration: { timeToLiveSeconds: 60, standalone: { enabled: true, host: 'redis', port: 6379 } },
      },
    ]);
    const step = flowStep(first);
    assert.equal(step?.policy, 'shared-policy-group-policy');
    assert.equal((step?.configuration as Json | undefined)?.sharedPolicyGroupId, crossId);
    assert.deepEqual(first.groups, ['API reviewers']);
    assert.deepEqual(first.consoleNotification, { events: ['API_STARTED'], groups: ['API reviewers'] });

    // Act: the ApiResource changes.
    let writes = apiBodies(HRID('orders')).length;
    revise('ApiResource', 'orders-cache', {
      configuration: { timeToLiveSeconds: 300, standalone: { enabled: true, host: 'redis', port: 6379 } },
    });
    // Assess
    await eventually('the API rewritten with the new cache TTL', () => {
      const resources = lastApiBody(HRID('orders')).resources as Array<{ configuration?: Json }>;
      return resources[0]?.configuration?.timeToLiveSeconds === 300;
    });
    assert.ok(apiBodies(HRID('orders')).length > writes, 'a new API write');

    // Act: the Group is renamed.
    writes = apiBodies(HRID('orders')).length;
    revise('Group', 'reviewers', { name: 'Platform reviewers' });
    // Assess: both the API's groups and the console notification's groups follow the name.
    await eventually('the API rewritten with the new group name', () => {
      const body = lastApiBody(HRID('orders'));
      const notification = body.consoleNotification as { groups?: string[] } | undefined;
      return (
        JSON.stringify(body.groups) === '["Platform reviewers"]' &&
        JSON.stringify(notification?.groups) === '["Platform reviewers"]'
      );
    });
    assert.ok(apiBodies(HRID('orders')).length > writes, 'a new API write');
    assert.deepEqual(loop().apim.resource('apis', HRID('orders'))?.groups, ['Platform reviewers']);

    // Act: the Notification subscribes to one more event.
    writes = apiBodies(HRID('orders')).length;
    revise('Notification', 'orders-alerts', {
      console: { apiEvents: ['API_STARTED', 'API_STOPPED'], groupRefs: [{ name: 'reviewers' }] },
    });
    // Assess
    await eventually('the API rewritten with the new console notification', () => {
      const notification = lastApiBody(HRID('orders')).consoleNotification as { events?: string[] };
      return JSON.stringify(notification?.events) === '["API_STARTED","API_STOPPED"]';
    });
    assert.ok(apiBodies(HRID('orders')).length > writes, 'a new API write');

    // Act: the SharedPolicyGroup gets another step. APIM holds the API's step by the group's crossId only,
    // so the API is re-synced but its definition, and hence APIM's copy, stays the same.
    writes = apiBodies(HRID('orders')).length;
    const apiSyncs = syncedLines('ApiV4Definition', 'orders').length;
    const spgWrites = loop().apim.writesTo('shared-policy-groups').length;
    revise('SharedPolicyGroup', 'rate-limits', {
      steps: [
        { name: 'Rate limit', policy: 'rate-limit', enabled: true, configuration: {} },
        { name: 'Quota', policy: 'quota', enabled: true, configuration: {} },
      ],
    });
    // Assess
    await acceptedObject('SharedPolicyGroup', 'rate-limits', 2);
    const spgBody = loop()
      .apim.writesTo('shared-policy-groups')
      .slice(spgWrites)
      .map((r) => r.body as { steps?: unknown[] })
      .at(-1);
    assert.equal(spgBody?.steps?.length, 2, 'APIM received the group with its new step');
    await eventually('the API re-synced after the group changed', () =>
      syncedLines('ApiV4Definition', 'orders')
        .slice(apiSyncs)
        .some((line) => line.wrote === false),
    );
    assert.equal(apiBodies(HRID('orders')).length, writes, 'an unchanged API definition is not rewritten');
    const stored = loop().apim.resource('apis', HRID('orders'));
    assert.ok(stored);
    assert.equal((flowStep(stored)?.configuration as Json | undefined)?.sharedPolicyGroupId, crossId);
    assert.equal(accepted(object('ApiV4Definition', 'orders'))?.status, 'True');
  });

  it('an Application subscribes to an API_KEY plan and to a JWT plan of APIs on the same context', async () => {
    // Prepare
    const kube = loop().kube;
    kube.apply(loop().contextManifest('apim'));
    kube.apply(apiWithPlans('payments', 'apim', { 'api-key': apiKeyPlan() }));
    kube.apply(apiWithPlans('ledger', 'apim', { jwt: jwtPlan() }));
    kube.apply(applicationManifest('mobile', 'apim', 'mobile-client-id'));
    // Act
    kube.apply(subscriptionManifest('mobile-payments', 'payments', 'mobile', 'api-key'));
    kube.apply(subscriptionManifest('mobile-ledger', 'ledger', 'mobile', 'jwt'));
    // Assess
    for (const [name, api] of [
      ['mobile-payments', 'payments'],
      ['mobile-ledger', 'ledger'],
    ] as const) {
      const subscription = await acceptedObject('Subscription', name);
      const scope = { parentHrid: HRID(api) };
      const stored = loop().apim.resource(SUBSCRIPTIONS, HRID(name), scope);
      assert.ok(stored, `APIM holds ${name}`);
      assert.equal(loop().apim.lifecycleStatus(SUBSCRIPTIONS, HRID(name), scope), 'ACCEPTED');
      assert.equal(stored.applicationHrid, HRID('mobile'));
      const status = subscription.status as { id?: string; startedAt?: string; processingStatus?: string };
      assert.equal(status.id, stored.id);
      assert.match(status.startedAt ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      assert.equal(status.processingStatus, 'Completed');
      assert.ok(subscription.metadata.finalizers?.includes(finalizerOf('Subscription')));
    }
    assert.equal(
      loop().apim.resource(SUBSCRIPTIONS, HRID('mobile-payments'), { parentHrid: HRID('payments') })
        ?.planHrid,
      'api-key',
    );
    assert.equal(
      loop().apim.resource(SUBSCRIPTIONS, HRID('mobile-ledger'), { parentHrid: HRID('ledger') })?.planHrid,
      'jwt',
    );
  });

  it('deleting a subscribed API is refused until the Subscription goes, then completes by itself', async () => {
    // Prepare
    const kube = loop().kube;
    kube.apply(loop().contextManifest('apim'));
    kube.apply(apiWithPlans('orders', 'apim', { 'api-key': apiKeyPlan() }));
    kube.apply(applicationManifest('shop', 'apim'));
    kube.apply(subscriptionManifest('shop-orders', 'orders', 'shop', 'api-key'));
    await acceptedObject('Subscription', 'shop-orders');
    // Act
    kube.delete(kindRef('ApiV4Definition'), 'default', 'orders');
    // Assess: the delete waits, naming the Subscription.
    const waiting = await eventually('the API delete refused', () => {
      const api = object('ApiV4Definition', 'orders');
      return accepted(api)?.reason === 'StillReferenced' ? api : undefined;
    });
    assert.ok(waiting.metadata.deletionTimestamp, 'the API is being deleted');
    assert.ok(waiting.metadata.finalizers?.includes(finalizerOf('ApiV4Definition')), 'the finalizer is kept');
    assert.equal(accepted(waiting)?.status, 'False');
    assert.match(accepted(waiting)?.message ?? '', /still referenced by Subscription default\/shop-orders/);
    await eventually('a Warning Event naming the Subscription', () =>
      hasEvent('orders', {
        type: 'Warning',
        reason: 'DeleteFailed',
        message: /Subscription default\/shop-orders/,
      }),
    );
    assert.ok(loop().apim.apis().has(HRID('orders')), 'APIM still has the API');
    assert.equal(
      loop().apim.lifecycleStatus(SUBSCRIPTIONS, HRID('shop-orders'), { parentHrid: HRID('orders') }),
      'ACCEPTED',
    );
    assert.equal(
      loop()
        .apim.writesTo('apis')
        .filter((r) => r.method === 'DELETE').length,
      0,
    );

    // Act: the Subscription goes; nothing touches the API.
    kube.delete(kindRef('Subscription'), 'default', 'shop-orders');
    // Assess
    await eventually('the Subscription gone', () => object('Subscription', 'shop-orders') === undefined);
    await eventually('the API gone', () => object('ApiV4Definition', 'orders') === undefined, 30_000);
    assert.equal(loop().apim.apis().has(HRID('orders')), false, 'APIM no longer has the API');
    const deletes = loop()
      .apim.writesTo('apis')
      .filter((r) => r.method === 'DELETE' && r.path.endsWith(`/apis/${HRID('orders')}`));
    assert.equal(deletes.length, 1);
    assert.ok(hasEvent('orders', { type: 'Normal', reason: 'DeleteSucceeded' }));
  });

  it('a Subscription arriving before its API converges once the API is synced', async () => {
    // Prepare
    const kube = loop().kube;
    kube.apply(loop().contextManifest('apim'));
    kube.apply(applicationManifest('early-app', 'apim'));
    kube.apply(subscriptionManifest('early-sub', 'late-api', 'early-app', 'api-key'));
    // Assess: it fails naming spec.api, and its retries run out: 3 attempts 1 s and 2 s apart (the
    // harness's retry policy), well within 15 s. A change stuck behind the queue's visibility timeout (30 s
    // here) does not make it.
    const failing = await eventually(
      'the Subscription refused until its API exists, retries exhausted',
      () => {
        const sub = object('Subscription', 'early-sub');
        return /gave up after/.test(accepted(sub)?.message ?? '') ? sub : undefined;
      },
      15_000,
    );
    const refs = condition(failing, 'ResolvedRefs');
    assert.equal(refs?.status, 'False');
    assert.match(refs?.message ?? '', /spec\.api references ApiV4Definition default\/late-api/);
    assert.equal(accepted(failing)?.status, 'False');
    assert.equal(loop().apim.resources(SUBSCRIPTIONS).size, 0);
    await acceptedObject('Application', 'early-app');

    // Act
    kube.apply(apiWithPlans('late-api', 'apim', { 'api-key': apiKeyPlan() }));

    // Assess: accepted without being re-applied, within the retry policy's delays of the API's sync (the
    // API's sync re-sends it), not after the queue's visibility timeout (30 s here, 180 s in serverless.yml).
    const subscription = await acceptedObject('Subscription', 'early-sub', 1, 15_000);
    assert.equal(subscription.metadata.generation, 1, 'the Subscription was not re-applied');
    assert.equal(condition(subscription, 'ResolvedRefs')?.status, 'True');
    assert.equal(
      loop().apim.lifecycleStatus(SUBSCRIPTIONS, HRID('early-sub'), { parentHrid: HRID('late-api') }),
      'ACCEPTED',
    );
    assert.ok((subscription.status as { id?: string }).id);
  });

  it('a ManagementContext deletion waits for the APIs that use it, then completes', async () => {
    // Prepare
    const kube = loop().kube;
    kube.apply(loop().contextManifest('apim'));
    kube.apply(loop().apiManifest('first', 'apim'));
    kube.apply(loop().apiManifest('second', 'apim'));
    await acceptedObject('ApiV4Definition', 'first');
    await acceptedObject('ApiV4Definition', 'second');
    // Act
    kube.delete(kindRef('ManagementContext'), 'default', 'apim');
    // Assess: it waits for both APIs.
    const waiting = await eventually('the context delete refused', () => {
      const ctx = loop().context('apim');
      return accepted(ctx)?.reason === 'StillReferenced' ? ctx : undefined;
    });
    assert.ok(waiting.metadata.finalizers?.includes(finalizerOf('ManagementContext')));
    assert.match(
      accepted(waiting)?.message ?? '',
      /still referenced by ApiV4Definition default\/first, ApiV4Definition default\/second/,
    );
    await eventually('a Warning Event for the context', () =>
      hasEvent('apim', {
        type: 'Warning',
        reason: 'DeleteFailed',
        message: /ApiV4Definition default\/first/,
      }),
    );

    // Act: one API goes; the context keeps waiting for the other.
    kube.delete(kindRef('ApiV4Definition'), 'default', 'first');
    await eventually('first gone', () => object('ApiV4Definition', 'first') === undefined);
    // Assess
    await eventually('the context now waits for second only', () => {
      const message = accepted(loop().context('apim'))?.message ?? '';
      return /still referenced by ApiV4Definition default\/second;/.test(message);
    });
    assert.ok(loop().context('apim'), 'the context is still there');
    assert.equal(loop().apim.apis().has(HRID('first')), false);

    // Act: the last API goes.
    kube.delete(kindRef('ApiV4Definition'), 'default', 'second');
    // Assess
    await eventually('second gone', () => object('ApiV4Definition', 'second') === undefined);
    await eventually('the context gone', () => loop().context('apim') === undefined, 30_000);
    assert.equal(loop().apim.apis().size, 0);
    assert.ok(hasEvent('apim', { type: 'Normal', reason: 'DeleteSucceeded' }));
  });

  it('a templated spec reaches APIM with the Secret values, which never appear in queue, bus or registry traffic', async () => {
    // Prepare
    const token = 'bk-token-5e81c0d7-templated';
    const description = 'Ledger API, described from a Secret 0b7f4e2a';
    const kube = loop().kube;
    kube.apply(secretManifest('backend-credentials', { token, description }));
    kube.apply(loop().contextManifest('apim'));
    // Act
    kube.apply(templatedApi('vault', 'apim', 'backend-credentials'));
    // Assess
    const api = await acceptedObject('ApiV4Definition', 'vault');
    const stored = loop().apim.apis().get(HRID('vault'));
    assert.ok(stored, 'APIM has the API');
    assert.equal(stored.description, description);
    const groups = stored.endpointGroups as Array<{ sharedConfiguration?: { headers?: Json[] } }>;
    assert.deepEqual(groups[0]?.sharedConfiguration?.headers, [
      { name: 'Authorization', value: `Bearer ${token}` },
    ]);
    assert.match(String((api.spec as Json).description), /\[\[ secret/, 'the cluster keeps the template');
    const traffic = loop().traffic;
    assert.ok(
      traffic.entries.some((e) => e.startsWith('sqs request') && e.includes('vault')),
      "the API's change events were recorded",
    );
    assert.ok(
      traffic.entries.some((e) => e.startsWith('eventbridge ')),
      'EventBridge traffic was recorded',
    );
    assert.ok(
      traffic.entries.some((e) => e.startsWith('dynamodb ')),
      'DynamoDB traffic was recorded',
    );
    const everything = `${traffic.text()}\n${loop().logs.join('')}`;
    for (const secret of [token, description]) {
      assert.equal(everything.includes(secret), false, `found "${secret}" in traffic or logs`);
      assert.equal(
        everything.includes(Buffer.from(secret).toString('base64')),
        false,
        `found base64 of "${secret}"`,
      );
    }
  });
});
