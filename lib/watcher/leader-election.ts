/**
 * Leader election on a `coordination.k8s.io/v1` Lease, with the semantics of client-go's
 * `tools/leaderelection` (so a mixed fleet, or `kubectl get lease`, reads the same record):
 *
 * - a candidate takes the Lease when it does not exist, when nobody holds it, when it is already its own,
 *   or when it has not changed for `leaseDurationSeconds` **as measured by the candidate's own clock from
 *   when it last saw the record change** (remote timestamps are never compared with the local clock, so
 *   clock skew between nodes does not matter);
 * - every write is conditional on the resourceVersion read: a lost race (409) is just retried later;
 * - the leader renews every retry period and gives up once renewals have failed for the renew deadline,
 *   which is shorter than the lease duration, so it stops before anyone else may take over;
 * - `stop()` releases a Lease it holds (holder cleared, duration 1 s) so a standby takes over at once,
 *   like client-go's `ReleaseOnCancel`.
 *
 * One difference: a leader that sees another holder on the Lease stops at once instead of polling until
 * its renew deadline, since that record can only mean someone else already acts as leader.
 */
import type { Logger } from '../log/logger.ts';
import { ClusterConflictError, type ClusterLease, type LeaseApi, type LeaseSpec } from '../ports/cluster.ts';
import { type CancelScheduled, type Clock, systemClock } from './clock.ts';

/** Why a leader stopped leading without being asked to. */
export type LeadershipLoss =
  /** The Lease names another holder (taken over after expiry, or edited by hand). */
  | 'taken-over'
  /** Renewals kept failing until the renew deadline passed. */
  | 'renew-deadline';

/** Timing of the election; defaults are client-go's usual 15 s / 10 s / 2 s. */
export interface LeaderElectionTiming {
  /** How long a standby waits, after it last saw the Lease change, before taking it over. */
  leaseDurationSeconds: number;
  /** How long a leader keeps retrying a failing renewal before giving up. */
  renewDeadlineMs: number;
  /** Time between attempts (renewals, and a standby's tries). */
  retryPeriodMs: number;
  /** A standby waits `retryPeriodMs × (1 + random × jitterFactor)`, so candidates do not fire together. */
  jitterFactor: number;
}

export const leaderElectionDefaults: LeaderElectionTiming = {
  leaseDurationSeconds: 15,
  renewDeadlineMs: 10_000,
  retryPeriodMs: 2_000,
  jitterFactor: 1.2,
};

export interface LeaderElectionOptions extends Partial<LeaderElectionTiming> {
  namespace: string;
  leaseName: string;
  /** This candidate's name in `holderIdentity` (the pod name in a cluster). */
  identity: string;
  logger: Logger;
  /** This candidate now holds the Lease. */
  onStartedLeading: () => void;
  /**
   * This candidate lost the Lease without {@link LeaderElector.stop} being called. The elector is
   * finished by then; like client-go, the expected reaction is to stop the guarded work and restart.
   */
  onStoppedLeading: (reason: LeadershipLoss) => void;
  /** Injected for tests; the real clock by default. */
  clock?: Clock;
  /** Source of the jitter, in [0, 1); `Math.random` by default. */
  random?: () => number;
}

type AttemptResult =
  | { outcome: 'holding' }
  | { outcome: 'held-by'; holder: string }
  | { outcome: 'failed'; error: unknown };

/** The Lease as last read or written, and when this candidate saw its record change. */
interface Observation {
  lease: ClusterLease;
  record: string;
  observedAt: number;
}

/** The part of a Lease that counts as "changed" (client-go compares the whole election record). */
function recordOf(spec: LeaseSpec): string {
  return JSON.stringify([
    spec.holderIdentity ?? '',
    spec.leaseDurationSeconds ?? 0,
    spec.acquireTime ?? '',
    spec.renewTime ?? '',
    spec.leaseTransitions ?? 0,
  ]);
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Elects one leader among candidates sharing a Lease.
 *
 * @example
 * const elector = new LeaderElector(cluster, {
 *   namespace: 'gravitee-serverless-operator', leaseName: 'gso-watcher-leader', identity: podName, logger,
 *   onStartedLeading: () => startWork(),
 *   onStoppedLeading: () => stopWorkAndExit(1),
 * });
 * elector.start();
 * // on SIGTERM, once the work is stopped:
 * await elector.stop();
 */
export class LeaderElector {
  private readonly api: LeaseApi;
  private readonly options: LeaderElectionOptions & LeaderElectionTiming;
  private readonly clock: Clock;
  private readonly random: () => number;
  private observed: Observation | undefined;
  private leading = false;
  /** Clock time of the last successful acquire or renewal. */
  private lastRenewAt = 0;
  private state: 'idle' | 'running' | 'finished' = 'idle';
  private cancelNext: CancelScheduled | undefined;
  private inFlight: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;
  private reportedLeader: string | undefined;

  constructor(api: LeaseApi, options: LeaderElectionOptions) {
    const resolved = { ...leaderElectionDefaults, ...options };
    const { leaseDurationSeconds, renewDeadlineMs, retryPeriodMs, jitterFactor } = resolved;
    if (!options.identity) throw new RangeError('leader election needs a non-empty identity');
    if (!Number.isInteger(leaseDurationSeconds) || leaseDurationSeconds < 1)
      throw new RangeError(
        `leaseDurationSeconds must be a whole number of seconds ≥ 1, not ${leaseDurationSeconds}`,
      );
    if (!(retryPeriodMs > 0) || !(jitterFactor >= 0))
      throw new RangeError('retryPeriodMs must be positive and jitterFactor not negative');
    // client-go's rules: the leader must give up before the Lease can expire for the others, and get
    // more than one jittered attempt before giving up.
    if (leaseDurationSeconds * 1000 <= renewDeadlineMs)
      throw new RangeError('the lease duration must be longer than the renew deadline');
    if (renewDeadlineMs <= jitterFactor * retryPeriodMs)
      throw new RangeError('the renew deadline must be longer than retryPeriodMs × jitterFactor');
    this.api = api;
    this.options = resolved;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
  }

  /** Starts competing for the Lease: the first attempt is made at once. */
  start(): void {
    if (this.state !== 'idle') throw new Error('the leader elector was already started');
    this.state = 'running';
    this.scheduleAttempt(0);
  }

  /** True while this candidate holds the Lease. */
  isLeader(): boolean {
    return this.leading;
  }

  /** The holder last seen on the Lease, if anyone holds it. */
  leader(): string | undefined {
    return this.observed?.lease.spec.holderIdentity || undefined;
  }

  /**
   * Stops competing; when this candidate holds the Lease, releases it. Call it once the work the Lease
   * guards has stopped. `onStoppedLeading` is not called for a stop asked for.
   */
  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    this.state = 'finished';
    this.cancelNext?.();
    this.cancelNext = undefined;
    // A write in flight may just have made this candidate the holder: wait for it before releasing.
    await this.inFlight;
    this.leading = false;
    await this.release();
  }

  private scheduleAttempt(delayMs: number): void {
    this.cancelNext = this.clock.schedule(() => this.runAttempt(), delayMs);
  }

  private runAttempt(): Promise<void> {
    this.cancelNext = undefined;
    if (this.state !== 'running') return Promise.resolve();
    const attempt = this.tryAcquireOrRenew()
      .then((result) => this.afterAttempt(result))
      .finally(() => {
        this.inFlight = undefined;
      });
    this.inFlight = attempt;
    return attempt;
  }

  private afterAttempt(result: AttemptResult): void {
    if (this.state !== 'running') return;
    const { retryPeriodMs, renewDeadlineMs, jitterFactor, logger } = this.options;
    if (result.outcome === 'holding') {
      this.lastRenewAt = this.clock.now();
      if (!this.leading) {
        this.leading = true;
        logger.info('became leader', this.leaseFields());
        this.notify(() => this.options.onStartedLeading());
      }
      this.scheduleAttempt(retryPeriodMs);
      return;
    }
    if (!this.leading) {
      if (result.outcome === 'held-by' && result.holder !== this.reportedLeader) {
        this.reportedLeader = result.holder;
        logger.info('waiting as standby', { ...this.leaseFields(), leader: result.holder });
      }
      this.scheduleAttempt(retryPeriodMs * (1 + this.random() * jitterFactor));
      return;
    }
    if (result.outcome === 'held-by') {
      this.lose('taken-over', { leader: result.holder });
      return;
    }
    const sinceRenewMs = this.clock.now() - this.lastRenewAt;
    if (sinceRenewMs >= renewDeadlineMs) {
      this.lose('renew-deadline', { error: result.error, sinceRenewMs });
      return;
    }
    this.scheduleAttempt(retryPeriodMs);
  }

  private lose(reason: LeadershipLoss, details: Record<string, unknown>): void {
    this.leading = false;
    this.state = 'finished';
    this.options.logger.error('leadership lost', { ...this.leaseFields(), reason, ...details });
    this.notify(() => this.options.onStoppedLeading(reason));
  }

  /** One round of client-go's `tryAcquireOrRenew`: never throws, says whether the Lease is ours now. */
  private async tryAcquireOrRenew(): Promise<AttemptResult> {
    const { namespace, leaseName, identity, leaseDurationSeconds } = this.options;
    const now = this.clock.now();
    const fresh: LeaseSpec = {
      holderIdentity: identity,
      leaseDurationSeconds,
      acquireTime: iso(now),
      renewTime: iso(now),
      leaseTransitions: 0,
    };
    try {
      const current = await this.api.getLease(namespace, leaseName);
      if (!current) {
        this.observe(
          await this.api.createLease({ metadata: { namespace, name: leaseName }, spec: fresh }),
          true,
        );
        return { outcome: 'holding' };
      }
      const observedAt = this.observe(current, false);
      const old = current.spec;
      const holder = old.holderIdentity ?? '';
      const ours = holder === identity;
      if (holder && !ours && observedAt + (old.leaseDurationSeconds ?? 0) * 1000 > now) {
        return { outcome: 'held-by', holder };
      }
      // Renewing keeps the acquire time and count; taking over counts one more transition.
      const spec: LeaseSpec = ours
        ? {
            ...fresh,
            ...(old.acquireTime ? { acquireTime: old.acquireTime } : {}),
            leaseTransitions: old.leaseTransitions ?? 0,
          }
        : { ...fresh, leaseTransitions: (old.leaseTransitions ?? 0) + 1 };
      this.observe(await this.api.replaceLease({ metadata: current.metadata, spec }), true);
      return { outcome: 'holding' };
    } catch (error) {
      const level = error instanceof ClusterConflictError ? 'info' : 'warn';
      this.options.logger[level]('lease attempt failed, retrying', { ...this.leaseFields(), error });
      return { outcome: 'failed', error };
    }
  }

  /**
   * Remembers the Lease; the observation time moves only when its record changed (or this candidate
   * wrote it), which is what makes expiry local. Returns the observation time.
   */
  private observe(lease: ClusterLease, written: boolean): number {
    const record = recordOf(lease.spec);
    const observedAt =
      written || this.observed?.record !== record ? this.clock.now() : (this.observed?.observedAt ?? 0);
    this.observed = { lease, record, observedAt };
    return observedAt;
  }

  /** Clears the holder of a Lease this candidate holds, so a standby does not wait for it to expire. */
  private async release(): Promise<void> {
    const { identity, namespace, leaseName, logger } = this.options;
    let lease = this.observed?.lease;
    for (let attempt = 1; attempt <= 3 && lease?.spec.holderIdentity === identity; attempt++) {
      const now = iso(this.clock.now());
      try {
        const released = await this.api.replaceLease({
          metadata: lease.metadata,
          spec: {
            holderIdentity: '',
            leaseDurationSeconds: 1,
            acquireTime: now,
            renewTime: now,
            leaseTransitions: lease.spec.leaseTransitions ?? 0,
          },
        });
        this.observe(released, true);
        logger.info('lease released', this.leaseFields());
        return;
      } catch (error) {
        if (!(error instanceof ClusterConflictError)) {
          logger.warn('could not release the lease; a standby takes over once it expires', {
            ...this.leaseFields(),
            error,
          });
          return;
        }
        // Changed since read (labels edited, or taken over): release only if it is still ours.
        lease = await this.api.getLease(namespace, leaseName).catch(() => undefined);
      }
    }
  }

  private notify(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      this.options.logger.error('leader election callback failed', { error });
    }
  }

  private leaseFields(): Record<string, unknown> {
    return { lease: `${this.options.namespace}/${this.options.leaseName}`, identity: this.options.identity };
  }
}
