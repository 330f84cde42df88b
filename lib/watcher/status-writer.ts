import { type Condition, type StatusDetail, StatusEventSchema } from '../events/status-event.ts';
import type { Logger } from '../log/logger.ts';
import { type ClusterApi, ClusterConflictError, type ClusterObject } from '../ports/cluster.ts';
import type { InboundMessage, MessageSource } from '../ports/message-source.ts';
import type { WatchedKind } from './watcher.ts';

export interface StatusWriterOptions {
  cluster: string;
  kinds: WatchedKind[];
  /** Status fields each kind's CRD has; others are left out of the patch (the API server would prune them). */
  statusFields: Record<string, string[]>;
  batchSize: number;
  waitSeconds: number;
  logger: Logger;
}

export const statusWriterDefaults = { batchSize: 10, waitSeconds: 20 };

type ExistingConditions = Array<Partial<Condition>>;

function observedGeneration(object: ClusterObject): number {
  const conditions = (object.status?.conditions ?? []) as ExistingConditions;
  return Math.max(-1, ...conditions.map((c) => c.observedGeneration ?? -1));
}

/**
 * Consumes the cluster's status queue and writes outcomes back onto the resources: merges the status
 * subresource (GKO's fields and conditions), records Kubernetes Events, and releases the finalizer once
 * APIM confirmed a delete. Status events for an older generation than the one written are ignored.
 */
export class StatusWriter {
  private readonly cluster: ClusterApi;
  private readonly source: MessageSource;
  private readonly options: StatusWriterOptions;
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  /** Status events applied since start. */
  applied = 0;

  constructor(cluster: ClusterApi, source: MessageSource, options: StatusWriterOptions) {
    this.cluster = cluster;
    this.source = source;
    this.options = options;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Stops receiving; the batch in hand is finished (written and acknowledged) first. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.abort.signal.aborted) {
      let messages: InboundMessage[];
      try {
        messages = await this.source.receive(
          this.options.batchSize,
          this.options.waitSeconds,
          this.abort.signal,
        );
      } catch (error) {
        if (this.abort.signal.aborted) break;
        this.options.logger.warn('status queue unreachable, retrying', { error });
        await new Promise((r) => setTimeout(r, 1000));
        continue;
      }
      for (const message of messages) await this.handleMessage(message);
    }
  }

  /** Handles one status message; public so tests and local mode can drive it directly. */
  async handleMessage(message: InboundMessage): Promise<void> {
    try {
      await this.apply(message.body);
      await this.source.ack(message);
    } catch (error) {
      const delay = Math.min(2 ** message.attempt, 300);
      this.options.logger.warn('could not write a status, retrying', {
        error,
        attempt: message.attempt,
        retryInSeconds: delay,
      });
      // The message comes back after the queue's visibility timeout anyway; say so instead of hiding it.
      await this.source.postpone(message, delay).catch((postponeError: unknown) =>
        this.options.logger.warn('could not postpone the status; it returns after the visibility timeout', {
          error: postponeError,
        }),
      );
    }
  }

  private async apply(body: string): Promise<void> {
    const parsed = StatusEventSchema.safeParse(JSON.parse(body));
    if (!parsed.success) {
      this.options.logger.error('dropping a status message that is not a status event', {
        issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`),
      });
      return;
    }
    const detail = parsed.data.detail;
    if (detail.cluster !== this.options.cluster) return;
    const kind = this.options.kinds.find((k) => k.kind === detail.kind);
    if (!kind) return;
    const object = await this.cluster.get(kind, detail.namespace, detail.name);
    if (!object || object.metadata.uid !== detail.uid) return;
    if (detail.outcome === 'Deleted') {
      await this.releaseFinalizer(kind, object, detail);
      return;
    }
    if (isOlder(detail, object)) {
      this.options.logger.debug('ignoring an older status', {
        resource: `${detail.namespace}/${detail.name}`,
        generation: detail.generation,
      });
      return;
    }
    await this.cluster.patchStatus(
      kind,
      detail.namespace,
      detail.name,
      this.statusPatch(kind, detail, object),
    );
    this.applied += 1;
    await this.recordOutcome(kind, object, detail);
  }

  private statusPatch(
    kind: WatchedKind,
    detail: StatusDetail,
    object: ClusterObject,
  ): Record<string, unknown> {
    const allowed = new Set(this.options.statusFields[kind.kind] ?? ['conditions']);
    const previous = (object.status?.conditions ?? []) as ExistingConditions;
    // A condition keeps its transition time while its status does not change (Kubernetes convention).
    const conditions = detail.status.conditions.map((c) => {
      const before = previous.find((p) => p.type === c.type);
      return before?.status === c.status && before.lastTransitionTime
        ? { ...c, lastTransitionTime: before.lastTransitionTime }
        : c;
    });
    const full: Record<string, unknown> = { ...detail.status, conditions };
    const patch: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(full)) if (allowed.has(key)) patch[key] = value;
    return patch;
  }

  private async recordOutcome(kind: WatchedKind, object: ClusterObject, detail: StatusDetail): Promise<void> {
    const wrote = detail.apim.some((c) => c.wrote);
    const before = ((object.status?.conditions ?? []) as ExistingConditions).find(
      (c) => c.type === 'Accepted',
    );
    const accepted = detail.status.conditions.find((c) => c.type === 'Accepted');
    const changed = before?.status !== accepted?.status || before?.observedGeneration !== detail.generation;
    if (!wrote && !changed && !detail.failure) return;
    const failed = detail.outcome === 'SyncFailed' || detail.outcome === 'DeleteFailed';
    const deleting = detail.outcome === 'DeleteFailed';
    await this.cluster
      .recordEvent(kind, object, {
        type: failed ? 'Warning' : 'Normal',
        reason: deleting ? 'DeleteFailed' : failed ? 'UpdateFailed' : 'UpdateSucceeded',
        action: deleting ? 'Delete' : 'Update',
        message: detail.failure?.message ?? accepted?.message ?? detail.outcome,
      })
      .catch((error: unknown) => this.options.logger.warn('could not record an event', { error }));
  }

  private async releaseFinalizer(
    kind: WatchedKind,
    object: ClusterObject,
    detail: StatusDetail,
  ): Promise<void> {
    let current: ClusterObject | undefined = object;
    for (let attempt = 1; attempt <= 5 && current; attempt++) {
      const finalizers = current.metadata.finalizers ?? [];
      if (!finalizers.includes(kind.finalizer)) return;
      try {
        await this.cluster
          .recordEvent(kind, current, {
            type: 'Normal',
            reason: 'DeleteSucceeded',
            action: 'Delete',
            message: `deleted from APIM (${detail.apim.map((c) => `${c.method} ${c.status ?? '-'}`).join(', ') || 'nothing to delete'}); finalizer released`,
          })
          .catch(() => undefined);
        await this.cluster.replaceFinalizers(
          kind,
          current,
          finalizers.filter((f) => f !== kind.finalizer),
        );
        this.applied += 1;
        return;
      } catch (error) {
        if (!(error instanceof ClusterConflictError)) throw error;
        current = await this.cluster.get(kind, object.metadata.namespace, object.metadata.name);
        if (current && current.metadata.uid !== detail.uid) return;
      }
    }
  }
}

/** Older generation than written, or the same generation but an earlier outcome (status queues do not order). */
function isOlder(detail: StatusDetail, object: ClusterObject): boolean {
  const observed = observedGeneration(object);
  if (detail.generation < observed) return true;
  if (detail.generation > observed) return false;
  const accepted = ((object.status?.conditions ?? []) as ExistingConditions).find(
    (c) => c.type === 'Accepted',
  );
  // Best effort within one generation: an outcome older than the Accepted condition's last transition lost
  // the race (the transition time is kept while the condition's status is unchanged).
  return Boolean(accepted?.lastTransitionTime && detail.time < accepted.lastTransitionTime);
}
