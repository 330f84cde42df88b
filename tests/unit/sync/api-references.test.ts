import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { RecoverableError } from '../../../lib/errors/sync-errors.ts';
import { apiReferenceKeys } from '../../../lib/sync/api-references.ts';
import { apiResourceSync } from '../../../lib/sync/kinds/api-resource.ts';
import { apiV4DefinitionSync } from '../../../lib/sync/kinds/api-v4-definition.ts';
import { managementContextSync } from '../../../lib/sync/kinds/management-context.ts';
import { notificationSync } from '../../../lib/sync/kinds/notification.ts';
import {
  apiResourceObject,
  groupObject,
  notificationObject,
  sharedPolicyGroupObject,
} from '../../support/factories/kinds.ts';
import { apiObject, contextObject } from '../../support/factories/resources.ts';
import {
  CLUSTER,
  conditionOf,
  groupStandInSync,
  SyncHarness,
  sharedPolicyGroupStandInSync,
} from '../../support/factories/sync-harness.ts';

const API = 'ApiV4Definition';

type Body = Record<string, unknown> & {
  resources?: Array<Record<string, unknown>>;
  flows?: Array<{ request?: Array<Record<string, unknown>> }>;
  plans?: Array<{ flows?: Array<{ request?: Array<Record<string, unknown>> }> }>;
  groups?: string[];
  consoleNotification?: { events?: string[]; groups?: string[] };
};

const spgStep = (name: string, namespace?: string) => ({
  request: [{ sharedPolicyGroupRef: { name, ...(namespace ? { namespace } : {}) } }],
});

describe('API references', () => {
  let h: SyncHarness;
  const lastBody = () => h.apim.of('upsert').at(-1)?.body as Body | undefined;
  const apiUpserts = () => h.apim.of('upsert').filter((c) => c.collection === 'apis');

  beforeEach(async () => {
    h = new SyncHarness();
    await h.process(managementContextSync, contextObject());
  });

  describe('ApiResource', () => {
    it('an API with an ApiResource ref inlines the resource', async () => {
      // Prepare
      await h.process(apiResourceSync, apiResourceObject());

      // Act
      await h.process(
        apiV4DefinitionSync,
        apiObject('echo', { resources: [{ ref: { name: 'redis-cache' } }] }),
      );

      // Assess
      assert.equal(h.lastStatus(API, 'echo')?.outcome, 'Synced');
      const [resource] = lastBody()?.resources ?? [];
      assert.equal(resource?.name, 'cache');
      assert.equal(resource?.type, 'cache-redis');
      assert.deepEqual(resource?.configuration, {
        timeToLiveSeconds: 60,
        standalone: { enabled: true, host: 'redis', port: 6379 },
      });
      assert.equal(resource?.ref, undefined, 'the reference itself is not sent to APIM');
    });

    it('an ApiResource ref with a namespace is looked up in that namespace', async () => {
      // Prepare
      await h.process(
        apiResourceSync,
        apiResourceObject('shared-cache', { name: 'shared' }, { namespace: 'shared' }),
      );
      await h.process(apiResourceSync, apiResourceObject('shared-cache', { name: 'local' }));

      // Act
      await h.process(
        apiV4DefinitionSync,
        apiObject('echo', { resources: [{ ref: { name: 'shared-cache', namespace: 'shared' } }] }),
      );

      // Assess
      assert.equal(lastBody()?.resources?.[0]?.name, 'shared');
    });

    it('a missing ApiResource is a recoverable missing reference with ResolvedRefs=False naming spec.resources[0].ref', async () => {
      // Act
      const outcome = await h.process(
        apiV4DefinitionSync,
        apiObject('echo', { resources: [{ ref: { name: 'redis-cache' } }] }),
      );

      // Assess
      assert.equal(outcome.action, 'retry');
      const status = h.lastStatus(API, 'echo');
      assert.equal(status?.outcome, 'SyncFailed');
      assert.equal(status?.failure?.terminal, false);
      assert.equal(status?.failure?.reason, 'UnresolvedReference');
      const resolved = conditionOf(status, 'ResolvedRefs');
      assert.equal(resolved?.status, 'False');
      assert.match(
        resolved?.message ?? '',
        /spec\.resources\[0\]\.ref references ApiResource default\/redis-cache, which does not exist/,
      );
      assert.deepEqual(apiUpserts(), []);
    });

    it('the missing ApiResource arriving re-syncs the waiting API, which then converges', async () => {
      // Prepare
      await h.process(
        apiV4DefinitionSync,
        apiObject('echo', { resources: [{ ref: { name: 'redis-cache' } }] }),
      );

      // Act
      await h.process(apiResourceSync, apiResourceObject());
      const resyncs = await h.processQueued(apiV4DefinitionSync);

      // Assess
      assert.deepEqual(
        resyncs.map((e) => e.subject),
        ['default/echo'],
      );
      assert.equal(h.lastStatus(API, 'echo')?.outcome, 'Synced');
      assert.equal(conditionOf(h.lastStatus(API, 'echo'), 'ResolvedRefs')?.status, 'True');
      assert.equal(lastBody()?.resources?.[0]?.type, 'cache-redis');
    });
  });

  describe('SharedPolicyGroup', () => {
    it('a SharedPolicyGroup that is not synced yet is an unsynced reference', async () => {
      // Prepare: APIM was down when the group was synced.
      h.apim.failNext(
        'upsert',
        new RecoverableError('ApimUnavailable', 'APIM PUT …/sharedPolicyGroups answered 503'),
      );
      await h.process(sharedPolicyGroupStandInSync, sharedPolicyGroupObject());
      assert.equal(h.lastStatus('SharedPolicyGroup', 'rate-limits')?.outcome, 'SyncFailed');

      // Act
      const outcome = await h.process(
        apiV4DefinitionSync,
        apiObject('echo', { flows: [spgStep('rate-limits')] }),
      );

      // Assess
      assert.equal(outcome.action, 'retry');
      const status = h.lastStatus(API, 'echo');
      assert.equal(conditionOf(status, 'ResolvedRefs')?.status, 'False');
      assert.match(
        status?.failure?.message ?? '',
        /spec\.flows\[0\]\.request\[0\]\.sharedPolicyGroupRef references SharedPolicyGroup default\/rate-limits, which is not synced with APIM yet \(ApimUnavailable\)/,
      );
      assert.deepEqual(apiUpserts(), []);
    });

    it('a missing SharedPolicyGroup in a plan flow names the plan flow field', async () => {
      // Act
      await h.process(
        apiV4DefinitionSync,
        apiObject('echo', {
          plans: {
            keyless: {
              name: 'Keyless',
              security: { type: 'KEY_LESS' },
              status: 'PUBLISHED',
              flows: [spgStep('rate-limits')],
            },
          },
        }),
      );

      // Assess
      assert.match(
        h.lastStatus(API, 'echo')?.failure?.message ?? '',
        /spec\.plans\.keyless\.flows\[0\]\.request\[0\]\.sharedPolicyGroupRef references SharedPolicyGroup default\/rate-limits, which does not exist/,
      );
    });

    it('a synced SharedPolicyGroup is sent as a shared-policy-group step with its crossId and hrid', async () => {
      // Prepare
      await h.process(sharedPolicyGroupStandInSync, sharedPolicyGroupObject());

      // Act
      await h.process(apiV4DefinitionSync, apiObject('echo', { flows: [spgStep('rate-limits')] }));

      // Assess
      assert.equal(h.lastStatus(API, 'echo')?.outcome, 'Synced');
      const step = lastBody()?.flows?.[0]?.request?.[0];
      assert.equal(step?.name, 'rate-limits');
      assert.equal(step?.policy, 'shared-policy-group-policy');
      assert.deepEqual(step?.configuration, {
        sharedPolicyGroupId: 'cross-default-rate-limits',
        hrid: 'default-rate-limits',
      });
    });
  });

  describe('Group', () => {
    it('missing Groups are skipped and named in the Accepted message', async () => {
      // Prepare
      await h.process(groupStandInSync, groupObject('developers', { name: 'Developers' }));

      // Act
      await h.process(
        apiV4DefinitionSync,
        apiObject('echo', {
          groups: ['existing-apim-group'],
          groupRefs: [{ name: 'developers' }, { name: 'ghosts' }],
        }),
      );

      // Assess
      const status = h.lastStatus(API, 'echo');
      assert.equal(status?.outcome, 'Synced');
      assert.deepEqual(lastBody()?.groups, ['existing-apim-group', 'Developers']);
      const accepted = conditionOf(status, 'Accepted');
      assert.equal(accepted?.status, 'True');
      assert.match(accepted?.message ?? '', /groups not found and skipped: default\/ghosts/);
      assert.doesNotMatch(accepted?.message ?? '', /developers/);
      assert.equal(conditionOf(status, 'ResolvedRefs')?.status, 'True');
    });

    it('an unchanged re-apply still names the skipped Groups in the Accepted message', async () => {
      // Prepare
      const api = apiObject('echo', { groupRefs: [{ name: 'ghosts' }] });
      await h.process(apiV4DefinitionSync, api);
      const writes = apiUpserts().length;

      // Act: the same API again (a periodic resync).
      await h.process(apiV4DefinitionSync, api, 'resync');

      // Assess
      assert.equal(apiUpserts().length, writes, 'no APIM write for an unchanged API');
      assert.match(
        conditionOf(h.lastStatus(API, 'echo'), 'Accepted')?.message ?? '',
        /groups not found and skipped: default\/ghosts/,
      );
    });
  });

  describe('Notification', () => {
    it('the console API Notification becomes the console notification with its group refs resolved to names', async () => {
      // Prepare
      await h.process(groupStandInSync, groupObject('developers', { name: 'Developers' }));
      await h.process(
        notificationSync,
        notificationObject('first', {
          console: {
            apiEvents: ['API_STARTED', 'API_STOPPED'],
            groupRefs: [{ name: 'developers' }],
            groups: ['product'],
          },
        }),
      );

      // Act
      await h.process(apiV4DefinitionSync, apiObject('echo', { notificationsRefs: [{ name: 'first' }] }));

      // Assess
      assert.equal(h.lastStatus(API, 'echo')?.outcome, 'Synced');
      assert.deepEqual(lastBody()?.consoleNotification, {
        events: ['API_STARTED', 'API_STOPPED'],
        groups: ['product', 'Developers'],
      });
    });

    it('a missing Notification is a recoverable missing reference naming spec.notificationsRefs[0]', async () => {
      // Act
      const outcome = await h.process(
        apiV4DefinitionSync,
        apiObject('echo', { notificationsRefs: [{ name: 'nope' }] }),
      );

      // Assess
      assert.equal(outcome.action, 'retry');
      assert.match(
        h.lastStatus(API, 'echo')?.failure?.message ?? '',
        /spec\.notificationsRefs\[0\] references Notification default\/nope, which does not exist/,
      );
    });

    it('a Notification that leaves eventType and target to their defaults still becomes the console notification', async () => {
      // Prepare: `eventType` and `target` default to api / console in the CRD (local mode applies no defaults).
      await h.process(notificationSync, {
        ...notificationObject('defaults'),
        spec: { console: { apiEvents: ['API_DEPLOYED'] } },
      });
      assert.equal(h.lastStatus('Notification', 'defaults')?.outcome, 'Synced');

      // Act
      await h.process(apiV4DefinitionSync, apiObject('echo', { notificationsRefs: [{ name: 'defaults' }] }));

      // Assess
      assert.deepEqual(lastBody()?.consoleNotification?.events, ['API_DEPLOYED']);
    });
  });

  describe('apiReferenceKeys', () => {
    it('lists every ApiResource, SharedPolicyGroup, Group and Notification an API references', () => {
      // Prepare
      const key = { cluster: CLUSTER, kind: API, namespace: 'apis', name: 'echo' };
      const spec = {
        resources: [{ name: 'inline', type: 'cache' }, { ref: { name: 'cache', namespace: 'shared' } }],
        flows: [
          { response: [{ policy: 'transform-headers' }, { sharedPolicyGroupRef: { name: 'headers' } }] },
        ],
        plans: { keyless: { flows: [{ request: [{ sharedPolicyGroupRef: { name: 'limits' } }] }] } },
        groupRefs: [{ name: 'developers' }],
        notificationsRefs: [{ name: 'console' }],
      };

      // Act
      const keys = apiReferenceKeys(key, spec);

      // Assess
      assert.deepEqual(
        keys.map((k) => `${k.kind} ${k.namespace}/${k.name}`),
        [
          'ApiResource shared/cache',
          'SharedPolicyGroup apis/headers',
          'SharedPolicyGroup apis/limits',
          'Group apis/developers',
          'Notification apis/console',
        ],
      );
      assert.ok(keys.every((k) => k.cluster === CLUSTER));
    });

    it('records the references of an API so that their changes re-sync it', async () => {
      // Act
      await h.process(apiResourceSync, apiResourceObject());
      await h.process(
        apiV4DefinitionSync,
        apiObject('echo', { resources: [{ ref: { name: 'redis-cache' } }] }),
      );

      // Assess
      const dependents = await h.registry.dependents(h.key('ApiResource', 'redis-cache'));
      assert.deepEqual(
        dependents.map((k) => `${k.kind} ${k.name}`),
        ['ApiV4Definition echo'],
      );
    });
  });
});
