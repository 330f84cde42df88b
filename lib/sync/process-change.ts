import { ApimClient } from '../apim/apim-client.ts';
import type { ApimExchange, ApimHttpOptions } from '../apim/http.ts';
import {
  asSyncError,
  MalformedRecordError,
  MissingReferenceError,
  TerminalError,
} from '../errors/sync-errors.ts';
import {
  buildChangeEvent,
  type ChangeData,
  type ChangeEvent,
  ChangeEventSchema,
  changeOf,
} from '../events/change-event.ts';
import type { Failure, Outcome, ResourceStatus, StatusDetail } from '../events/status-event.ts';
import type { Logger } from '../log/logger.ts';
import type { ApimFactory } from '../ports/apim.ts';
import type { ChangePublisher } from '../ports/change-publisher.ts';
import type { DeadLetter } from '../ports/dead-letter.ts';
import type { Registry } from '../ports/registry.ts';
import type { StatusPublisher } from '../ports/status-publisher.ts';
import type { ResourceRecord } from '../registry/resource-record.ts';
import { type ResourceKey, resourceKeyString } from '../resource-key.ts';
import type { EnvelopeSealer } from '../sealing/envelope.ts';
import { backoffSeconds, type RetryPolicy, retryPolicyDefaults } from './backoff.ts';
import {
  blockingDependents,
  releasedReferences,
  resumeBlockedDeletions,
  stillReferencedMessage,
} from './deletion-guard.ts';
import type { KindSync, SyncContext } from './kind-sync.ts';
import { failedStatus } from './status.ts';

/** The ports a function needs to process its queue. */
export interface ProcessPorts {
  registry: Registry;
  sealer: EnvelopeSealer;
  status: StatusPublisher;
  /** Where re-sync events for dependents go (the queues of their kinds). */
  changes: ChangePublisher;
  deadLetter: DeadLetter;
  logger: Logger;
  retry?: RetryPolicy;
  apimOptions?: Partial<ApimHttpOptions>;
  /** Replaces the HTTP client (offline planning in local mode). */
  apimFactory?: ApimFactory;
  now?: () => Date;
  /** Validate against APIM (`dryRun=true`) without applying anything (`gso validate --dry-run-apim`). */
  dryRun?: boolean;
}

/** What the transport must do with the message: delete it, or make it visible again after a delay. */
export type DeliveryOutcome =
  | { action: 'ack'; status?: StatusDetail }
  | { action: 'retry'; delaySeconds: number; status: StatusDetail };

interface Delivery {
  event: ChangeEvent;
  key: ResourceKey;
  attempt: number;
  started: number;
  exchanges: ApimExchange[];
}

/**
 * Processes one queue message of a kind's function: parse and check it, drop stale deliveries, apply or
 * remove through the kind's {@link KindSync}, record the outcome in the registry, publish the status event,
 * re-sync dependents, and tell the transport whether to retry.
 *
 * Never throws for a bad message: malformed records go to the dead-letter queue at once.
 */
export async function processChange(
  body: string,
  attempt: number,
  sync: KindSync,
  ports: ProcessPorts,
): Promise<DeliveryOutcome> {
  const started = Date.now();
  let event: ChangeEvent;
  try {
    event = parseChangeEvent(body, sync.kind);
  } catch (error) {
    const reason = (error as Error).message;
    ports.logger.error('malformed change record sent to the dead-letter queue', { reason, kind: sync.kind });
    await ports.deadLetter.send(body, reason, { kind: sync.kind, errorReason: 'MalformedRecord' });
    return { action: 'ack' };
  }
  const data = event.data;
  const key: ResourceKey = {
    cluster: data.cluster,
    kind: data.kind,
    namespace: data.metadata.namespace,
    name: data.metadata.name,
  };
  const delivery: Delivery = { event, key, attempt, started, exchanges: [] };
  const log = ports.logger;
  const now = ports.now ?? (() => new Date());

  const stored = await ports.registry.get(key);
  // A record of an earlier object with the same name (deleted and re-created) says nothing about this one.
  const previous = stored && stored.uid === data.metadata.uid ? stored : undefined;
  const change = changeOf(event);
  // A resync of a resource that is being deleted (a dependent re-sync, a periodic resync) is its delete.
  const deleting = change === 'deleted' || (change === 'resync' && Boolean(data.metadata.deletionTimestamp));

  if (previous && isStale(previous, event)) {
    log.info('stale delivery answered with the current status', {
      resource: resourceKeyString(key),
      generation: data.metadata.generation,
      current: previous.generation,
    });
    if (previous.status) {
      await ports.status.publish([
        {
          ...previous.status,
          correlationId: event.id,
          attempt,
          durationMs: Date.now() - started,
          time: now().toISOString(),
        },
      ]);
    }
    return { action: 'ack', ...(previous.status ? { status: previous.status } : {}) };
  }

  const ctx: SyncContext = {
    registry: ports.registry,
    sealer: ports.sealer,
    logger: log,
    now,
    dryRun: ports.dryRun ?? false,
    apim: (target) => {
      const record = (e: ApimExchange) => delivery.exchanges.push(e);
      return ports.apimFactory
        ? ports.apimFactory(target, record, key)
        : new ApimClient(target, { ...ports.apimOptions, onExchange: record });
    },
  };
  const references = deleting ? [] : sync.references(key, data);
  const base = { key, uid: data.metadata.uid, generation: data.metadata.generation, change: event };

  try {
    if (deleting && ctx.dryRun) {
      log.info('dry run: a delete is not checked against APIM', { resource: resourceKeyString(key) });
      return { action: 'ack' };
    }
    if (deleting) {
      const blocking = await blockingDependents(key, sync, ports.registry);
      if (blocking.length > 0) {
        return await waitForDependents(delivery, blocking, stored, previous, ports, now());
      }
      const removed = await sync.remove({ key, data, previous, ctx });
      const status: ResourceStatus = {
        ...(previous?.status?.status ?? { errors: { severe: [], warning: [] }, conditions: [] }),
        processingStatus: 'Completed',
      };
      const detail = statusDetail(delivery, 'Deleted', status, undefined, now());
      await writeRecord(
        ports.registry,
        stored,
        { ...base, references: [], status: detail, deleted: true },
        now(),
      );
      await ports.status.publish([detail]);
      log.info('deleted', {
        resource: resourceKeyString(key),
        result: removed.result,
        detail: removed.message,
      });
      await resumeReleased(stored, [], event, ports, now());
      return { action: 'ack', status: detail };
    }

    failOnUnresolved(data);
    const applied = await sync.apply({ key, data, previous, ctx });
    const detail = statusDetail(delivery, 'Synced', applied.status, undefined, now());
    const appliedHash = applied.appliedHash ?? previous?.appliedHash;
    await writeRecord(
      ports.registry,
      stored,
      { ...base, references, status: detail, ...(appliedHash ? { appliedHash } : {}) },
      now(),
    );
    await ports.status.publish([detail]);
    await resumeReleased(stored, references, event, ports, now());
    if (applied.resyncDependents && !ctx.dryRun) await resyncDependents(key, event, ports, now());
    log.info('synced', {
      resource: resourceKeyString(key),
      generation: data.metadata.generation,
      wrote: delivery.exchanges.some((e) => e.wrote),
    });
    return { action: 'ack', status: detail };
  } catch (error) {
    const failure = asSyncError(error);
    const policy = ports.retry ?? retryPolicyDefaults;
    const exhausted = !failure.terminal && attempt >= policy.maxAttempts;
    const delaySeconds = backoffSeconds(attempt, policy);
    const suffix = failure.terminal
      ? ''
      : exhausted
        ? `; gave up after ${attempt} attempts, the change is in the dead-letter queue`
        : `; retrying in ${delaySeconds}s (attempt ${attempt} of ${policy.maxAttempts})`;
    const message = `${data.kind} ${key.namespace}/${key.name}: ${failure.message}${suffix}`;
    const status = failedStatus(
      previous?.status?.status,
      { reason: failure.reason, message, refsResolved: !(failure instanceof MissingReferenceError) },
      data.metadata.generation,
      now(),
    );
    const info: Failure = {
      terminal: failure.terminal,
      reason: failure.reason,
      message,
      exhausted,
      ...(failure.terminal || exhausted ? {} : { retryInSeconds: delaySeconds }),
    };
    const detail = statusDetail(delivery, deleting ? 'DeleteFailed' : 'SyncFailed', status, info, now());
    (exhausted ? log.error : log.warn).call(log, 'sync failed', {
      resource: resourceKeyString(key),
      reason: failure.reason,
      detail: message,
      terminal: failure.terminal,
      attempt,
    });
    try {
      await writeRecord(
        ports.registry,
        stored,
        {
          ...base,
          // Until a change succeeds the resource still holds what it referenced before (a failed delete, or
          // a switch to another context): none of it may go first. Success releases what is no longer used.
          references: deleting ? (stored?.references ?? []) : union(stored?.references ?? [], references),
          status: detail,
          ...(previous?.appliedHash ? { appliedHash: previous.appliedHash } : {}),
        },
        now(),
      );
    } catch (registryError) {
      // The failure status still goes out; the retry below re-records it.
      log.warn('could not record the failure in the registry', { error: registryError });
    }
    await ports.status.publish([detail]);
    if (failure.terminal) return { action: 'ack', status: detail };
    return { action: 'retry', delaySeconds, status: detail };
  }
}

/**
 * Deletion protection: the delete waits, the APIM object stays and the finalizer is kept. The status (and
 * so a Kubernetes Event) names what still references the resource; the delete is re-sent when the last of
 * them goes ({@link resumeBlockedDeletions}), so nothing is retried in the meantime.
 */
async function waitForDependents(
  delivery: Delivery,
  blocking: ResourceKey[],
  stored: ResourceRecord | undefined,
  previous: ResourceRecord | undefined,
  ports: ProcessPorts,
  now: Date,
): Promise<DeliveryOutcome> {
  const { key, event } = delivery;
  const message = stillReferencedMessage(key, blocking);
  const status = failedStatus(
    previous?.status?.status,
    { reason: 'StillReferenced', message, refsResolved: true },
    event.data.metadata.generation,
    now,
  );
  const detail = statusDetail(
    delivery,
    'DeleteFailed',
    status,
    { terminal: false, reason: 'StillReferenced', message, exhausted: false },
    now,
  );
  await writeRecord(
    ports.registry,
    stored,
    {
      key,
      uid: event.data.metadata.uid,
      generation: event.data.metadata.generation,
      change: event,
      references: stored?.references ?? [],
      status: detail,
      ...(previous?.appliedHash ? { appliedHash: previous.appliedHash } : {}),
    },
    now,
  );
  await ports.status.publish([detail]);
  ports.logger.warn('delete waits for dependents', {
    resource: resourceKeyString(key),
    blocking: blocking.map(resourceKeyString),
  });
  return { action: 'ack', status: detail };
}

function union(a: readonly ResourceKey[], b: readonly ResourceKey[]): ResourceKey[] {
  const seen = new Set(a.map(resourceKeyString));
  return [...a, ...b.filter((key) => !seen.has(resourceKeyString(key)))];
}

/** Resumes the waiting deletes of resources this one no longer references. */
async function resumeReleased(
  stored: ResourceRecord | undefined,
  references: ResourceKey[],
  cause: ChangeEvent,
  ports: ProcessPorts,
  now: Date,
): Promise<void> {
  if (ports.dryRun || !stored) return;
  const released = releasedReferences(stored.references, references);
  if (released.length === 0) return;
  const resumed = await resumeBlockedDeletions(released, cause, ports.registry, ports.changes, now);
  if (resumed > 0) ports.logger.info('waiting deletions resumed', { count: resumed });
}

/**
 * References the watcher could not resolve (template Secrets or ConfigMaps, certificate refs): a missing one
 * is retried (the watcher re-sends the resource when it appears), a malformed template is terminal.
 */
function failOnUnresolved(data: ChangeData): void {
  const problems = data.unresolved ?? [];
  const fatal = problems.find((p) => !p.recoverable);
  if (fatal) throw new TerminalError('InvalidReference', fatal.message);
  const missing = problems[0];
  if (missing) throw new MissingReferenceError(missing.field, missing.reference ?? missing.message);
}

function parseChangeEvent(body: string, kind: string): ChangeEvent {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new MalformedRecordError(`record body is not JSON: ${(error as Error).message}`);
  }
  const parsed = ChangeEventSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new MalformedRecordError(`record is not a change event: ${issues}`);
  }
  if (parsed.data.gsokind !== kind || parsed.data.data.kind !== kind) {
    throw new MalformedRecordError(
      `record is a ${parsed.data.data.kind} change, this function handles ${kind}`,
    );
  }
  return parsed.data;
}

/** Older generation than the one accepted, or anything but a delete after the delete. */
function isStale(previous: ResourceRecord, event: ChangeEvent): boolean {
  const generation = event.data.metadata.generation;
  if (previous.deleted) return changeOf(event) !== 'deleted' || generation < previous.generation;
  return generation < previous.generation;
}

function statusDetail(
  delivery: Delivery,
  outcome: Outcome,
  status: ResourceStatus,
  failure: Failure | undefined,
  now: Date,
): StatusDetail {
  const { key, event, attempt } = delivery;
  return {
    cluster: key.cluster,
    kind: key.kind,
    namespace: key.namespace,
    name: key.name,
    uid: event.data.metadata.uid,
    generation: event.data.metadata.generation,
    outcome,
    status,
    ...(failure ? { failure } : {}),
    apim: delivery.exchanges.map(({ method, url, wrote, status: code }) => ({
      method,
      url,
      wrote,
      ...(code === undefined ? {} : { status: code }),
    })),
    correlationId: event.id,
    attempt,
    durationMs: Date.now() - delivery.started,
    time: now.toISOString(),
  };
}

async function writeRecord(
  registry: Registry,
  stored: ResourceRecord | undefined,
  fields: Omit<ResourceRecord, 'version' | 'updatedAt'>,
  now: Date,
): Promise<void> {
  await registry.put({ ...fields, version: (stored?.version ?? 0) + 1, updatedAt: now.toISOString() });
}

/**
 * Re-sends the latest accepted change of every resource that references `key` as a `resync` change, so a
 * context change reaches the APIs that use it (GKO's watches, done with events). Each dependent applies
 * it idempotently: an unchanged request makes no APIM write.
 */
async function resyncDependents(key: ResourceKey, cause: ChangeEvent, ports: ProcessPorts, now: Date) {
  const dependents = await ports.registry.dependents(key);
  const events: ChangeEvent[] = [];
  for (const dependent of dependents) {
    const record = await ports.registry.get(dependent);
    if (!record || record.deleted) continue;
    events.push(buildChangeEvent('resync', record.change.data, { time: now, salt: cause.id }));
  }
  if (events.length === 0) return;
  const failures = await ports.changes.publish(events);
  if (failures.length > 0) {
    throw new Error(
      `could not re-sync ${failures.length} dependents: ${failures.map((f) => f.message).join('; ')}`,
    );
  }
  ports.logger.info('dependents re-synced', { resource: resourceKeyString(key), count: events.length });
}
