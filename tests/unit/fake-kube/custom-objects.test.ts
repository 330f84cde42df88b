import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ApiException,
  CustomObjectsApi,
  KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { FakeKubeServer } from '../../support/fake-kube/index.ts';

const GROUP = 'gravitee.io';
const VERSION = 'v1alpha1';
const PLURAL = 'managementcontexts';
const NAMESPACE = 'default';

interface Ctx {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    creationTimestamp?: string;
    labels?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}

interface CtxList {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion: string };
  items: Ctx[];
}

function managementContext(
  name: string,
  labels: Record<string, string> = {},
): Ctx & { apiVersion: string; kind: string } {
  return {
    apiVersion: `${GROUP}/${VERSION}`,
    kind: 'ManagementContext',
    metadata: { name, labels },
    spec: { baseUrl: 'https://apim.example.com', environmentId: 'DEFAULT', organizationId: 'DEFAULT' },
  };
}

/** Runs `action` and returns the ApiException it must throw. */
async function apiError(action: () => Promise<unknown>): Promise<ApiException<string>> {
  try {
    await action();
  } catch (error) {
    assert.ok(error instanceof ApiException, `expected an ApiException, got ${String(error)}`);
    return error as ApiException<string>;
  }
  assert.fail('expected the call to fail');
}

describe('custom objects through client-node CustomObjectsApi', () => {
  const server = new FakeKubeServer();
  let api: CustomObjectsApi;

  before(async () => {
    await server.start();
    api = server.kubeConfig().makeApiClient(CustomObjectsApi);
  });

  after(async () => {
    await server.stop();
  });

  const create = (body: Ctx): Promise<Ctx> =>
    api.createNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: NAMESPACE,
      plural: PLURAL,
      body,
    });
  const read = (name: string): Promise<Ctx> =>
    api.getNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: NAMESPACE,
      plural: PLURAL,
      name,
    });

  it('creates an object and fills uid, creationTimestamp, resourceVersion, generation and namespace', async () => {
    // Prepare
    const before = Number(server.resourceVersion);

    // Act
    const created = await create(managementContext('created'));

    // Assess
    assert.match(created.metadata.uid ?? '', /^[0-9a-f-]{36}$/);
    assert.match(created.metadata.creationTimestamp ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(created.metadata.resourceVersion, String(before + 1));
    assert.equal(created.metadata.generation, 1);
    assert.equal(created.metadata.namespace, NAMESPACE);
    assert.deepEqual(await read('created'), created);
  });

  it('refuses to create an object that already exists with 409 AlreadyExists', async () => {
    // Prepare
    await create(managementContext('duplicate'));

    // Act
    const error = await apiError(() => create(managementContext('duplicate')));

    // Assess
    assert.equal(error.code, 409);
    const status = JSON.parse(error.body);
    assert.equal(status.kind, 'Status');
    assert.equal(status.reason, 'AlreadyExists');
    assert.equal(status.message, 'managementcontexts.gravitee.io "duplicate" already exists');
  });

  it('answers 404 NotFound with a Status for a missing object', async () => {
    // Act
    const error = await apiError(() => read('missing'));

    // Assess
    assert.equal(error.code, 404);
    assert.deepEqual(JSON.parse(error.body), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'managementcontexts.gravitee.io "missing" not found',
      reason: 'NotFound',
      details: { name: 'missing', group: GROUP, kind: PLURAL },
      code: 404,
    });
  });

  it('lists objects with the list resourceVersion and filters them by label and field selectors', async () => {
    // Prepare
    await create(managementContext('listed-a', { team: 'a' }));
    await create(managementContext('listed-b', { team: 'b' }));

    // Act
    const all: CtxList = await api.listNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: NAMESPACE,
      plural: PLURAL,
    });
    const byLabel: CtxList = await api.listNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: NAMESPACE,
      plural: PLURAL,
      labelSelector: 'team in (b,c)',
    });
    const byName: CtxList = await api.listClusterCustomObject({
      group: GROUP,
      version: VERSION,
      plural: PLURAL,
      fieldSelector: 'metadata.name=listed-a',
    });

    // Assess
    assert.equal(all.kind, 'ManagementContextList');
    assert.equal(all.metadata.resourceVersion, server.resourceVersion);
    assert.ok(
      all.items.every((item) => item.kind === 'ManagementContext'),
      'custom-resource list items keep kind',
    );
    assert.deepEqual(
      byLabel.items.map((item) => item.metadata.name),
      ['listed-b'],
    );
    assert.deepEqual(
      byName.items.map((item) => item.metadata.name),
      ['listed-a'],
    );
  });

  it('rejects a field selector on an unsupported field with 400', async () => {
    // Act
    const error = await apiError(() =>
      api.listClusterCustomObject({
        group: GROUP,
        version: VERSION,
        plural: PLURAL,
        fieldSelector: 'spec.baseUrl=x',
      }),
    );

    // Assess
    assert.equal(error.code, 400);
    assert.equal(JSON.parse(error.body).message, 'field label not supported: spec.baseUrl');
  });

  it('bumps generation when the spec changes through a replace', async () => {
    // Prepare
    const created = await create(managementContext('spec-change'));

    // Act
    const replaced: Ctx = await api.replaceNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: NAMESPACE,
      plural: PLURAL,
      name: 'spec-change',
      body: { ...created, spec: { ...created.spec, baseUrl: 'https://other.example.com' } },
    });

    // Assess
    assert.equal(replaced.metadata.generation, 2);
    assert.ok(Number(replaced.metadata.resourceVersion) > Number(created.metadata.resourceVersion));
  });

  it('keeps generation when only metadata changes, and ignores .status written to the main resource', async () => {
    // Prepare
    const created = await create(managementContext('metadata-change'));

    // Act
    const replaced: Ctx = await api.replaceNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: NAMESPACE,
      plural: PLURAL,
      name: 'metadata-change',
      body: {
        ...created,
        metadata: { ...created.metadata, labels: { touched: 'yes' } },
        status: { phase: 'Nope' },
      },
    });

    // Assess
    assert.equal(replaced.metadata.generation, 1);
    assert.deepEqual(replaced.metadata.labels, { touched: 'yes' });
    assert.equal(replaced.status, undefined);
  });

  it('patches the status subresource with a merge patch without touching generation or spec', async () => {
    // Prepare
    const created = await create(managementContext('status-patch'));
    server.clearRequests();

    // Act
    const patched: Ctx = await api.patchNamespacedCustomObjectStatus(
      {
        group: GROUP,
        version: VERSION,
        namespace: NAMESPACE,
        plural: PLURAL,
        name: 'status-patch',
        body: {
          status: { observedGeneration: 1, conditions: [{ type: 'Ready', status: 'True' }] },
          spec: { x: 1 },
        },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );

    // Assess
    assert.equal(patched.metadata.generation, 1);
    assert.deepEqual(patched.spec, created.spec);
    assert.deepEqual(patched.status, {
      observedGeneration: 1,
      conditions: [{ type: 'Ready', status: 'True' }],
    });
    assert.ok(Number(patched.metadata.resourceVersion) > Number(created.metadata.resourceVersion));
    const [request] = server.requests;
    assert.equal(request?.method, 'PATCH');
    assert.equal(
      request?.path,
      `/apis/${GROUP}/${VERSION}/namespaces/${NAMESPACE}/${PLURAL}/status-patch/status`,
    );
    assert.equal(request?.contentType, 'application/merge-patch+json');
  });

  it('sends a JSON patch by default when no Content-Type is chosen (client-node 2.x default)', async () => {
    // Prepare
    await create(managementContext('default-patch-type'));
    server.clearRequests();

    // Act
    const patched: Ctx = await api.patchNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: NAMESPACE,
      plural: PLURAL,
      name: 'default-patch-type',
      body: [{ op: 'replace', path: '/spec/baseUrl', value: 'https://patched.example.com' }],
    });

    // Assess
    assert.equal(server.requests[0]?.contentType, 'application/json-patch+json');
    assert.equal(patched.spec?.baseUrl, 'https://patched.example.com');
    assert.equal(patched.metadata.generation, 2);
  });

  it('answers a failed JSON patch test operation with 422 Invalid', async () => {
    // Prepare
    await create(managementContext('json-patch-test'));

    // Act
    const error = await apiError(() =>
      api.patchNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        namespace: NAMESPACE,
        plural: PLURAL,
        name: 'json-patch-test',
        body: [
          { op: 'test', path: '/spec/baseUrl', value: 'https://not-the-value.example.com' },
          { op: 'replace', path: '/spec/baseUrl', value: 'https://never.example.com' },
        ],
      }),
    );

    // Assess
    assert.equal(error.code, 422);
    const status = JSON.parse(error.body);
    assert.equal(status.reason, 'Invalid');
    assert.equal(status.message, 'the server rejected our request due to an error in our request');
    assert.equal(
      (server.get(PLURAL, NAMESPACE, 'json-patch-test')?.spec as { baseUrl?: string } | undefined)?.baseUrl,
      'https://apim.example.com',
    );
  });

  it('rejects a strategic merge patch on a custom resource with 415', async () => {
    // Prepare
    await create(managementContext('strategic'));

    // Act
    const error = await apiError(() =>
      api.patchNamespacedCustomObject(
        {
          group: GROUP,
          version: VERSION,
          namespace: NAMESPACE,
          plural: PLURAL,
          name: 'strategic',
          body: { spec: { baseUrl: 'https://x.example.com' } },
        },
        setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
      ),
    );

    // Assess
    assert.equal(error.code, 415);
    assert.equal(
      JSON.parse(error.body).message,
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    );
  });

  it('refuses a replace carrying a stale resourceVersion with 409 Conflict', async () => {
    // Prepare
    const stale = await create(managementContext('stale'));
    await api.patchNamespacedCustomObject(
      {
        group: GROUP,
        version: VERSION,
        namespace: NAMESPACE,
        plural: PLURAL,
        name: 'stale',
        body: { metadata: { labels: { moved: 'on' } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );

    // Act
    const error = await apiError(() =>
      api.replaceNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        namespace: NAMESPACE,
        plural: PLURAL,
        name: 'stale',
        body: stale,
      }),
    );

    // Assess
    assert.equal(error.code, 409);
    assert.deepEqual(JSON.parse(error.body), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'Operation cannot be fulfilled on managementcontexts.gravitee.io "stale": the object has been modified; please apply your changes to the latest version and try again',
      reason: 'Conflict',
      details: { name: 'stale', group: GROUP, kind: PLURAL },
      code: 409,
    });
  });

  it('refuses a replace without resourceVersion with 422, as custom resources require one', async () => {
    // Prepare
    const created = await create(managementContext('no-rv'));
    const { resourceVersion: _dropped, ...metadata } = created.metadata;

    // Act
    const error = await apiError(() =>
      api.replaceNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        namespace: NAMESPACE,
        plural: PLURAL,
        name: 'no-rv',
        body: { ...created, metadata },
      }),
    );

    // Assess
    assert.equal(error.code, 422);
    assert.equal(
      JSON.parse(error.body).message,
      'managementcontexts.gravitee.io "no-rv" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update',
    );
  });

  it('leaves resourceVersion unchanged for a no-op update', async () => {
    // Prepare
    const created = await create(managementContext('no-op'));

    // Act
    const replaced: Ctx = await api.replaceNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: NAMESPACE,
      plural: PLURAL,
      name: 'no-op',
      body: created,
    });

    // Assess
    assert.equal(replaced.metadata.resourceVersion, created.metadata.resourceVersion);
  });

  it('refuses to create in a namespace that does not exist with 404', async () => {
    // Act
    const error = await apiError(() =>
      api.createNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        namespace: 'nowhere',
        plural: PLURAL,
        body: managementContext('homeless'),
      }),
    );

    // Assess
    assert.equal(error.code, 404);
    assert.equal(JSON.parse(error.body).message, 'namespaces "nowhere" not found');
  });

  it('applies objects directly and bumps generation only on spec changes', () => {
    // Prepare
    const first = server.apply({
      ...managementContext('applied'),
      metadata: { name: 'applied', namespace: NAMESPACE },
    });

    // Act
    const relabelled = server.apply({ ...managementContext('applied', { v: '2' }) });
    const respecced = server.apply({
      ...managementContext('applied', { v: '2' }),
      spec: { baseUrl: 'https://b' },
    });

    // Assess
    assert.equal(first.metadata.generation, 1);
    assert.equal(relabelled.metadata.generation, 1);
    assert.equal(respecced.metadata.generation, 2);
    assert.equal(server.list(PLURAL, NAMESPACE).filter((o) => o.metadata.name === 'applied').length, 1);
  });

  it('serves KubernetesObjectApi through discovery; its default strategic merge patch gets 415 on custom resources', async () => {
    // Prepare
    const objects = KubernetesObjectApi.makeApiClient(server.kubeConfig());
    await create(managementContext('generic'));
    const ref = {
      apiVersion: `${GROUP}/${VERSION}`,
      kind: 'ManagementContext',
      metadata: { name: 'generic', namespace: NAMESPACE },
    };

    // Act
    const read = await objects.read(ref);
    const refused = await apiError(() =>
      objects.patch({ ...ref, metadata: { ...ref.metadata, labels: { a: 'b' } } }),
    );
    const merged = await objects.patch(
      { ...ref, metadata: { ...ref.metadata, labels: { a: 'b' } } },
      undefined,
      undefined,
      undefined,
      undefined,
      PatchStrategy.MergePatch,
    );

    // Assess
    assert.equal(read.metadata?.name, 'generic');
    assert.equal(refused.code, 415);
    assert.deepEqual(merged.metadata?.labels, { a: 'b' });
  });
});
