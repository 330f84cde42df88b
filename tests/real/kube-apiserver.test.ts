// Smoke test of the real control plane harness: a kube-apiserver built from the pinned Kubernetes release,
// with the project's CRDs, RBAC and the watcher's identity, and a clean stop.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  AuthenticationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  type KubernetesObject,
  PatchStrategy,
  setHeaderOptions,
  VersionApi,
  Watch,
} from '@kubernetes/client-node';
import { readCrdManifests } from '../harness/kube/crd-install.ts';
import { WATCHER_NAMESPACE, WATCHER_SERVICE_ACCOUNT } from '../harness/kube/identities.ts';
import { pinnedVersions } from '../harness/kube/pinned-versions.ts';
import { type RealKube, startRealKube } from '../harness/kube/real-kube.ts';
import { isPortOpen, isProcessGroupAlive } from '../harness/support/liveness.ts';
import { repoRoot } from '../harness/support/repo-root.ts';

interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastTransitionTime: string;
}

interface ManagementContext extends KubernetesObject {
  spec: Record<string, unknown>;
  status?: { conditions?: Condition[] };
}

const group = 'gravitee.io';
const version = 'v1alpha1';
const plural = 'managementcontexts';

let kube: RealKube;

before(async () => {
  kube = await startRealKube();
});

after(async () => {
  await kube?.stop();
});

function withinMs<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

test('the API server reports the pinned Kubernetes release, which is 1.34 or newer', async () => {
  // Act
  const info = await kube.kubeConfig('admin').makeApiClient(VersionApi).getCode();

  // Assess
  assert.equal(info.gitVersion, pinnedVersions().kubernetes);
  assert.equal(info.gitVersion, kube.version.gitVersion);
  const major = Number(info.major);
  const minor = Number.parseInt(info.minor, 10);
  assert.ok(major > 1 || (major === 1 && minor >= 34), `expected >= 1.34, got ${info.major}.${info.minor}`);
});

test('every CRD of infra/crds is discoverable with its status subresource', async () => {
  // Prepare
  const manifests = readCrdManifests(join(repoRoot, 'infra', 'crds'));
  const custom = kube.kubeConfig('admin').makeApiClient(CustomObjectsApi);
  assert.ok(manifests.length > 0, 'no CRD manifests found');

  for (const manifest of manifests) {
    for (const served of manifest.spec.versions.filter((v) => v.served)) {
      // Act
      const discovery = await custom.getAPIResources({ group: manifest.spec.group, version: served.name });

      // Assess
      const names = discovery.resources.map((resource) => resource.name);
      assert.ok(
        names.includes(manifest.spec.names.plural),
        `${manifest.metadata?.name} ${served.name} not served`,
      );
      if (served.subresources?.status) {
        assert.ok(
          names.includes(`${manifest.spec.names.plural}/status`),
          `${manifest.metadata?.name} has no status`,
        );
      }
    }
  }
  assert.deepEqual(
    kube.crds.map((crd) => crd.name).sort(),
    manifests.map((manifest) => manifest.metadata?.name).sort(),
  );
});

test('a ManagementContext written by the admin reads back, and its status patch reaches a watch', async () => {
  // Prepare
  const admin = kube.kubeConfig('admin');
  const custom = admin.makeApiClient(CustomObjectsApi);
  const spec = {
    baseUrl: 'http://apim.example.test:8083',
    organizationId: 'DEFAULT',
    environmentId: 'DEFAULT',
    auth: { bearerToken: 'smoke-test-token' },
  };
  const body = {
    apiVersion: `${group}/${version}`,
    kind: 'ManagementContext',
    metadata: { name: 'smoke' },
    spec,
  };
  const created = (await custom.createNamespacedCustomObject({
    group,
    version,
    plural,
    namespace: WATCHER_NAMESPACE,
    body,
  })) as ManagementContext;
  const readBack = (await custom.getNamespacedCustomObject({
    group,
    version,
    plural,
    namespace: WATCHER_NAMESPACE,
    name: 'smoke',
  })) as ManagementContext;
  assert.deepEqual(readBack.spec, spec);
  assert.equal(readBack.metadata?.uid, created.metadata?.uid);

  let resolveModified: (object: ManagementContext) => void = () => {};
  let rejectWatch: (error: unknown) => void = () => {};
  const modified = new Promise<ManagementContext>((resolvePromise, rejectPromise) => {
    resolveModified = resolvePromise;
    rejectWatch = rejectPromise;
  });
  const watch = await new Watch(admin).watch(
    `/apis/${group}/${version}/namespaces/${WATCHER_NAMESPACE}/${plural}`,
    { resourceVersion: created.metadata?.resourceVersion },
    (phase, object: ManagementContext) => {
      if (phase === 'MODIFIED' && object.status?.conditions?.[0]?.reason === 'SmokeTested')
        resolveModified(object);
    },
    (error) => {
      if (error) rejectWatch(error);
    },
  );
  const condition: Condition = {
    type: 'Accepted',
    status: 'True',
    reason: 'SmokeTested',
    message: 'status written through the status subresource',
    lastTransitionTime: new Date().toISOString(),
  };

  try {
    // Act
    await custom.patchNamespacedCustomObjectStatus(
      {
        group,
        version,
        plural,
        namespace: WATCHER_NAMESPACE,
        name: 'smoke',
        body: { status: { conditions: [condition] } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const seen = await withinMs(modified, 10_000, 'the MODIFIED watch event');

    // Assess
    assert.deepEqual(seen.status?.conditions, [condition]);
    assert.deepEqual(seen.spec, spec);
    // A write through /status leaves the generation alone: proof the status subresource handled it.
    assert.equal(seen.metadata?.generation, created.metadata?.generation);
  } finally {
    watch.abort();
  }
});

test('the watcher authenticates as its service account and RBAC forbids it to list secrets', async () => {
  // Prepare
  const watcher = kube.kubeConfig('watcher');

  // Act
  const review = await watcher.makeApiClient(AuthenticationV1Api).createSelfSubjectReview({
    body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
  });
  const listing = watcher.makeApiClient(CoreV1Api).listNamespacedSecret({ namespace: WATCHER_NAMESPACE });

  // Assess
  assert.equal(
    review.status?.userInfo?.username,
    `system:serviceaccount:${WATCHER_NAMESPACE}:${WATCHER_SERVICE_ACCOUNT}`,
  );
  assert.ok(review.status?.userInfo?.groups?.includes(`system:serviceaccounts:${WATCHER_NAMESPACE}`));
  await assert.rejects(listing, (error: { code?: number }) => error.code === 403);
  // The same request as admin succeeds, so the 403 above is RBAC speaking, not a broken endpoint.
  const adminListing = await kube
    .kubeConfig('admin')
    .makeApiClient(CoreV1Api)
    .listNamespacedSecret({ namespace: WATCHER_NAMESPACE });
  assert.ok(Array.isArray(adminListing.items));
});

test('stop() ends both servers, closes their ports and removes the temporary directory', async () => {
  // Prepare
  const { pids, ports, tempDir } = kube;
  assert.ok(
    isProcessGroupAlive(pids.apiserver) && isProcessGroupAlive(pids.etcd),
    'servers should run before stop()',
  );

  // Act
  await kube.stop();

  // Assess
  assert.equal(isProcessGroupAlive(pids.apiserver), false, 'kube-apiserver process group still exists');
  assert.equal(isProcessGroupAlive(pids.etcd), false, 'etcd process group still exists');
  for (const [name, port] of Object.entries(ports)) {
    assert.equal(
      await isPortOpen('127.0.0.1', port),
      false,
      `${name} port ${port} still accepts connections`,
    );
  }
  assert.equal(existsSync(tempDir), false, `${tempDir} still exists`);
});
