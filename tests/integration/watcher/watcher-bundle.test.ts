/**
 * The deployable watcher bundle (`dist/watcher/main.mjs`, built by `npm run build`) as the container runs
 * it: a Node 22 child process configured only through its environment, talking to a Kubernetes API server
 * (fake-kube, real protocol) through a kubeconfig file and to AWS (moto) through the SDK's endpoint
 * override. Checks the process contract: health endpoints, leader election between two replicas, and a
 * SIGTERM that loses nothing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { type AwsClients, createAwsClients } from '../../../lib/aws/clients.ts';
import { bundleAll, repoRoot } from '../../../lib/build/bundle.ts';
import { allKinds } from '../../../lib/crds/kinds.ts';
import type { LeaseSpec } from '../../../lib/ports/cluster.ts';
import { apiObject } from '../../support/factories/resources.ts';
import {
  customResource,
  DEFAULT_RESOURCES,
  FakeKubeServer,
  type KubeObject,
  type ResourceDefinition,
} from '../../support/fake-kube/index.ts';
import { type AwsStack, createAwsStack, queueUrlsOf } from '../../support/moto/aws-stack.ts';
import { type MotoServer, startMotoServer } from '../../support/moto/moto-server.ts';
import { drain } from '../aws/queue-receiver.ts';
import { BundledWatcher, freePort, type HealthAnswer } from './support/bundled-watcher.ts';

const CLUSTER = 'bundle-test';
const NAMESPACE = 'gravitee-serverless-operator';
const LEASE = 'gso-watcher-leader';
const BUNDLE = 'dist/watcher/main.mjs';
const BURST = 30;
/** Generous: the process starts a Node runtime, lists every kind and opens every watch. */
const START_TIMEOUT_MS = 60_000;

/** The built-ins fake-kube serves plus every gravitee.io kind the watcher follows. */
const servedResources: readonly ResourceDefinition[] = [
  ...DEFAULT_RESOURCES,
  ...allKinds()
    .filter((k) => !DEFAULT_RESOURCES.some((r) => r.group === k.group && r.plural === k.plural))
    .map((k) => customResource(`${k.group}/${k.version}`, k.kind, k.plural)),
];

function apiV4(name: string): KubeObject {
  const { apiVersion, kind, spec } = apiObject(name);
  return { apiVersion, kind, metadata: { name, namespace: 'default' }, spec };
}

const isLeaderAnswer = (answer: HealthAnswer) =>
  answer !== 'refused' && answer.status === 200 && answer.body.role === 'leader';
const isStandbyAnswer = (answer: HealthAnswer) =>
  answer !== 'refused' && answer.status === 200 && answer.body.role === 'standby';

describe('watcher bundle as a process', () => {
  let moto: MotoServer;
  let aws: AwsClients;
  let workDir: string;
  let buildSeconds = 0;
  let kube: FakeKubeServer | undefined;
  let processes: BundledWatcher[] = [];

  before(async () => {
    const started = performance.now();
    const built = await bundleAll();
    buildSeconds = (performance.now() - started) / 1000;
    assert.ok(
      built.some((b) => b.output === BUNDLE),
      `the build produces ${BUNDLE}`,
    );
    moto = await startMotoServer();
    aws = createAwsClients(moto.clientConfig());
    workDir = mkdtempSync(join(tmpdir(), 'gso-watcher-bundle-'));
  });

  after(async () => {
    aws?.destroy();
    await moto?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  afterEach(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    processes = [];
    await kube?.stop();
    kube = undefined;
  });

  /** A fresh API server and AWS stack, and a way to start watcher replicas against them. */
  async function environment(label: string) {
    const server = new FakeKubeServer({ resources: servedResources, namespaces: ['default', NAMESPACE] });
    kube = server;
    await server.start();
    const kubeconfig = join(workDir, `${label}.kubeconfig.json`);
    writeFileSync(kubeconfig, server.kubeConfig().exportConfig(), { mode: 0o600 });
    const stack = await createAwsStack(moto.clientConfig(), {
      kinds: ['ApiV4Definition'],
      clusters: [CLUSTER],
    });
    const changeQueue = stack.changeQueues.ApiV4Definition?.url ?? '';

    const startReplica = async (pod: string): Promise<BundledWatcher> => {
      const healthPort = await freePort();
      const watcher = BundledWatcher.start({
        name: pod,
        script: BUNDLE,
        cwd: repoRoot,
        healthPort,
        env: replicaEnv(stack, kubeconfig, pod, healthPort),
      });
      processes.push(watcher);
      return watcher;
    };
    const lease = () => server.get('leases', NAMESPACE, LEASE)?.spec as LeaseSpec | undefined;
    const forwardedNames = async () => {
      const messages = await drain(aws.sqs, changeQueue);
      return messages.map(
        (m) => (JSON.parse(m.body) as { data: { metadata: { name: string } } }).data.metadata.name,
      );
    };
    return { server, startReplica, lease, forwardedNames };
  }

  /** Only what the container gets: no variable of the test runner leaks in. */
  function replicaEnv(stack: AwsStack, kubeconfig: string, pod: string, healthPort: number) {
    const statusQueue = stack.statusQueues[CLUSTER]?.url ?? '';
    const config = moto.clientConfig();
    return {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: workDir,
      KUBECONFIG: kubeconfig,
      AWS_ENDPOINT_URL: config.endpoint,
      AWS_REGION: config.region,
      AWS_ACCESS_KEY_ID: config.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: config.credentials.secretAccessKey,
      GSO_CLUSTER: CLUSTER,
      GSO_CHANGE_QUEUES: JSON.stringify(queueUrlsOf(stack)),
      GSO_STATUS_QUEUE_URL: statusQueue,
      GSO_KMS_KEY_ID: stack.key.id,
      GSO_HEALTH_PORT: String(healthPort),
      GSO_LEASE_NAMESPACE: NAMESPACE,
      GSO_POD_NAME: pod,
      GSO_RESYNC_SECONDS: '0',
      GSO_GATEWAY_CONFIGMAPS: 'false',
    };
  }

  it('as leader forwards every change of a burst that is followed at once by SIGTERM, releases the lease and exits 0', {
    timeout: 180_000,
  }, async (t) => {
    // Prepare
    const { server, startReplica, lease, forwardedNames } = await environment('burst');
    const leader = await startReplica('watcher-a');
    const startedAt = performance.now();
    const ready = await leader.waitForHealth('/readyz', isLeaderAnswer, 'ready as leader', START_TIMEOUT_MS);
    const readySeconds = (performance.now() - startedAt) / 1000;
    const live = await leader.health('/healthz');
    const names = Array.from({ length: BURST }, (_, i) => `burst-${String(i).padStart(2, '0')}`);

    // Act
    for (const name of names) server.apply(apiV4(name));
    leader.signal('SIGTERM');
    const exit = await leader.waitForExit(60_000);
    const forwarded = await forwardedNames();
    const healthAfterExit = await leader.health('/healthz');

    // Assess
    t.diagnostic(
      `bundle built in ${buildSeconds.toFixed(1)} s; leader ready in ${readySeconds.toFixed(1)} s`,
    );
    assert.deepEqual(exit, { code: 0, signal: null }, leader.tail());
    assert.equal(ready !== 'refused' && ready.body.leader, 'watcher-a');
    assert.ok(live !== 'refused' && live.status === 200 && live.body.role === 'leader', JSON.stringify(live));
    assert.deepEqual(
      [...new Set(forwarded)].sort(),
      names,
      'every change of the burst reached the change queue',
    );
    assert.equal(lease()?.holderIdentity, '', 'the lease is released');
    assert.equal(healthAfterExit, 'refused', 'the health port is closed');
    const messages = leader.messages();
    assert.ok(messages.includes('lease released'), leader.tail());
    assert.equal(messages.at(-1), 'stopped', leader.tail());
    assert.ok(!messages.includes('changes not sent before shutdown; they are re-listed at next start'));
  });

  it('keeps a second replica ready as standby while the first leads, and lets it take over after SIGTERM', {
    timeout: 180_000,
  }, async () => {
    // Prepare
    const { server, startReplica, lease, forwardedNames } = await environment('takeover');
    const first = await startReplica('watcher-a');
    await first.waitForHealth('/readyz', isLeaderAnswer, 'ready as leader', START_TIMEOUT_MS);
    const second = await startReplica('watcher-b');
    const standbyReady = await second.waitForHealth(
      '/readyz',
      isStandbyAnswer,
      'ready as standby',
      START_TIMEOUT_MS,
    );
    const standbyLive = await second.health('/healthz');
    // Past a few standby attempts (every 2–4.4 s): it must still wait.
    await second.waitForHealth(
      '/readyz',
      () => second.messages().includes('waiting as standby'),
      'a standby attempt',
      START_TIMEOUT_MS,
    );
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const stillStandby = await second.health('/readyz');
    const standbyStartedWatching = second.messages().includes('watcher started');
    const holderWhileFirstLeads = lease()?.holderIdentity;

    // Act
    first.signal('SIGTERM');
    const firstExit = await first.waitForExit(60_000);
    const tookOver = await second.waitForHealth(
      '/readyz',
      isLeaderAnswer,
      'ready as leader',
      START_TIMEOUT_MS,
    );
    server.apply(apiV4('after-takeover'));
    const forwardedByNewLeader: string[] = [];
    const deadline = Date.now() + 30_000;
    while (!forwardedByNewLeader.includes('after-takeover') && Date.now() < deadline) {
      forwardedByNewLeader.push(...(await forwardedNames()));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const leaseAfterTakeover = lease();
    second.signal('SIGTERM');
    const secondExit = await second.waitForExit(60_000);

    // Assess
    assert.ok(isStandbyAnswer(standbyReady));
    assert.equal(standbyReady !== 'refused' && standbyReady.body.leader, 'watcher-a');
    assert.ok(isStandbyAnswer(standbyLive), `healthz of the standby: ${JSON.stringify(standbyLive)}`);
    assert.ok(isStandbyAnswer(stillStandby), `still standby: ${JSON.stringify(stillStandby)}`);
    assert.equal(holderWhileFirstLeads, 'watcher-a');
    assert.equal(standbyStartedWatching, false, 'a standby runs no watcher');
    assert.deepEqual(firstExit, { code: 0, signal: null }, first.tail());
    assert.equal(tookOver !== 'refused' && tookOver.body.leader, 'watcher-b');
    assert.ok(forwardedByNewLeader.includes('after-takeover'), second.tail());
    assert.equal(leaseAfterTakeover?.holderIdentity, 'watcher-b');
    assert.equal(leaseAfterTakeover?.leaseTransitions, 1);
    assert.deepEqual(secondExit, { code: 0, signal: null }, second.tail());
    assert.equal(lease()?.holderIdentity, '');
  });

  it('stops cleanly and exits 1 when another holder takes the lease, leaving that lease alone', {
    timeout: 180_000,
  }, async () => {
    // Prepare
    const { server, startReplica, lease } = await environment('stolen');
    const leader = await startReplica('watcher-a');
    await leader.waitForHealth('/readyz', isLeaderAnswer, 'ready as leader', START_TIMEOUT_MS);
    const intruder: LeaseSpec = {
      holderIdentity: 'intruder',
      leaseDurationSeconds: 300,
      acquireTime: '2026-03-01T08:00:00.000000Z',
      renewTime: '2026-03-01T08:00:00.000000Z',
      leaseTransitions: 9,
    };

    // Act
    server.apply({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: LEASE, namespace: NAMESPACE },
      spec: intruder,
    });
    const exit = await leader.waitForExit(60_000);

    // Assess
    assert.deepEqual(exit, { code: 1, signal: null }, leader.tail());
    const messages = leader.messages();
    assert.ok(messages.includes('leadership lost'), leader.tail());
    assert.ok(messages.indexOf('shutting down') > messages.indexOf('leadership lost'));
    assert.equal(messages.at(-1), 'stopped', 'a clean stop before the exit');
    assert.deepEqual(lease(), intruder);
    assert.equal(await leader.health('/healthz'), 'refused');
  });
});
