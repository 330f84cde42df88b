import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { namespacedHrid } from '../../../lib/apim/payload/hrid.ts';
import { automationKindSync } from '../../../lib/sync/automation-sync.ts';
import { contextRefKey } from '../../../lib/sync/context-target.ts';
import { apiV4DefinitionSync } from '../../../lib/sync/kinds/api-v4-definition.ts';
import { managementContextSync } from '../../../lib/sync/kinds/management-context.ts';
import { ApimSimulator } from '../../support/apim-simulator/index.ts';
import {
  beingDeleted,
  groupObject,
  type KindObject,
  revised,
  without,
} from '../../support/factories/kinds.ts';
import { apiObject, contextObject } from '../../support/factories/resources.ts';
import { conditionOf, groupStandInSync, SyncHarness } from '../../support/factories/sync-harness.ts';

const API = 'ApiV4Definition';
const TOKEN = 'simulator-token';

describe('automation sync', () => {
  describe('through the APIM HTTP client', () => {
    const simulator = new ApimSimulator({ credentials: { bearerToken: TOKEN } });
    let h: SyncHarness;
    let context: KindObject;

    before(async () => {
      await simulator.start();
    });
    after(() => simulator.stop());
    beforeEach(() => {
      simulator.reset();
      h = new SyncHarness({ http: true });
      context = contextObject('dev-ctx', { baseUrl: simulator.baseUrl, auth: { bearerToken: TOKEN } });
    });

    const apiRequests = () => simulator.requests().filter((r) => r.path.includes('/automation/'));

    it('syncs an API with ids and plan ids from APIM, in a request APIM accepts', async () => {
      // Prepare
      await h.process(managementContextSync, context);

      // Act
      const outcome = await h.process(apiV4DefinitionSync, apiObject());

      // Assess
      assert.equal(outcome.action, 'ack');
      const status = h.lastStatus(API, 'echo');
      assert.equal(status?.outcome, 'Synced', status?.failure?.message);
      const stored = simulator.apis().get('default-echo');
      assert.ok(stored, 'APIM holds the API under its HRID');
      assert.equal(status?.status.id, stored.id);
      assert.match(status?.status.plans?.['keyless-plan'] ?? '', /^[0-9a-f-]{36}$/);
      assert.deepEqual(simulator.violations(), []);
    });

    it('an unchanged automation resource makes no APIM call', async () => {
      // Prepare
      const api = apiObject();
      await h.process(managementContextSync, context);
      await h.process(apiV4DefinitionSync, api);
      const requests = simulator.requests().length;
      const id = h.lastStatus(API, 'echo')?.status.id;

      // Act
      const outcome = await h.process(apiV4DefinitionSync, revised(api));

      // Assess
      assert.equal(outcome.action, 'ack');
      assert.equal(simulator.requests().length, requests);
      const status = h.lastStatus(API, 'echo');
      assert.equal(status?.outcome, 'Synced');
      assert.deepEqual(status?.apim, []);
      assert.equal(status?.status.id, id);
      assert.match(conditionOf(status, 'Accepted')?.message ?? '', /Unchanged/);
    });

    it('a changed spec is written again', async () => {
      // Prepare
      const api = apiObject();
      await h.process(managementContextSync, context);
      await h.process(apiV4DefinitionSync, api);

      // Act
      await h.process(apiV4DefinitionSync, revised(api, { description: 'The echo API' }));

      // Assess
      const puts = apiRequests().filter((r) => r.method === 'PUT');
      assert.equal(puts.length, 2);
      assert.equal(simulator.apis().get('default-echo')?.description, 'The echo API');
    });

    it('dry run calls APIM with dryRun=true and stores no appliedHash', async () => {
      // Prepare
      h = new SyncHarness({ http: true, dryRun: true });
      await h.process(managementContextSync, context);

      // Act
      const outcome = await h.process(apiV4DefinitionSync, apiObject());

      // Assess
      assert.equal(outcome.action, 'ack');
      const status = h.lastStatus(API, 'echo');
      assert.equal(status?.outcome, 'Synced', status?.failure?.message);
      const requests = apiRequests();
      assert.deepEqual(
        requests.map((r) => `${r.method} ${r.query.dryRun}`),
        ['PUT true'],
        'one dry-run PUT, no read-back of plan ids',
      );
      assert.deepEqual(simulator.writes(), []);
      assert.equal(simulator.apis().size, 0);
      assert.equal((await h.recordOf(API, 'echo'))?.appliedHash, undefined);
      assert.ok(status?.apim.every((call) => !call.wrote));
    });

    it('a real apply after a dry run still writes', async () => {
      // Prepare
      const api = apiObject();
      await h.process(managementContextSync, context);
      h.ports.dryRun = true;
      await h.process(apiV4DefinitionSync, api);
      h.ports.dryRun = false;

      // Act
      await h.process(apiV4DefinitionSync, revised(api));

      // Assess
      assert.deepEqual(
        apiRequests()
          .filter((r) => r.method === 'PUT')
          .map((r) => r.query.dryRun),
        ['true', 'false'],
      );
      assert.ok(simulator.apis().has('default-echo'));
    });

    it('an API without contextRef that syncs from Kubernetes is accepted as DB-less with no APIM call', async () => {
      // Prepare
      const api = without(apiObject('echo', { definitionContext: { syncFrom: 'KUBERNETES' } }), 'contextRef');

      // Act
      const outcome = await h.process(apiV4DefinitionSync, api);

      // Assess
      assert.equal(outcome.action, 'ack');
      const status = h.lastStatus(API, 'echo');
      assert.equal(status?.outcome, 'Synced');
      assert.match(conditionOf(status, 'Accepted')?.message ?? '', /DB-less/);
      assert.deepEqual(simulator.requests(), []);
      assert.deepEqual((await h.recordOf(API, 'echo'))?.references, []);
    });

    it('an API without contextRef that syncs from APIM is rejected, naming the field', async () => {
      // Prepare
      const api = without(apiObject(), 'contextRef');

      // Act
      const outcome = await h.process(apiV4DefinitionSync, api);

      // Assess
      assert.equal(outcome.action, 'ack');
      const status = h.lastStatus(API, 'echo');
      assert.equal(status?.outcome, 'SyncFailed');
      assert.equal(status?.failure?.terminal, true);
      assert.match(
        status?.failure?.message ?? '',
        /spec\.contextRef is required unless spec\.definitionContext\.syncFrom is KUBERNETES/,
      );
      assert.deepEqual(simulator.requests(), []);
    });

    it('deleting a DB-less API makes no APIM call', async () => {
      // Prepare
      const api = without(apiObject('echo', { definitionContext: { syncFrom: 'KUBERNETES' } }), 'contextRef');
      await h.process(apiV4DefinitionSync, api);

      // Act
      const outcome = await h.process(apiV4DefinitionSync, beingDeleted(api), 'deleted');

      // Assess
      assert.equal(outcome.action, 'ack');
      assert.equal(h.lastStatus(API, 'echo')?.outcome, 'Deleted');
      assert.deepEqual(simulator.requests(), []);
    });

    it('the orphan annotation keeps the APIM object', async () => {
      // Prepare
      const api = apiObject('kept', {}, { annotations: { 'gravitee.io/deletion-policy': 'orphan' } });
      await h.process(managementContextSync, context);
      await h.process(apiV4DefinitionSync, api);

      // Act
      const outcome = await h.process(apiV4DefinitionSync, beingDeleted(api), 'deleted');

      // Assess
      assert.equal(outcome.action, 'ack');
      assert.equal(h.lastStatus(API, 'kept')?.outcome, 'Deleted');
      assert.ok(simulator.apis().has('default-kept'));
      assert.deepEqual(
        simulator.requests().filter((r) => r.method === 'DELETE'),
        [],
      );
      assert.equal((await h.recordOf(API, 'kept'))?.deleted, true);
    });

    it('404 on delete counts as done', async () => {
      // Prepare: someone deleted the API in the console.
      const api = apiObject();
      await h.process(managementContextSync, context);
      await h.process(apiV4DefinitionSync, api);
      const item = `${simulator.baseUrl}/automation/organizations/DEFAULT/environments/DEFAULT/apis/default-echo`;
      const removed = await fetch(item, { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(removed.status, 204);

      // Act
      const outcome = await h.process(apiV4DefinitionSync, beingDeleted(api), 'deleted');

      // Assess
      assert.equal(outcome.action, 'ack');
      const status = h.lastStatus(API, 'echo');
      assert.equal(status?.outcome, 'Deleted');
      assert.deepEqual(
        status?.apim.map((c) => `${c.method} ${c.status}`),
        ['DELETE 404'],
      );
      assert.equal((await h.recordOf(API, 'echo'))?.deleted, true);
    });

    it('a 503 on delete is retried, naming the endpoint, and the next attempt deletes', async () => {
      // Prepare
      const api = apiObject();
      await h.process(managementContextSync, context);
      await h.process(apiV4DefinitionSync, api);
      const deleting = await h.change(beingDeleted(api), 'deleted');
      simulator.failNext(1, { status: 503, method: 'DELETE' });

      // Act
      const first = await h.deliver(apiV4DefinitionSync, deleting);
      const second = await h.deliver(apiV4DefinitionSync, deleting, 2);

      // Assess
      assert.equal(first.action, 'retry');
      assert.equal(first.status.outcome, 'DeleteFailed');
      assert.equal(first.status.failure?.reason, 'ApimUnavailable');
      assert.match(
        first.status.failure?.message ?? '',
        /DELETE http:\/\/127\.0\.0\.1:\d+\/automation\/.*\/apis\/default-echo answered 503/,
      );
      assert.equal(second.action, 'ack');
      assert.equal(h.lastStatus(API, 'echo')?.outcome, 'Deleted');
      assert.equal(simulator.apis().has('default-echo'), false);
    });

    it('a dry-run delete leaves the APIM object in place', async () => {
      // Prepare
      const api = apiObject();
      await h.process(managementContextSync, context);
      await h.process(apiV4DefinitionSync, api);
      h.ports.dryRun = true;

      // Act
      await h.process(apiV4DefinitionSync, beingDeleted(api), 'deleted');

      // Assess
      assert.deepEqual(
        simulator
          .requests()
          .filter((r) => r.method === 'DELETE')
          .map((r) => r.path),
        [],
        'a dry run sent a real DELETE to APIM',
      );
      assert.ok(simulator.apis().has('default-echo'));
    });
  });

  describe('generic behaviour of a kind', () => {
    let h: SyncHarness;
    let context: KindObject;

    beforeEach(async () => {
      h = new SyncHarness();
      context = contextObject();
      await h.process(managementContextSync, context);
    });

    it('a kind whose deletion says its parent took it along makes no APIM call', async () => {
      // Prepare
      const sync = automationKindSync({
        kind: 'Group',
        references: (key, data) => [contextRefKey(key, data)].filter((k) => k !== undefined),
        async request({ key }) {
          const hrid = namespacedHrid(key.namespace, key.name);
          return { collection: 'groups', item: `groups/${hrid}`, body: { hrid, name: 'G' } };
        },
        async deletion() {
          return { gone: 'deleted together with its parent' };
        },
      });
      const group = groupObject();
      await h.process(sync, group);

      // Act
      const outcome = await h.process(sync, beingDeleted(group), 'deleted');

      // Assess
      assert.equal(outcome.action, 'ack');
      assert.equal(h.lastStatus('Group', 'developers')?.outcome, 'Deleted');
      assert.deepEqual(h.apim.of('remove'), []);
    });

    it('deletes the item of the request by default', async () => {
      // Prepare
      const group = groupObject();
      await h.process(groupStandInSync, group);

      // Act
      await h.process(groupStandInSync, beingDeleted(group), 'deleted');

      // Assess
      assert.deepEqual(
        h.apim.of('remove').map((c) => c.item),
        ['groups/default-developers'],
      );
      assert.equal(h.lastStatus('Group', 'developers')?.outcome, 'Deleted');
    });

    it('APIM severe errors are a terminal rejection that names them', async () => {
      // Prepare
      h.apim.answerExtras = { errors: { severe: ['member jane@example.com does not exist'], warning: [] } };

      // Act
      const outcome = await h.process(groupStandInSync, groupObject());

      // Assess
      assert.equal(outcome.action, 'ack');
      const status = h.lastStatus('Group', 'developers');
      assert.equal(status?.outcome, 'SyncFailed');
      assert.equal(status?.failure?.terminal, true);
      assert.equal(status?.failure?.reason, 'ApimRejected');
      assert.match(status?.failure?.message ?? '', /member jane@example\.com does not exist/);
      assert.equal((await h.recordOf('Group', 'developers'))?.appliedHash, undefined);
    });

    it('APIM warnings are kept on an accepted status', async () => {
      // Prepare
      h.apim.answerExtras = { errors: { severe: [], warning: ['role OWNER is deprecated'] } };

      // Act
      await h.process(groupStandInSync, groupObject());

      // Assess
      const status = h.lastStatus('Group', 'developers');
      assert.equal(status?.outcome, 'Synced');
      assert.deepEqual(status?.status.errors.warning, ['role OWNER is deprecated']);
      assert.equal(status?.status.id, 'id-default-developers');
    });

    it('a kind that needs a context and names none is a terminal failure naming spec.contextRef', async () => {
      // Act
      const outcome = await h.process(groupStandInSync, without(groupObject(), 'contextRef'));

      // Assess
      assert.equal(outcome.action, 'ack');
      const status = h.lastStatus('Group', 'developers');
      assert.equal(status?.failure?.terminal, true);
      assert.equal(status?.failure?.reason, 'NoManagementContext');
      assert.match(status?.failure?.message ?? '', /spec\.contextRef is required/);
      assert.deepEqual(
        h.apim.calls.filter((c) => c.op !== 'probe'),
        [],
      );
    });

    it('a resource that never reached APIM is deleted without an APIM call', async () => {
      // Prepare
      const group = groupObject('orphaned', { contextRef: { name: 'missing-ctx' } });
      await h.process(groupStandInSync, group);
      assert.equal(h.lastStatus('Group', 'orphaned')?.outcome, 'SyncFailed');

      // Act
      await h.process(groupStandInSync, beingDeleted(group), 'deleted');

      // Assess
      assert.equal(h.lastStatus('Group', 'orphaned')?.outcome, 'Deleted');
      assert.deepEqual(
        h.apim.calls.filter((c) => c.op !== 'probe'),
        [],
      );
    });

    it('a context moved to another APIM re-syncs its API, which is written to the new target', async () => {
      // Prepare
      await h.process(apiV4DefinitionSync, apiObject());
      await h.drain(API);

      // Act
      await h.process(managementContextSync, revised(context, { baseUrl: 'http://apim.example.com:8083' }));
      await h.processQueued(apiV4DefinitionSync);

      // Assess
      const upserts = h.apim.of('upsert');
      assert.equal(upserts.length, 2, 'same body, new target: written again');
      assert.match(upserts[1]?.baseUrl ?? '', /^http:\/\/apim\.example\.com:8083\//);
    });
  });
});
