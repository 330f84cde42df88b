import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changeOf } from '../../../lib/events/change-event.ts';
import { apiResourceSync } from '../../../lib/sync/kinds/api-resource.ts';
import { apiV4DefinitionSync } from '../../../lib/sync/kinds/api-v4-definition.ts';
import { managementContextSync } from '../../../lib/sync/kinds/management-context.ts';
import { notificationSync } from '../../../lib/sync/kinds/notification.ts';
import {
  apiResourceObject,
  beingDeleted,
  groupObject,
  type KindObject,
  notificationObject,
  revised,
} from '../../support/factories/kinds.ts';
import { apiObject, contextObject } from '../../support/factories/resources.ts';
import {
  conditionOf,
  groupStandInSync,
  type HarnessOptions,
  SyncHarness,
} from '../../support/factories/sync-harness.ts';

const API = 'ApiV4Definition';

type Body = {
  resources?: Array<{ configuration?: Record<string, unknown> }>;
  consoleNotification?: { events?: string[]; groups?: string[] };
};

/** A context, an ApiResource and an API that references it, all synced; re-sync queues emptied. */
async function apiUsingResource(resource: KindObject = apiResourceObject(), options: HarnessOptions = {}) {
  const h = new SyncHarness(options);
  await h.process(managementContextSync, contextObject());
  await h.process(apiResourceSync, resource);
  await h.process(
    apiV4DefinitionSync,
    apiObject('echo', { resources: [{ ref: { name: resource.metadata.name } }] }),
  );
  await h.drain(API);
  return h;
}

describe('registry-only kinds', () => {
  describe('ApiResource', () => {
    it('is accepted without any APIM call', async () => {
      // Prepare
      const h = new SyncHarness();

      // Act
      const outcome = await h.process(apiResourceSync, apiResourceObject());

      // Assess
      assert.equal(outcome.action, 'ack');
      const status = h.lastStatus('ApiResource', 'redis-cache');
      assert.equal(status?.outcome, 'Synced');
      assert.match(
        conditionOf(status, 'Accepted')?.message ?? '',
        /inlined into the APIs that reference it \(no APIM call of its own\)/,
      );
      assert.deepEqual(h.apim.calls, []);
      assert.deepEqual(status?.apim, []);
      assert.ok((await h.recordOf('ApiResource', 'redis-cache'))?.appliedHash);
    });

    it('with an invalid spec is rejected as terminal, naming the field', async () => {
      // Prepare
      const h = new SyncHarness();

      // Act
      const outcome = await h.process(apiResourceSync, apiResourceObject('bad', { enabled: 'yes' }));

      // Assess
      assert.equal(outcome.action, 'ack');
      const status = h.lastStatus('ApiResource', 'bad');
      assert.equal(status?.outcome, 'SyncFailed');
      assert.equal(status?.failure?.terminal, true);
      assert.equal(status?.failure?.reason, 'InvalidSpec');
      assert.match(status?.failure?.message ?? '', /spec\.enabled/);
    });

    it('changing an ApiResource re-syncs the API that references it', async () => {
      // Prepare
      const resource = apiResourceObject();
      const h = await apiUsingResource(resource);

      // Act
      await h.process(apiResourceSync, revised(resource, { configuration: { timeToLiveSeconds: 300 } }));
      const resyncs = await h.drain(API);

      // Assess
      assert.deepEqual(
        resyncs.map((e) => `${changeOf(e)} ${e.subject}`),
        ['resync default/echo'],
      );
      const [resync] = resyncs;
      assert.ok(resync);
      await h.deliver(apiV4DefinitionSync, resync);
      assert.equal(h.lastStatus(API, 'echo')?.outcome, 'Synced');
      const body = h.apim.of('upsert').at(-1)?.body as Body;
      assert.deepEqual(body.resources?.[0]?.configuration, { timeToLiveSeconds: 300 });
    });

    it('re-applying the same ApiResource does not re-sync the API', async () => {
      // Prepare
      const resource = apiResourceObject();
      const h = await apiUsingResource(resource);

      // Act
      const outcome = await h.process(apiResourceSync, revised(resource));

      // Assess
      assert.equal(outcome.action, 'ack');
      assert.equal(h.lastStatus('ApiResource', 'redis-cache')?.outcome, 'Synced');
      assert.deepEqual(await h.drain(API), []);
    });

    it('an ApiResource that reads a Secret is inlined with the value, which the registry never holds', async () => {
      // Prepare
      const resource = apiResourceObject('redis-cache', {
        configuration: { password: '[[ secret "redis/password" ]]' },
      });
      const h = new SyncHarness();
      h.secrets.set('default/redis', { password: 'r3d1s-s3cr3t' });

      // Act
      await h.process(managementContextSync, contextObject());
      await h.process(apiResourceSync, resource);
      await h.process(
        apiV4DefinitionSync,
        apiObject('echo', { resources: [{ ref: { name: 'redis-cache' } }] }),
      );

      // Assess
      const body = h.apim.of('upsert').at(-1)?.body as Body;
      assert.equal(body.resources?.[0]?.configuration?.password, 'r3d1s-s3cr3t');
      const stored = JSON.stringify(h.registry.all());
      assert.doesNotMatch(stored, /r3d1s-s3cr3t/);
      assert.doesNotMatch(JSON.stringify(h.published), /r3d1s-s3cr3t/);
    });

    it('re-applying the same ApiResource that reads a Secret does not re-sync the API', async () => {
      // Prepare
      const resource = apiResourceObject('redis-cache', {
        configuration: { password: '[[ secret "redis/password" ]]' },
      });
      const secrets = { password: 'r3d1s-s3cr3t' };
      const h = new SyncHarness();
      h.secrets.set('default/redis', secrets);
      await h.process(managementContextSync, contextObject());
      await h.process(apiResourceSync, resource);
      await h.process(
        apiV4DefinitionSync,
        apiObject('echo', { resources: [{ ref: { name: 'redis-cache' } }] }),
      );
      await h.drain(API);

      // Act: the same content again (the watcher restarted, or the annotations changed).
      await h.process(apiResourceSync, revised(resource));

      // Assess
      assert.deepEqual(
        (await h.drain(API)).map((e) => e.subject),
        [],
        'nothing changed, yet the API was re-synced',
      );
    });

    it('a dry run accepts an ApiResource without storing its hash or re-syncing the API', async () => {
      // Prepare
      const resource = apiResourceObject();
      const h = await apiUsingResource(resource, { dryRun: true });

      // Act
      await h.process(apiResourceSync, revised(resource, { configuration: { timeToLiveSeconds: 300 } }));

      // Assess
      assert.equal(h.lastStatus('ApiResource', 'redis-cache')?.outcome, 'Synced');
      assert.equal((await h.recordOf('ApiResource', 'redis-cache'))?.appliedHash, undefined);
      assert.deepEqual(await h.drain(API), []);
    });

    it('deleting an ApiResource nothing uses completes without any APIM call', async () => {
      // Prepare
      const h = new SyncHarness();
      const resource = apiResourceObject();
      await h.process(apiResourceSync, resource);

      // Act
      const outcome = await h.process(apiResourceSync, beingDeleted(resource), 'deleted');

      // Assess
      assert.equal(outcome.action, 'ack');
      assert.equal(h.lastStatus('ApiResource', 'redis-cache')?.outcome, 'Deleted');
      assert.deepEqual(h.apim.calls, []);
    });
  });

  describe('Notification', () => {
    it('changing a Notification re-syncs the API that references it, which sends the new events', async () => {
      // Prepare
      const h = new SyncHarness();
      const notification = notificationObject();
      await h.process(managementContextSync, contextObject());
      await h.process(notificationSync, notification);
      await h.process(
        apiV4DefinitionSync,
        apiObject('echo', { notificationsRefs: [{ name: 'api-notification' }] }),
      );
      await h.drain(API);

      // Act
      await h.process(
        notificationSync,
        revised(notification, { console: { apiEvents: ['API_DEPRECATED'] } }),
      );
      const resyncs = await h.processQueued(apiV4DefinitionSync);

      // Assess
      assert.equal(resyncs.length, 1);
      const body = h.apim.of('upsert').at(-1)?.body as Body;
      assert.deepEqual(body.consoleNotification?.events, ['API_DEPRECATED']);
    });

    it('with an unknown event type is rejected as terminal, naming the field', async () => {
      // Prepare
      const h = new SyncHarness();

      // Act
      await h.process(notificationSync, notificationObject('bad', { eventType: 'application' }));

      // Assess
      const status = h.lastStatus('Notification', 'bad');
      assert.equal(status?.failure?.terminal, true);
      assert.match(status?.failure?.message ?? '', /spec\.eventType/);
    });

    it('records its console group refs as references', async () => {
      // Prepare
      const h = new SyncHarness();

      // Act
      await h.process(
        notificationSync,
        notificationObject('with-groups', {
          console: { groupRefs: [{ name: 'developers' }, { name: 'ops', namespace: 'infra' }] },
        }),
      );

      // Assess
      const record = await h.recordOf('Notification', 'with-groups');
      assert.deepEqual(
        record?.references.map((k) => `${k.kind} ${k.namespace}/${k.name}`),
        ['Group default/developers', 'Group infra/ops'],
      );
    });

    it('renaming a Group used by a Notification reaches the API that uses the Notification', async () => {
      // Prepare
      const h = new SyncHarness();
      const group = groupObject('developers', { name: 'Developers' });
      await h.process(managementContextSync, contextObject());
      await h.process(groupStandInSync, group);
      await h.process(
        notificationSync,
        notificationObject('n', { console: { groupRefs: [{ name: 'developers' }] } }),
      );
      await h.process(apiV4DefinitionSync, apiObject('echo', { notificationsRefs: [{ name: 'n' }] }));
      await h.drain(API);
      await h.drain('Notification');
      assert.deepEqual((h.apim.of('upsert').at(-1)?.body as Body | undefined)?.consoleNotification?.groups, [
        'Developers',
      ]);
      const apiWrites = h.apim.of('upsert').filter((c) => c.collection === 'apis').length;

      // Act: the Group is renamed; its function re-syncs its dependents, and theirs.
      await h.process(groupStandInSync, revised(group, { name: 'Platform developers' }));
      const notificationResyncs = await h.processQueued(notificationSync);
      await h.processQueued(apiV4DefinitionSync);

      // Assess
      assert.equal(notificationResyncs.length, 1, 'the Group re-synced the Notification');
      const body = h.apim
        .of('upsert')
        .filter((c) => c.collection === 'apis')
        .at(-1)?.body as Body;
      assert.deepEqual(body.consoleNotification?.groups, ['Platform developers']);
      assert.equal(h.apim.of('upsert').filter((c) => c.collection === 'apis').length, apiWrites + 1);
    });
  });
});
