import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ApiException,
  CoordinationV1Api,
  CoreV1Api,
  EventsV1Api,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { FakeKubeServer } from '../../support/fake-kube/index.ts';

describe('built-in resources through client-node typed APIs', () => {
  const server = new FakeKubeServer();
  let core: CoreV1Api;

  before(async () => {
    await server.start();
    core = server.kubeConfig().makeApiClient(CoreV1Api);
  });

  after(async () => {
    await server.stop();
  });

  it('stores Secret stringData as base64 data and defaults the type to Opaque', async () => {
    // Act
    await core.createNamespacedSecret({
      namespace: 'default',
      body: { metadata: { name: 'apim-token' }, stringData: { token: 's3cr3t' } },
    });
    const secret = await core.readNamespacedSecret({ name: 'apim-token', namespace: 'default' });

    // Assess
    assert.deepEqual(secret.data, { token: Buffer.from('s3cr3t').toString('base64') });
    assert.equal(secret.stringData, undefined);
    assert.equal(secret.type, 'Opaque');
    assert.equal(secret.metadata?.generation, undefined, 'built-in types carry no generation');
  });

  it('lists built-in items without apiVersion/kind, as typed lists are encoded', async () => {
    // Prepare
    await core.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'listed' }, data: {} },
    });

    // Act
    const list = await core.listNamespacedConfigMap({ namespace: 'default' });

    // Assess
    assert.equal(list.kind, 'ConfigMapList');
    assert.equal(list.metadata?.resourceVersion, server.resourceVersion);
    assert.equal(list.items[0]?.kind, undefined);
    assert.equal(list.items[0]?.metadata?.name, 'listed');
  });

  it('merges finalizers as a set in a strategic merge patch on a ConfigMap', async () => {
    // Prepare
    await core.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'strategic', finalizers: ['a.io/one'] }, data: { k: 'v' } },
    });

    // Act
    const patched = await core.patchNamespacedConfigMap(
      {
        name: 'strategic',
        namespace: 'default',
        body: { metadata: { finalizers: ['b.io/two'] }, data: { other: 'x' } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );

    // Assess
    assert.deepEqual(patched.metadata?.finalizers, ['a.io/one', 'b.io/two']);
    assert.deepEqual(patched.data, { k: 'v', other: 'x' });
  });

  it('replaces a ConfigMap without resourceVersion unconditionally, as built-ins allow', async () => {
    // Prepare
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'overwrite' } } });

    // Act
    const replaced = await core.replaceNamespacedConfigMap({
      name: 'overwrite',
      namespace: 'default',
      body: { metadata: { name: 'overwrite' }, data: { now: 'set' } },
    });

    // Assess
    assert.deepEqual(replaced.data, { now: 'set' });
  });

  it('records core/v1 and events.k8s.io/v1 events separately', async () => {
    // Act
    await core.createNamespacedEvent({
      namespace: 'default',
      body: {
        metadata: { generateName: 'ctx-' },
        involvedObject: { kind: 'ManagementContext', name: 'ctx', namespace: 'default' },
        reason: 'Synced',
        message: 'synced with APIM',
        type: 'Normal',
      },
    });
    await server
      .kubeConfig()
      .makeApiClient(EventsV1Api)
      .createNamespacedEvent({
        namespace: 'default',
        body: {
          metadata: { name: 'ctx.v1' },
          eventTime: new Date(),
          reason: 'Synced',
          action: 'Sync',
          reportingController: 'gravitee.io/gso',
          reportingInstance: 'gso-1',
          regarding: { kind: 'ManagementContext', name: 'ctx', namespace: 'default' },
          type: 'Normal',
        },
      });
    const coreEvents = await core.listNamespacedEvent({
      namespace: 'default',
      fieldSelector: 'reason=Synced',
    });

    // Assess
    assert.equal(coreEvents.items.length, 1);
    assert.match(coreEvents.items[0]?.metadata?.name ?? '', /^ctx-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.equal(server.list('events.events.k8s.io', 'default').length, 1);
  });

  it('creates a Lease with a PUT, as leases allow create-on-update, then refuses a stale one', async () => {
    // Prepare
    const leases = server.kubeConfig().makeApiClient(CoordinationV1Api);
    const body = { metadata: { name: 'gso-leader', namespace: 'default' }, spec: { holderIdentity: 'a' } };

    // Act
    const created = await leases.replaceNamespacedLease({ name: 'gso-leader', namespace: 'default', body });
    await leases.replaceNamespacedLease({
      name: 'gso-leader',
      namespace: 'default',
      body: { ...created, spec: { holderIdentity: 'b' } },
    });
    let conflict: unknown;
    try {
      await leases.replaceNamespacedLease({
        name: 'gso-leader',
        namespace: 'default',
        body: { ...created, spec: { holderIdentity: 'c' } },
      });
    } catch (error) {
      conflict = error;
    }

    // Assess
    assert.equal(created.spec?.holderIdentity, 'a');
    assert.ok(conflict instanceof ApiException);
    assert.equal(conflict.code, 409);
  });

  it('terminates a namespace: its content is deleted and it disappears once empty', async () => {
    // Prepare
    await core.createNamespace({ body: { metadata: { name: 'doomed' } } });
    await core.createNamespacedConfigMap({
      namespace: 'doomed',
      body: { metadata: { name: 'held', finalizers: ['x.io/hold'] } },
    });

    // Act
    await core.deleteNamespace({ name: 'doomed' });
    const terminating = await core.readNamespace({ name: 'doomed' });
    let refused: unknown;
    try {
      await core.createNamespacedConfigMap({ namespace: 'doomed', body: { metadata: { name: 'late' } } });
    } catch (error) {
      refused = error;
    }
    await core.patchNamespacedConfigMap(
      { name: 'held', namespace: 'doomed', body: { metadata: { finalizers: null } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );

    // Assess
    assert.equal(terminating.status?.phase, 'Terminating');
    assert.ok(refused instanceof ApiException);
    assert.equal(refused.code, 403);
    assert.equal(server.get('namespaces', undefined, 'doomed'), undefined);
  });
});
