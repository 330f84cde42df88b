import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topLevelCrossId, topLevelId } from '../support/apim-simulator/index.ts';
import { pick, statusOf, useKindLoop } from '../support/e2e/kind-loop.ts';
import { eventually } from '../support/e2e/loop-harness.ts';
import {
  apiResourceManifest,
  apiV2Manifest,
  dictionaryManifest,
  groupManifest,
  notificationManifest,
  sharedPolicyGroupManifest,
} from '../support/factories/gko-kinds.ts';

const ORG = 'DEFAULT';
const ENV = 'DEFAULT';
const UNCHANGED = /^Unchanged: APIM already has this definition/;

/** The last path segment of each DELETE of a request list. */
const deletedItems = (requests: Array<{ method: string; path: string }>) =>
  requests.filter((r) => r.method === 'DELETE').map((r) => decodeURIComponent(r.path.split('/').pop() ?? ''));

describe('groups, dictionaries, shared policy groups, API resources, notifications and v2 APIs over the whole loop', () => {
  const kinds = useKindLoop();

  it('a Dictionary is created, updated, left alone when unchanged and deleted', async () => {
    const k = kinds();
    const hrid = 'default-countries';
    // Prepare
    await k.context();

    // Act: create
    const manifest = dictionaryManifest('countries', 'apim');
    k.apply(manifest);
    // Assess: accepted with the ids APIM assigned; APIM holds what was sent
    const created = statusOf(await k.accepted('Dictionary', 'countries', 1));
    assert.equal(created.id, topLevelId(ORG, ENV, hrid));
    assert.deepEqual(pick(created, ['organizationId', 'environmentId']), {
      organizationId: ORG,
      environmentId: ENV,
    });
    assert.deepEqual(pick(k.apim.resource('dictionaries', hrid), ['name', 'type', 'deployed', 'manual']), {
      name: 'Country codes',
      type: 'MANUAL',
      deployed: true,
      manual: { properties: { fr: 'France', jp: 'Japan' } },
    });
    assert.equal(k.apim.writesTo('dictionaries').length, 1);

    // Act: update
    k.revise('Dictionary', 'countries', {
      ...manifest.spec,
      manual: { properties: { fr: 'France', it: 'Italy' } },
    });
    // Assess: one more write, same id
    const updated = statusOf(await k.accepted('Dictionary', 'countries', 2));
    assert.equal(updated.id, created.id);
    assert.equal(k.apim.writesTo('dictionaries').length, 2);
    assert.deepEqual(k.apim.resource('dictionaries', hrid)?.manual, {
      properties: { fr: 'France', it: 'Italy' },
    });

    // Act: unchanged
    const redelivered = await k.leaveUnchanged('Dictionary', 'countries');
    // Assess: no APIM call at all, still accepted at generation 2
    assert.deepEqual(redelivered.status?.apim, []);
    await k.accepted('Dictionary', 'countries', 2, UNCHANGED);
    assert.equal(k.apim.writesTo('dictionaries').length, 2);

    // Act: delete
    await k.deleteAndWaitGone('Dictionary', 'countries');
    // Assess: deleted in APIM, finalizer released
    assert.deepEqual(deletedItems(k.apim.writesTo('dictionaries')), [hrid]);
    assert.equal(k.apim.resource('dictionaries', hrid), undefined);
    assert.ok(k.eventReasons('countries').includes('DeleteSucceeded'));
    assert.equal((await k.record('Dictionary', 'countries'))?.deleted, true);
    assert.deepEqual(k.apim.writeCounts(), { dictionaries: 3 });
  });

  it('a Group is created, updated, left alone when unchanged and deleted', async () => {
    const k = kinds();
    const hrid = 'default-payments';
    // Prepare
    await k.context();

    // Act: create
    const manifest = groupManifest('payments', 'apim');
    k.apply(manifest);
    // Assess
    const created = statusOf(await k.accepted('Group', 'payments', 1));
    assert.equal(created.id, topLevelId(ORG, ENV, hrid));
    assert.equal(created.members, 0);
    assert.equal(created.processingStatus, 'Completed');
    assert.deepEqual(pick(k.apim.resource('groups', hrid), ['name', 'notifyMembers']), {
      name: 'Payments squad',
      notifyMembers: false,
    });

    // Act: update
    k.revise('Group', 'payments', { ...manifest.spec, name: 'Payments and billing squad' });
    // Assess
    const updated = statusOf(await k.accepted('Group', 'payments', 2));
    assert.equal(updated.id, created.id);
    assert.equal(k.apim.writesTo('groups').length, 2);
    assert.equal(k.apim.resource('groups', hrid)?.name, 'Payments and billing squad');

    // Act: unchanged
    const redelivered = await k.leaveUnchanged('Group', 'payments');
    // Assess
    assert.deepEqual(redelivered.status?.apim, []);
    await k.accepted('Group', 'payments', 2, UNCHANGED);
    assert.equal(k.apim.writesTo('groups').length, 2);

    // Act: delete
    await k.deleteAndWaitGone('Group', 'payments');
    // Assess
    assert.deepEqual(deletedItems(k.apim.writesTo('groups')), [hrid]);
    assert.equal(k.apim.resource('groups', hrid), undefined);
    assert.ok(k.eventReasons('payments').includes('DeleteSucceeded'));
    assert.deepEqual(k.apim.writeCounts(), { groups: 3 });
  });

  it('a SharedPolicyGroup is created, updated, left alone when unchanged and deleted', async () => {
    const k = kinds();
    const hrid = 'default-no-tracking';
    // Prepare
    await k.context();

    // Act: create
    const manifest = sharedPolicyGroupManifest('no-tracking', 'apim');
    k.apply(manifest);
    // Assess: APIM's id and crossId
    const created = statusOf(await k.accepted('SharedPolicyGroup', 'no-tracking', 1));
    assert.equal(created.id, topLevelId(ORG, ENV, hrid));
    assert.equal(created.crossId, topLevelCrossId(ORG, hrid));
    const stored = k.apim.resource('shared-policy-groups', hrid);
    assert.deepEqual(pick(stored, ['name', 'apiType', 'phase']), {
      name: 'Strip tracking headers',
      apiType: 'PROXY',
      phase: 'REQUEST',
    });
    assert.deepEqual(
      (stored?.steps as Array<{ policy?: string }> | undefined)?.map((s) => s.policy),
      ['transform-headers'],
    );

    // Act: update
    k.revise('SharedPolicyGroup', 'no-tracking', {
      ...manifest.spec,
      description: 'Removes tracking headers before the backend sees them',
    });
    // Assess
    const updated = statusOf(await k.accepted('SharedPolicyGroup', 'no-tracking', 2));
    assert.deepEqual(pick(updated, ['id', 'crossId']), pick(created, ['id', 'crossId']));
    assert.equal(k.apim.writesTo('shared-policy-groups').length, 2);
    assert.equal(
      k.apim.resource('shared-policy-groups', hrid)?.description,
      'Removes tracking headers before the backend sees them',
    );

    // Act: unchanged
    const redelivered = await k.leaveUnchanged('SharedPolicyGroup', 'no-tracking');
    // Assess
    assert.deepEqual(redelivered.status?.apim, []);
    await k.accepted('SharedPolicyGroup', 'no-tracking', 2, UNCHANGED);
    assert.equal(k.apim.writesTo('shared-policy-groups').length, 2);

    // Act: delete
    await k.deleteAndWaitGone('SharedPolicyGroup', 'no-tracking');
    // Assess
    assert.deepEqual(deletedItems(k.apim.writesTo('shared-policy-groups')), [hrid]);
    assert.equal(k.apim.resource('shared-policy-groups', hrid), undefined);
    assert.ok(k.eventReasons('no-tracking').includes('DeleteSucceeded'));
    assert.deepEqual(k.apim.writeCounts(), { 'shared-policy-groups': 3 });
  });

  it('an ApiResource is created, updated, left alone when unchanged and deleted without ever calling APIM', async () => {
    const k = kinds();
    // Prepare: nothing; an ApiResource lives in the cluster and the registry only

    // Act: create
    const manifest = apiResourceManifest('token-cache');
    k.apply(manifest);
    // Assess: accepted by its function (its CRD status has no fields, so the record and the Event tell)
    const created = await eventually('ApiResource accepted', async () => {
      const record = await k.record('ApiResource', 'token-cache');
      return record?.status?.outcome === 'Synced' && record.generation === 1 ? record : undefined;
    });
    const condition = created.status?.status.conditions.find((c) => c.type === 'Accepted');
    assert.equal(condition?.status, 'True');
    assert.match(condition?.message ?? '', /no APIM call of its own/);
    assert.ok(
      k
        .get('ApiResource', 'token-cache')
        ?.metadata.finalizers?.includes('finalizers.gravitee.io/apiresource'),
    );
    await eventually('an UpdateSucceeded event', () =>
      k.eventReasons('token-cache').includes('UpdateSucceeded'),
    );

    // Act: update
    k.revise('ApiResource', 'token-cache', {
      ...manifest.spec,
      configuration: { timeToLiveSeconds: 300, maxEntriesLocalHeap: 500 },
    });
    // Assess: the registry holds the new spec
    const updated = await eventually('generation 2 accepted', async () => {
      const record = await k.record('ApiResource', 'token-cache');
      return record?.status?.outcome === 'Synced' && record.generation === 2 ? record : undefined;
    });
    assert.deepEqual(updated.change.data.spec.configuration, {
      timeToLiveSeconds: 300,
      maxEntriesLocalHeap: 500,
    });
    assert.notEqual(updated.appliedHash, created.appliedHash);

    // Act: unchanged
    const redelivered = await k.leaveUnchanged('ApiResource', 'token-cache');
    // Assess
    assert.equal(redelivered.generation, 2);
    assert.equal(redelivered.appliedHash, updated.appliedHash);
    assert.equal(redelivered.status?.outcome, 'Synced');

    // Act: delete
    await k.deleteAndWaitGone('ApiResource', 'token-cache');
    // Assess: released with nothing to delete in APIM
    assert.equal((await k.record('ApiResource', 'token-cache'))?.deleted, true);
    assert.ok(k.eventReasons('token-cache').includes('DeleteSucceeded'));
    assert.deepEqual(k.apim.requests(), [], 'an ApiResource never reaches APIM');
  });

  it('a Notification is created, updated, left alone when unchanged and deleted without ever calling APIM', async () => {
    const k = kinds();
    // Prepare: nothing; a Notification is folded into the APIs that reference it

    // Act: create
    const manifest = notificationManifest('on-call');
    k.apply(manifest);
    // Assess
    const created = await k.accepted('Notification', 'on-call', 1, /no APIM call of its own/);
    assert.ok(created.metadata.finalizers?.includes('finalizers.gravitee.io/notification'));
    assert.deepEqual(Object.keys(statusOf(created)), ['conditions']);

    // Act: update
    k.revise('Notification', 'on-call', {
      ...manifest.spec,
      console: { apiEvents: ['API_STARTED', 'API_STOPPED', 'API_DEPRECATED'] },
    });
    // Assess
    await k.accepted('Notification', 'on-call', 2);
    const updated = await k.record('Notification', 'on-call');
    assert.deepEqual(updated?.change.data.spec.console, {
      apiEvents: ['API_STARTED', 'API_STOPPED', 'API_DEPRECATED'],
    });

    // Act: unchanged
    const redelivered = await k.leaveUnchanged('Notification', 'on-call');
    // Assess
    assert.equal(redelivered.appliedHash, updated?.appliedHash);
    assert.equal(redelivered.status?.outcome, 'Synced');
    await k.accepted('Notification', 'on-call', 2);

    // Act: delete
    await k.deleteAndWaitGone('Notification', 'on-call');
    // Assess
    assert.equal((await k.record('Notification', 'on-call'))?.deleted, true);
    assert.ok(k.eventReasons('on-call').includes('DeleteSucceeded'));
    assert.deepEqual(k.apim.requests(), [], 'a Notification never reaches APIM');
  });

  it('a v2 ApiDefinition is imported, re-imported on update, left alone when unchanged and deleted', async () => {
    const k = kinds();
    const imports = () => k.apim.writes().filter((r) => r.path.endsWith('/apis/import-crd'));
    // Prepare
    await k.context();

    // Act: create
    const manifest = apiV2Manifest('legacy-orders', 'apim');
    k.apply(manifest);
    // Assess: the ids sent are kept (uid as id), plans get theirs, APIM holds the definition
    const object = await k.accepted('ApiDefinition', 'legacy-orders', 1);
    const created = statusOf(object);
    assert.equal(created.id, object.metadata.uid);
    assert.equal(created.processingStatus, 'Completed');
    assert.equal(created.state, 'STARTED');
    assert.equal(Object.keys(created.plans ?? {}).length, 1);
    const stored = k.apim.v2Apis().get(created.id ?? '');
    assert.ok(stored, 'APIM holds the v2 API under the id sent');
    assert.equal(stored.crossId, created.crossId);
    assert.deepEqual(pick(stored, ['name', 'version', 'description', 'state', 'context_path']), {
      name: 'legacy-orders v2',
      version: '2.1',
      description: 'Legacy v2 proxy',
      state: 'STARTED',
      context_path: '/legacy-orders-v2',
    });
    assert.deepEqual(
      (stored.plans as Array<{ id: string; crossId: string }>).map((p) => [p.crossId, p.id]),
      Object.entries(created.plans ?? {}),
    );
    assert.equal(imports().length, 1);

    // Act: update
    k.revise('ApiDefinition', 'legacy-orders', {
      ...manifest.spec,
      description: 'Legacy v2 proxy, read-only',
    });
    // Assess: one more import, same ids
    const updated = statusOf(await k.accepted('ApiDefinition', 'legacy-orders', 2));
    assert.deepEqual(pick(updated, ['id', 'crossId', 'plans']), pick(created, ['id', 'crossId', 'plans']));
    assert.equal(imports().length, 2);
    assert.equal(k.apim.v2Apis().get(created.id ?? '')?.description, 'Legacy v2 proxy, read-only');

    // Act: unchanged
    const redelivered = await k.leaveUnchanged('ApiDefinition', 'legacy-orders');
    // Assess
    assert.deepEqual(redelivered.status?.apim, []);
    await k.accepted('ApiDefinition', 'legacy-orders', 2, UNCHANGED);
    assert.equal(imports().length, 2);

    // Act: delete
    await k.deleteAndWaitGone('ApiDefinition', 'legacy-orders');
    // Assess: deleted by id, plans closed
    const deletes = k.apim.writes().filter((r) => r.method === 'DELETE');
    assert.deepEqual(
      deletes.map((r) => [r.path.split('/').pop(), r.query.closePlans]),
      [[created.id, 'true']],
    );
    assert.equal(k.apim.v2Apis().has(created.id ?? ''), false);
    assert.ok(k.eventReasons('legacy-orders').includes('DeleteSucceeded'));
    assert.deepEqual(k.apim.writeCounts(), {}, 'a v2 API goes through the Management API v1 only');
  });
});
