import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { ClientNodeCluster } from '../../../lib/kube/client-node-cluster.ts';
import { silentLogger } from '../../../lib/log/logger.ts';
import type { LeaseApi, LeaseSpec } from '../../../lib/ports/cluster.ts';
import {
  type LeaderElectionOptions,
  LeaderElector,
  type LeadershipLoss,
  leaderElectionDefaults,
} from '../../../lib/watcher/leader-election.ts';
import { FakeKubeServer, type KubeObject } from '../../support/fake-kube/index.ts';
import { ManualClock } from './support/manual-clock.ts';

const NAMESPACE = 'gso-system';
const LEASE = 'gso-watcher-leader';
const LEASES_PATH = `/apis/coordination.k8s.io/v1/namespaces/${NAMESPACE}/leases`;
const { retryPeriodMs, renewDeadlineMs, leaseDurationSeconds, jitterFactor } = leaderElectionDefaults;
/** Fixed jitter draw: a standby retries every retryPeriodMs × (1 + 0.5 × jitterFactor). */
const RANDOM = 0.5;
const STANDBY_RETRY_MS = retryPeriodMs * (1 + RANDOM * jitterFactor);
/** RFC 3339 with exactly six fractional digits: the API server's MicroTime. */
const MICRO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

interface Candidate {
  elector: LeaderElector;
  started: number;
  losses: LeadershipLoss[];
}

describe('leader election on a Lease', () => {
  let server: FakeKubeServer;
  let cluster: ClientNodeCluster;
  let clock: ManualClock;
  let electors: LeaderElector[];

  beforeEach(async () => {
    server = new FakeKubeServer({ namespaces: ['default', NAMESPACE] });
    await server.start();
    cluster = new ClientNodeCluster(server.kubeConfig());
    clock = new ManualClock();
    electors = [];
  });

  afterEach(async () => {
    // Stops any elector left running; its release goes through the fake clock's time.
    await Promise.all(electors.map((e) => e.stop()));
    await server.stop();
  });

  function candidate(
    identity: string,
    options: Partial<LeaderElectionOptions> = {},
    api: LeaseApi = cluster,
  ) {
    const state: Candidate = { elector: undefined as unknown as LeaderElector, started: 0, losses: [] };
    state.elector = new LeaderElector(api, {
      namespace: NAMESPACE,
      leaseName: LEASE,
      identity,
      logger: silentLogger,
      clock,
      random: () => RANDOM,
      onStartedLeading: () => {
        state.started += 1;
      },
      onStoppedLeading: (reason) => {
        state.losses.push(reason);
      },
      ...options,
    });
    electors.push(state.elector);
    return state;
  }

  const lease = (): LeaseSpec => (server.get('leases', NAMESPACE, LEASE)?.spec ?? {}) as LeaseSpec;
  const at = (offsetMs: number) => new Date(Date.parse('2026-03-01T08:00:00.000Z') + offsetMs).toISOString();
  const micro = (offsetMs: number) => at(offsetMs).replace('Z', '000Z');
  const leaseRequests = () =>
    server.requests.filter((r) => r.path.startsWith(LEASES_PATH)).map((r) => `${r.method} ${r.status}`);

  /** Stores a Lease as another program would, bypassing the electors. */
  function writeLease(spec: LeaseSpec, labels?: Record<string, string>): KubeObject {
    const keptLabels = labels ?? server.get('leases', NAMESPACE, LEASE)?.metadata.labels;
    return server.apply({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: LEASE, namespace: NAMESPACE, ...(keptLabels ? { labels: keptLabels } : {}) },
      spec,
    });
  }

  it('takes a missing lease and renews it with the record client-go writes', async () => {
    // Prepare
    const a = candidate('watcher-a');

    // Act
    a.elector.start();
    await clock.advance(0);
    const acquired = lease();
    await clock.advance(retryPeriodMs);
    const renewed = lease();

    // Assess
    assert.equal(a.elector.isLeader(), true);
    assert.equal(a.started, 1, 'onStartedLeading once, not on every renewal');
    assert.deepEqual(acquired, {
      holderIdentity: 'watcher-a',
      leaseDurationSeconds: 15,
      acquireTime: micro(0),
      renewTime: micro(0),
      leaseTransitions: 0,
    });
    assert.match(acquired.renewTime ?? '', MICRO_TIME);
    assert.deepEqual(renewed, { ...acquired, renewTime: micro(retryPeriodMs) }, 'renewal keeps acquireTime');
    assert.deepEqual(leaseRequests(), ['GET 404', 'POST 201', 'GET 200', 'PUT 200']);
    const renewal = server.requests.filter((r) => r.method === 'PUT').at(-1)?.body as
      | { metadata?: { resourceVersion?: string } }
      | undefined;
    assert.ok(renewal?.metadata?.resourceVersion, 'the renewal is conditional on the resourceVersion read');
  });

  it('keeps a second candidate waiting while the first renews, then lets it lead at its next attempt once the first stops', async () => {
    // Prepare
    const a = candidate('watcher-a');
    const b = candidate('watcher-b');
    a.elector.start();
    await clock.advance(0);
    b.elector.start();
    await clock.advance(0);

    // Act: well past one lease duration, the first keeps renewing.
    await clock.advance(leaseDurationSeconds * 1000 * 2);
    const whileFirstLeads = { bLeads: b.elector.isLeader(), bSees: b.elector.leader(), holder: lease() };
    await a.elector.stop();
    const released = lease();
    const waitedMs = await clock.advanceUntil(() => b.elector.isLeader(), 100, leaseDurationSeconds * 1000);

    // Assess
    assert.equal(whileFirstLeads.bLeads, false);
    assert.equal(whileFirstLeads.bSees, 'watcher-a');
    assert.equal(whileFirstLeads.holder.holderIdentity, 'watcher-a');
    assert.equal(b.started, 1);
    assert.deepEqual(a.losses, [], 'a stop that was asked for is not reported as a loss');
    assert.equal(a.elector.isLeader(), false);
    assert.equal(released.holderIdentity, '', 'released: no holder');
    assert.equal(released.leaseDurationSeconds, 1);
    assert.equal(released.leaseTransitions, 0);
    assert.ok(
      waitedMs <= STANDBY_RETRY_MS,
      `took over after ${waitedMs} ms, within one (jittered) retry period`,
    );
    assert.equal(lease().holderIdentity, 'watcher-b');
    assert.equal(lease().leaseTransitions, 1, 'a change of holder counts one transition');
    assert.equal(lease().acquireTime, lease().renewTime, 'acquireTime is the takeover time');
  });

  it("takes over a lease nobody renews only after the lease duration has passed on its own clock, whatever the lease's timestamps say", async () => {
    // Prepare: a holder that renewed years ago by its own (possibly skewed) clock.
    writeLease({
      holderIdentity: 'gone-pod',
      leaseDurationSeconds: 15,
      acquireTime: '2020-01-01T00:00:00.000000Z',
      renewTime: '2020-01-01T00:00:00.000000Z',
      leaseTransitions: 4,
    });
    const b = candidate('watcher-b');

    // Act
    b.elector.start();
    await clock.advance(0);
    const atFirstSight = b.elector.isLeader();
    await clock.advance(leaseDurationSeconds * 1000 - 1);
    const justBeforeExpiry = b.elector.isLeader();
    const waitedMs = await clock.advanceUntil(() => b.elector.isLeader(), 100, leaseDurationSeconds * 1000);

    // Assess
    assert.equal(atFirstSight, false, 'the remote renewTime is not compared with the local clock');
    assert.equal(justBeforeExpiry, false);
    assert.ok(waitedMs <= STANDBY_RETRY_MS, 'taken at the first attempt after expiry');
    assert.deepEqual(
      { holder: lease().holderIdentity, transitions: lease().leaseTransitions },
      { holder: 'watcher-b', transitions: 5 },
    );
  });

  it('stops leading at the next renewal when a third party holds the lease, and leaves that lease alone', async () => {
    // Prepare
    const a = candidate('watcher-a');
    a.elector.start();
    await clock.advance(0);
    const intruder: LeaseSpec = {
      holderIdentity: 'intruder',
      leaseDurationSeconds: 60,
      acquireTime: micro(1000),
      renewTime: micro(1000),
      leaseTransitions: 7,
    };
    writeLease(intruder);

    // Act
    await clock.advance(retryPeriodMs);
    const lossesAtRenewal = [...a.losses];
    const requestsAfterLoss = leaseRequests().length;
    await clock.advance(leaseDurationSeconds * 1000 * 2);
    await a.elector.stop();

    // Assess
    assert.deepEqual(lossesAtRenewal, ['taken-over']);
    assert.equal(a.elector.isLeader(), false);
    assert.equal(
      leaseRequests().length,
      requestsAfterLoss,
      'a candidate that lost stops competing (it restarts)',
    );
    assert.deepEqual(lease(), intruder, 'neither overwritten nor released');
  });

  it('retries a renewal that lost a race (409) and keeps leading', async () => {
    // Prepare: someone edits the Lease between the elector's read and its write, once.
    let raceOnNextRead = false;
    const racing: LeaseApi = {
      getLease: async (namespace, name) => {
        const read = await cluster.getLease(namespace, name);
        if (raceOnNextRead && read) {
          raceOnNextRead = false;
          writeLease(read.spec, { 'example.com/audited': 'yes' });
        }
        return read;
      },
      createLease: (l) => cluster.createLease(l),
      replaceLease: (l) => cluster.replaceLease(l),
    };
    const a = candidate('watcher-a', {}, racing);
    a.elector.start();
    await clock.advance(0);
    raceOnNextRead = true;

    // Act
    await clock.advance(retryPeriodMs);
    const afterConflict = { leads: a.elector.isLeader(), renewTime: lease().renewTime };
    await clock.advance(retryPeriodMs);

    // Assess
    assert.deepEqual(afterConflict, { leads: true, renewTime: micro(0) });
    assert.deepEqual(leaseRequests().slice(2), ['GET 200', 'PUT 409', 'GET 200', 'PUT 200']);
    assert.equal(lease().renewTime, micro(2 * retryPeriodMs));
    assert.deepEqual(a.losses, []);
    assert.equal(
      server.get('leases', NAMESPACE, LEASE)?.metadata.labels?.['example.com/audited'],
      'yes',
      "the other writer's label is kept",
    );
  });

  it('gives up leading once renewals have failed for the renew deadline, before the lease can expire for others', async () => {
    // Prepare
    const a = candidate('watcher-a');
    a.elector.start();
    await clock.advance(0);
    server.failNextRequests(1000, { status: 500, pathPrefix: LEASES_PATH });

    // Act
    await clock.advance(renewDeadlineMs - retryPeriodMs);
    const beforeDeadline = { leads: a.elector.isLeader(), losses: [...a.losses] };
    const lostAfterMs =
      renewDeadlineMs -
      retryPeriodMs +
      (await clock.advanceUntil(() => a.losses.length > 0, 100, renewDeadlineMs));

    // Assess
    assert.deepEqual(beforeDeadline, { leads: true, losses: [] });
    assert.deepEqual(a.losses, ['renew-deadline']);
    assert.equal(lostAfterMs, renewDeadlineMs);
    assert.ok(lostAfterMs < leaseDurationSeconds * 1000);
  });

  it('takes its own lease back at once after a restart under the same identity, keeping acquire time and transitions', async () => {
    // Prepare: what a previous run of this pod left (it crashed without releasing).
    writeLease({
      holderIdentity: 'watcher-a',
      leaseDurationSeconds: 15,
      acquireTime: '2026-03-01T07:00:00.000000Z',
      renewTime: '2026-03-01T07:59:59.000000Z',
      leaseTransitions: 2,
    });
    const a = candidate('watcher-a');

    // Act
    a.elector.start();
    await clock.advance(0);

    // Assess
    assert.equal(a.elector.isLeader(), true);
    assert.deepEqual(lease(), {
      holderIdentity: 'watcher-a',
      leaseDurationSeconds: 15,
      acquireTime: '2026-03-01T07:00:00.000000Z',
      renewTime: micro(0),
      leaseTransitions: 2,
    });
  });

  it('refuses timings under which two leaders could overlap', () => {
    // Prepare
    const overlapping = { leaseDurationSeconds: 10, renewDeadlineMs: 10_000 };
    const noRetryBeforeDeadline = { renewDeadlineMs: 2_000, retryPeriodMs: 2_000 };

    // Act + Assess
    assert.throws(() => candidate('x', overlapping), RangeError);
    assert.throws(() => candidate('x', noRetryBeforeDeadline), RangeError);
    assert.throws(() => candidate(''), RangeError);
  });
});
