import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ApiException,
  ApisApi,
  CoreApi,
  CoreV1Api,
  CustomObjectsApi,
  Health,
  VersionApi,
} from '@kubernetes/client-node';
import { FakeKubeServer } from '../../support/fake-kube/index.ts';

async function failure(action: () => Promise<unknown>): Promise<ApiException<unknown>> {
  try {
    await action();
  } catch (error) {
    assert.ok(error instanceof ApiException, `expected an ApiException, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('authentication, injected faults and discovery', () => {
  const server = new FakeKubeServer();

  before(async () => {
    await server.start();
  });

  after(async () => {
    await server.stop();
  });

  it('answers 401 to a client without a token', async () => {
    // Prepare
    const api = server.kubeConfig({ token: null }).makeApiClient(CoreV1Api);

    // Act
    const error = await failure(() => api.listNamespace());

    // Assess
    assert.equal(error.code, 401);
    assert.equal(server.requests.at(-1)?.status, 401);
  });

  it('answers 401 to a client with the wrong token', async () => {
    // Prepare
    const api = server.kubeConfig({ token: 'not-the-token' }).makeApiClient(CustomObjectsApi);

    // Act
    const error = await failure(() =>
      api.listClusterCustomObject({
        group: 'gravitee.io',
        version: 'v1alpha1',
        plural: 'managementcontexts',
      }),
    );

    // Assess
    assert.equal(error.code, 401);
  });

  it('serves health endpoints without authentication, as a default cluster does', async () => {
    // Act
    const ready = await new Health(server.kubeConfig({ token: null })).readyz({});

    // Assess
    assert.equal(ready, true);
  });

  it('fails exactly the next matching requests with the injected status, then recovers', async () => {
    // Prepare
    const api = server.kubeConfig().makeApiClient(CoreV1Api);
    server.failNextRequests(2, { status: 503, methods: ['GET'], pathPrefix: '/api/v1/namespaces' });

    // Act
    const first = await failure(() => api.listNamespace());
    const second = await failure(() => api.readNamespace({ name: 'default' }));
    const third = await api.listNamespace();

    // Assess
    assert.equal(first.code, 503);
    assert.equal(second.code, 503);
    assert.equal(JSON.parse(String(first.body)).reason, 'ServiceUnavailable');
    assert.ok(third.items.some((ns) => ns.metadata?.name === 'default'));
  });

  it('sends Retry-After with an injected 429', async () => {
    // Prepare
    const api = server.kubeConfig().makeApiClient(CoreV1Api);
    server.failNextRequests(1, { status: 429, retryAfterSeconds: 3 });

    // Act
    const error = await failure(() => api.listNamespace());

    // Assess
    assert.equal(error.code, 429);
    assert.equal(error.headers['retry-after'], '3');
    assert.deepEqual(JSON.parse(String(error.body)).details, { retryAfterSeconds: 3 });
  });

  it('serves discovery for the core group, the named groups and a group version', async () => {
    // Prepare
    const config = server.kubeConfig();

    // Act
    const core = await config.makeApiClient(CoreApi).getAPIVersions();
    const groups = await config.makeApiClient(ApisApi).getAPIVersions();
    const resources = await config
      .makeApiClient(CustomObjectsApi)
      .getAPIResources({ group: 'gravitee.io', version: 'v1alpha1' });
    const version = await config.makeApiClient(VersionApi).getCode();

    // Assess
    assert.deepEqual(core.versions, ['v1']);
    assert.deepEqual(
      groups.groups.map((g) => g.name),
      ['gravitee.io', 'events.k8s.io', 'coordination.k8s.io'],
    );
    assert.deepEqual(
      resources.resources.map((r) => `${r.name} ${r.namespaced} ${r.kind}`),
      [
        'managementcontexts true ManagementContext',
        'managementcontexts/status true ManagementContext',
        'apiv4definitions true ApiV4Definition',
        'apiv4definitions/status true ApiV4Definition',
      ],
    );
    assert.equal(version.major, '1');
  });
});
