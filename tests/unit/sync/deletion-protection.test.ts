import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { RecoverableError } from '../../../lib/errors/sync-errors.ts';
import { apiResourceSync } from '../../../lib/sync/kinds/api-resource.ts';
import { apiV4DefinitionSync } from '../../../lib/sync/kinds/api-v4-definition.ts';
import { managementContextSync } from '../../../lib/sync/kinds/management-context.ts';
import { apiResourceObject, beingDeleted, type KindObject, revised } from '../../support/factories/kinds.ts';
import { apiObject, contextObject } from '../../support/factories/resources.ts';
import { changeTypeOf, conditionOf, SyncHarness } from '../../support/factories/sync-harness.ts';

const CONTEXT = 'ManagementContext';
const API = 'ApiV4Definition';

describe('deletion protection', () => {
  let h: SyncHarness;
  let context: KindObject;
  let api: KindObject;

  beforeEach(async () => {
    h = new SyncHarness();
    context = contextObject();
    api = apiObject();
    await h.process(managementContextSync, context);
    await h.process(apiV4DefinitionSync, api);
    await h.drain(API);
  });

  it('deleting a ManagementContext still referenced by an API waits, names the API and keeps APIM untouched', async () => {
    // Prepare
    const callsBefore = h.apim.calls.length;

    // Act
    const outcome = await h.process(managementContextSync, beingDeleted(context), 'deleted');

    // Assess
    assert.equal(outcome.action, 'ack', 'a waiting delete is not retried: it is re-sent when released');
    const status = h.lastStatus(CONTEXT, 'dev-ctx');
    assert.equal(status?.outcome, 'DeleteFailed');
    assert.equal(status?.failure?.reason, 'StillReferenced');
    assert.equal(status?.failure?.terminal, false);
    assert.equal(status?.failure?.retryInSeconds, undefined);
    assert.match(
      status?.failure?.message ?? '',
      /ManagementContext default\/dev-ctx is still referenced by ApiV4Definition default\/echo/,
    );
    assert.equal(conditionOf(status, 'Accepted')?.status, 'False');
    assert.equal(conditionOf(status, 'Accepted')?.reason, 'StillReferenced');
    assert.equal(h.apim.calls.length, callsBefore);
    const record = await h.recordOf(CONTEXT, 'dev-ctx');
    assert.notEqual(record?.deleted, true);
    assert.equal((await h.recordOf(API, 'echo'))?.deleted, undefined);
  });

  it('deleting the API then re-sends the context delete, which completes', async () => {
    // Prepare
    await h.process(managementContextSync, beingDeleted(context), 'deleted');

    // Act
    await h.process(apiV4DefinitionSync, beingDeleted(api), 'deleted');
    const resumed = await h.drain(CONTEXT);
    for (const event of resumed) await h.deliver(managementContextSync, event);

    // Assess
    assert.equal(h.lastStatus(API, 'echo')?.outcome, 'Deleted');
    assert.deepEqual(
      h.apim.of('remove').map((c) => c.item),
      ['apis/default-echo'],
    );
    assert.equal(resumed.length, 1);
    assert.equal(resumed[0] && changeTypeOf(resumed[0]), 'deleted');
    assert.equal(resumed[0]?.subject, 'default/dev-ctx');
    assert.equal(h.lastStatus(CONTEXT, 'dev-ctx')?.outcome, 'Deleted');
    assert.equal((await h.recordOf(CONTEXT, 'dev-ctx'))?.deleted, true);
  });

  it('a waiting delete re-sent while another API still references the context waits again, naming only that API', async () => {
    // Prepare
    const second = apiObject('orders');
    await h.process(apiV4DefinitionSync, second);
    await h.process(managementContextSync, beingDeleted(context), 'deleted');
    assert.match(
      h.lastStatus(CONTEXT, 'dev-ctx')?.failure?.message ?? '',
      /referenced by ApiV4Definition default\/echo, ApiV4Definition default\/orders;/,
    );

    // Act
    await h.process(apiV4DefinitionSync, beingDeleted(api), 'deleted');
    await h.processQueued(managementContextSync);

    // Assess
    const status = h.lastStatus(CONTEXT, 'dev-ctx');
    assert.equal(status?.outcome, 'DeleteFailed');
    assert.match(status?.failure?.message ?? '', /referenced by ApiV4Definition default\/orders;/);
    assert.doesNotMatch(status?.failure?.message ?? '', /default\/echo/);
    await h.process(apiV4DefinitionSync, beingDeleted(second), 'deleted');
    await h.processQueued(managementContextSync);
    assert.equal(h.lastStatus(CONTEXT, 'dev-ctx')?.outcome, 'Deleted');
  });

  it('an API that switches to another context releases the old context waiting delete', async () => {
    // Prepare
    const other = contextObject('prod-ctx', { baseUrl: 'http://127.0.0.1:2', environmentId: 'PROD' });
    await h.process(managementContextSync, other);
    await h.drain(API);
    await h.process(managementContextSync, beingDeleted(context), 'deleted');
    assert.equal(h.lastStatus(CONTEXT, 'dev-ctx')?.outcome, 'DeleteFailed');

    // Act
    await h.process(apiV4DefinitionSync, revised(api, { contextRef: { name: 'prod-ctx' } }));
    const resumed = await h.processQueued(managementContextSync);

    // Assess
    assert.equal(h.lastStatus(API, 'echo')?.outcome, 'Synced');
    assert.match(
      h.apim.of('upsert').at(-1)?.baseUrl ?? '',
      /^http:\/\/127\.0\.0\.1:2\/.*environments\/PROD$/,
    );
    assert.deepEqual(
      resumed.map((e) => `${changeTypeOf(e)} ${e.subject}`),
      ['deleted default/dev-ctx'],
    );
    assert.equal(h.lastStatus(CONTEXT, 'dev-ctx')?.outcome, 'Deleted');
    const dependents = await h.registry.dependents(h.key(CONTEXT, 'prod-ctx'));
    assert.deepEqual(
      dependents.map((k) => k.name),
      ['echo'],
    );
  });

  it('an API that switches to a context that does not exist yet releases the old context once it converges', async () => {
    // Prepare
    await h.process(managementContextSync, beingDeleted(context), 'deleted');
    const switched = await h.process(apiV4DefinitionSync, revised(api, { contextRef: { name: 'prod-ctx' } }));
    assert.equal(switched.action, 'retry', 'prod-ctx does not exist yet');

    // Act: the new context arrives and re-syncs the API, which converges.
    await h.process(managementContextSync, contextObject('prod-ctx', { environmentId: 'PROD' }));
    await h.processQueued(apiV4DefinitionSync);
    await h.processQueued(managementContextSync);

    // Assess
    assert.equal(h.lastStatus(API, 'echo')?.outcome, 'Synced');
    assert.deepEqual(await h.registry.dependents(h.key(CONTEXT, 'dev-ctx')), []);
    assert.equal(
      h.lastStatus(CONTEXT, 'dev-ctx')?.outcome,
      'Deleted',
      'nothing references dev-ctx any more, yet its delete still waits',
    );
  });

  it('re-applying an API that keeps its context does not re-send the context waiting delete', async () => {
    // Prepare
    await h.process(managementContextSync, beingDeleted(context), 'deleted');

    // Act
    await h.process(apiV4DefinitionSync, revised(api, { description: 'now documented' }));

    // Assess
    assert.deepEqual(await h.drain(CONTEXT), []);
    assert.equal(h.lastStatus(CONTEXT, 'dev-ctx')?.outcome, 'DeleteFailed');
  });

  it('a resync of a resource that carries a deletionTimestamp deletes it', async () => {
    // Prepare
    const deleting = beingDeleted(api);

    // Act
    const outcome = await h.process(apiV4DefinitionSync, deleting, 'resync');

    // Assess
    assert.equal(outcome.action, 'ack');
    assert.equal(h.lastStatus(API, 'echo')?.outcome, 'Deleted');
    assert.deepEqual(
      h.apim.of('remove').map((c) => c.item),
      ['apis/default-echo'],
    );
    assert.equal(h.apim.of('upsert').length, 1, 'the resync was not applied as an update');
    assert.equal((await h.recordOf(API, 'echo'))?.deleted, true);
  });

  it('a resync of a context that carries a deletionTimestamp waits like its delete while an API uses it', async () => {
    // Act
    const outcome = await h.process(managementContextSync, beingDeleted(context), 'resync');

    // Assess
    assert.equal(outcome.action, 'ack');
    assert.equal(h.lastStatus(CONTEXT, 'dev-ctx')?.outcome, 'DeleteFailed');
    assert.equal(h.lastStatus(CONTEXT, 'dev-ctx')?.failure?.reason, 'StillReferenced');
    assert.equal(h.apim.of('probe').length, 1, 'the context was not probed again as if applied');
  });

  it('a failed delete (APIM 503) keeps the references, so the context still waits', async () => {
    // Prepare
    const deleting = await h.change(beingDeleted(api), 'deleted');
    h.apim.failNext(
      'remove',
      new RecoverableError('ApimUnavailable', 'APIM DELETE …/apis/default-echo answered 503'),
    );

    // Act
    const failed = await h.deliver(apiV4DefinitionSync, deleting);
    await h.process(managementContextSync, beingDeleted(context), 'deleted');

    // Assess
    assert.equal(failed.action, 'retry');
    assert.equal(h.lastStatus(API, 'echo')?.outcome, 'DeleteFailed');
    assert.equal(h.lastStatus(API, 'echo')?.failure?.reason, 'ApimUnavailable');
    const apiRecord = await h.recordOf(API, 'echo');
    assert.deepEqual(
      apiRecord?.references.map((k) => `${k.kind} ${k.name}`),
      ['ManagementContext dev-ctx'],
    );
    assert.ok(apiRecord?.appliedHash, 'the applied hash survives, so the retry still deletes');
    const contextStatus = h.lastStatus(CONTEXT, 'dev-ctx');
    assert.equal(contextStatus?.outcome, 'DeleteFailed');
    assert.match(contextStatus?.failure?.message ?? '', /still referenced by ApiV4Definition default\/echo/);

    // The retry of the API delete succeeds and releases the context.
    const retried = await h.deliver(apiV4DefinitionSync, deleting, 2);
    await h.processQueued(managementContextSync);
    assert.equal(retried.action, 'ack');
    assert.equal(h.lastStatus(API, 'echo')?.outcome, 'Deleted');
    assert.equal(h.apim.of('remove').length, 2);
    assert.equal(h.lastStatus(CONTEXT, 'dev-ctx')?.outcome, 'Deleted');
  });

  it('an unreferenced context is deleted at once', async () => {
    // Prepare
    const spare = contextObject('spare-ctx');
    await h.process(managementContextSync, spare);

    // Act
    const outcome = await h.process(managementContextSync, beingDeleted(spare), 'deleted');

    // Assess
    assert.equal(outcome.action, 'ack');
    assert.equal(h.lastStatus(CONTEXT, 'spare-ctx')?.outcome, 'Deleted');
  });

  it('deleting an ApiResource used by an API waits until the API stops referencing it', async () => {
    // Prepare
    const resource = apiResourceObject();
    await h.process(apiResourceSync, resource);
    await h.process(apiV4DefinitionSync, revised(api, { resources: [{ ref: { name: 'redis-cache' } }] }));
    await h.drain(API);

    // Act
    await h.process(apiResourceSync, beingDeleted(resource), 'deleted');
    const waiting = h.lastStatus('ApiResource', 'redis-cache');
    await h.process(
      apiV4DefinitionSync,
      revised(api, { resources: [], description: 'no cache' }, { resourceVersion: '7', generation: 3 }),
    );
    const resumed = await h.processQueued(apiResourceSync);

    // Assess
    assert.equal(waiting?.outcome, 'DeleteFailed');
    assert.match(
      waiting?.failure?.message ?? '',
      /ApiResource default\/redis-cache is still referenced by ApiV4Definition default\/echo/,
    );
    assert.equal(resumed.length, 1);
    assert.equal(h.lastStatus('ApiResource', 'redis-cache')?.outcome, 'Deleted');
  });

  it('an API keeps syncing with an ApiResource whose delete waits for it', async () => {
    // Prepare: the ApiResource stays in the cluster (finalizer kept) while the API references it.
    const resource = apiResourceObject();
    await h.process(apiResourceSync, resource);
    const withCache = revised(api, { resources: [{ ref: { name: 'redis-cache' } }] });
    await h.process(apiV4DefinitionSync, withCache);
    await h.process(apiResourceSync, beingDeleted(resource), 'deleted');
    assert.equal(h.lastStatus('ApiResource', 'redis-cache')?.outcome, 'DeleteFailed');

    // Act: an unrelated change of the API, still using the cache.
    const outcome = await h.process(apiV4DefinitionSync, revised(withCache, { description: 'documented' }));

    // Assess
    assert.equal(
      h.lastStatus(API, 'echo')?.outcome,
      'Synced',
      `the API failed: ${h.lastStatus(API, 'echo')?.failure?.message}`,
    );
    assert.equal(outcome.action, 'ack');
    const sent = h.apim.of('upsert').at(-1)?.body as { resources?: Array<Record<string, unknown>> };
    assert.equal(sent.resources?.[0]?.type, 'cache-redis');
  });

  it('a waiting delete that arrived without a deletionTimestamp (object already gone) is re-sent too', async () => {
    // Prepare: the object was removed from the cluster without our finalizer (force delete); the watcher
    // still forwards its delete, but the last state it saw carries no deletionTimestamp.
    const gone = revised(context, {}, { resourceVersion: '5' });
    await h.process(managementContextSync, gone, 'deleted');
    assert.equal(h.lastStatus(CONTEXT, 'dev-ctx')?.outcome, 'DeleteFailed');

    // Act
    await h.process(apiV4DefinitionSync, beingDeleted(api), 'deleted');
    const resumed = await h.processQueued(managementContextSync);

    // Assess
    assert.equal(resumed.length, 1, 'the waiting delete of the context was re-sent');
    assert.equal(h.lastStatus(CONTEXT, 'dev-ctx')?.outcome, 'Deleted');
  });
});
