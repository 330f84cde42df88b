import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiException, CustomObjectsApi, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { FakeKubeServer } from '../../support/fake-kube/index.ts';

const GROUP = 'gravitee.io';
const VERSION = 'v1alpha1';
const PLURAL = 'apiv4definitions';
const NAMESPACE = 'default';
const FINALIZER = 'finalizers.gravitee.io/apidefinitiondeletion';

interface Api {
  metadata: {
    name: string;
    resourceVersion?: string;
    generation?: number;
    finalizers?: string[];
    deletionTimestamp?: string;
    deletionGracePeriodSeconds?: number;
  };
  spec?: Record<string, unknown>;
}

const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

describe('finalizers and deletion through client-node', () => {
  const server = new FakeKubeServer();
  let api: CustomObjectsApi;

  before(async () => {
    await server.start();
    api = server.kubeConfig().makeApiClient(CustomObjectsApi);
  });

  after(async () => {
    await server.stop();
  });

  const coordinates = (name: string) => ({
    group: GROUP,
    version: VERSION,
    namespace: NAMESPACE,
    plural: PLURAL,
    name,
  });

  const createApi = (name: string, finalizers: string[] = []): Promise<Api> =>
    api.createNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: NAMESPACE,
      plural: PLURAL,
      body: {
        apiVersion: `${GROUP}/${VERSION}`,
        kind: 'ApiV4Definition',
        metadata: { name, finalizers },
        spec: { name, version: '1.0' },
      },
    });

  it('deletes an object without finalizers at once and answers with a Success Status', async () => {
    // Prepare
    const created = await createApi('plain');

    // Act
    const response = await api.deleteNamespacedCustomObject(coordinates('plain'));

    // Assess
    assert.deepEqual(response, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name: 'plain', group: GROUP, kind: PLURAL, uid: (created.metadata as { uid?: string }).uid },
    });
    assert.equal(server.get(PLURAL, NAMESPACE, 'plain'), undefined);
  });

  it('only marks an object with finalizers: deletionTimestamp set, grace period 0, generation bumped', async () => {
    // Prepare
    await createApi('finalized', [FINALIZER]);

    // Act
    const response: Api = await api.deleteNamespacedCustomObject(coordinates('finalized'));

    // Assess
    assert.match(response.metadata.deletionTimestamp ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(response.metadata.deletionGracePeriodSeconds, 0);
    assert.equal(response.metadata.generation, 2);
    assert.deepEqual(server.get(PLURAL, NAMESPACE, 'finalized')?.metadata.finalizers, [FINALIZER]);
  });

  it('refuses new finalizers on an object being deleted with 422 Invalid (FieldValueForbidden)', async () => {
    // Prepare
    await createApi('closing', [FINALIZER]);
    await api.deleteNamespacedCustomObject(coordinates('closing'));

    // Act
    let failure: unknown;
    try {
      await api.patchNamespacedCustomObject(
        { ...coordinates('closing'), body: { metadata: { finalizers: [FINALIZER, 'example.com/other'] } } },
        mergePatch,
      );
    } catch (error) {
      failure = error;
    }

    // Assess
    assert.ok(failure instanceof ApiException);
    assert.equal(failure.code, 422);
    const status = JSON.parse(failure.body as string);
    assert.equal(
      status.message,
      'ApiV4Definition.gravitee.io "closing" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/other"}',
    );
    assert.deepEqual(status.details.causes, [
      {
        reason: 'FieldValueForbidden',
        message:
          'Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/other"}',
        field: 'metadata.finalizers',
      },
    ]);
  });

  it('removes the object once its last finalizer is patched away', async () => {
    // Prepare
    await createApi('released', [FINALIZER]);
    await api.deleteNamespacedCustomObject(coordinates('released'));
    const before = Number(server.resourceVersion);

    // Act
    const response: Api = await api.patchNamespacedCustomObject(
      { ...coordinates('released'), body: [{ op: 'remove', path: '/metadata/finalizers' }] },
      setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
    );

    // Assess
    assert.equal(response.metadata.finalizers, undefined);
    assert.equal(server.get(PLURAL, NAMESPACE, 'released'), undefined);
    assert.equal(Number(server.resourceVersion), before + 1, 'exactly one write: the deletion');
  });

  it('removes the object once its last finalizer is dropped by a replace', async () => {
    // Prepare
    await createApi('replaced', [FINALIZER]);
    const marked: Api = await api.deleteNamespacedCustomObject(coordinates('replaced'));

    // Act
    await api.replaceNamespacedCustomObject({
      ...coordinates('replaced'),
      body: { ...marked, metadata: { ...marked.metadata, finalizers: [] } },
    });

    // Assess
    assert.equal(server.get(PLURAL, NAMESPACE, 'replaced'), undefined);
  });

  it('deletes through the direct accessor with the same finalizer semantics', () => {
    // Prepare
    server.apply({
      apiVersion: `${GROUP}/${VERSION}`,
      kind: 'ApiV4Definition',
      metadata: { name: 'direct', finalizers: [FINALIZER] },
      spec: { name: 'direct' },
    });

    // Act
    const pending = server.delete(PLURAL, NAMESPACE, 'direct');
    const stored = server.get(PLURAL, NAMESPACE, 'direct');
    if (stored) server.apply({ ...stored, metadata: { ...stored.metadata, finalizers: [] } });

    // Assess
    assert.ok(pending?.metadata.deletionTimestamp);
    assert.equal(server.get(PLURAL, NAMESPACE, 'direct'), undefined);
  });
});
