import { type ChangeType, changeOf } from '../events/change-event.ts';
import type { Logger } from '../log/logger.ts';
import type { ChangePublisher, PublishFailure } from '../ports/change-publisher.ts';
import {
  type ClusterApi,
  ClusterConflictError,
  type ClusterObject,
  type ResourceType,
  type WatchHandle,
} from '../ports/cluster.ts';
import type { EnvelopeSealer } from '../sealing/envelope.ts';
import { type BuiltChange, buildChange } from './change-builder.ts';
import { ChangeForwarder } from './forwarder.ts';
import { DisabledGatewayConfigMapNotice } from './gateway-config-map-disabled.ts';
import { GatewayConfigMapWriter } from './gateway-config-map-writer.ts';

/** A kind the watcher follows: how to reach it and which finalizer guards its APIM clean-up. */
export interface WatchedKind extends ResourceType {
  finalizer: string;
}

export interface WatcherOptions {
  /** Name of this cluster: the `source` of its change events and the routing key of its status events. */
  cluster: string;
  kinds: WatchedKind[];
  /** Namespaces to watch; empty or absent = all namespaces. */
  namespaces?: string[];
  /**
   * Re-reads referenced Secrets and ConfigMaps (secretRefs, templates, certificate refs) and forwards
   * objects whose resolved values changed. 0 disables.
   */
  resyncIntervalMs: number;
  /** GKO's `ENABLE_TEMPLATING`: false forwards `[[ … ]]` strings unresolved. Default true. */
  templating?: boolean;
  /**
   * Writes the gateway ConfigMaps of DB-less APIs (v4 `syncFrom: KUBERNETES`, v2 `local: true`) as GKO
   * does. Default true. When false, each generation of such an API gets a Warning Event saying its
   * ConfigMap is not written.
   */
  gatewayConfigMaps?: boolean;
  /** Delay before restarting a failed watch, doubled on each consecutive failure. */
  restartDelayMs: number;
  maxRestartDelayMs: number;
  lingerMs: number;
  logger: Logger;
}

export const watcherDefaults = {
  resyncIntervalMs: 5 * 60_000,
  restartDelayMs: 500,
  maxRestartDelayMs: 30_000,
  lingerMs: 25,
};

const keyOf = (kind: string, o: ClusterObject) => `${kind}/${o.metadata.namespace}/${o.metadata.name}`;

/**
 * Follows the gravitee.io resources of one cluster and forwards their changes to the queues: adds GKO's
 * finalizers, skips changes that do not touch the spec (or the secrets it references), forwards deletions
 * while the finalizer holds the object, seals secret values, and restarts any watch that fails.
 */
export class Watcher {
  private readonly cluster: ClusterApi;
  private readonly sealer: EnvelopeSealer;
  private readonly options: WatcherOptions;
  private readonly forwarder: ChangeForwarder;
  private readonly gatewayConfigMaps: GatewayConfigMapWriter | undefined;
  private readonly gatewayConfigMapsDisabled: DisabledGatewayConfigMapNotice | undefined;
  private readonly handles: Array<{ kind: WatchedKind; watchId: string; handle: WatchHandle }> = [];
  /** Last forwarded digest per object key: status-only and metadata-only changes compare equal. */
  private readonly forwarded = new Map<string, { uid: string; digest: string }>();
  private readonly deletesForwarded = new Set<string>();
  /** One promise chain per object, so consecutive events of an object are handled in order. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly failures = new Map<string, number>();
  private resyncTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Every watch was opened by start(). */
  private started = false;

  constructor(
    cluster: ClusterApi,
    publisher: ChangePublisher,
    sealer: EnvelopeSealer,
    options: WatcherOptions,
  ) {
    this.cluster = cluster;
    this.sealer = sealer;
    this.options = options;
    this.forwarder = new ChangeForwarder(publisher, {
      lingerMs: options.lingerMs,
      minRetryMs: 200,
      maxRetryMs: 30_000,
      logger: options.logger,
      onRejected: (failure) => this.reportRejected(failure),
    });
    this.gatewayConfigMaps =
      options.gatewayConfigMaps === false
        ? undefined
        : new GatewayConfigMapWriter(cluster, {
            logger: options.logger,
            kinds: options.kinds,
            ...(options.templating === false ? { templating: false } : {}),
          });
    this.gatewayConfigMapsDisabled =
      options.gatewayConfigMaps === false
        ? new DisabledGatewayConfigMapNotice(cluster, options.logger)
        : undefined;
  }

  async start(): Promise<void> {
    const namespaces = this.options.namespaces?.length ? this.options.namespaces : [undefined];
    // Before the watches: an API's first event must find the ConfigMaps that already exist.
    await this.gatewayConfigMaps?.prime(namespaces);
    for (const kind of this.options.kinds) {
      for (const namespace of namespaces) {
        const watchId = `${kind.plural}@${namespace ?? '*'}`;
        const handle = await this.cluster.watch(kind, namespace, {
          onUpsert: (o) => this.serialize(kind, o, () => this.onUpsert(kind, o)),
          onDelete: (o) => this.serialize(kind, o, () => this.onDelete(kind, o)),
          onError: (error) => this.onWatchError(watchId, error),
        });
        this.handles.push({ kind, watchId, handle });
      }
    }
    this.started = true;
    if (this.options.resyncIntervalMs > 0) {
      this.resyncTimer = setInterval(() => void this.resync(), this.options.resyncIntervalMs);
      this.resyncTimer.unref();
    }
    this.options.logger.info('watcher started', {
      cluster: this.options.cluster,
      kinds: this.options.kinds.map((k) => k.kind),
      namespaces: this.options.namespaces?.length ? this.options.namespaces : 'all',
    });
  }

  /** True once every watch is open, and while all of them stay connected. */
  ready(): boolean {
    return this.started && !this.stopped && this.failures.size === 0;
  }

  /** Changes waiting to be sent. */
  backlog(): number {
    return this.forwarder.backlog();
  }

  /** Stops watching, finishes the objects in progress and sends what is pending. */
  async stop(timeoutMs = 10_000): Promise<number> {
    this.stopped = true;
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    await Promise.all(this.handles.map(({ handle }) => handle.stop()));
    await Promise.allSettled([...this.chains.values()]);
    return this.forwarder.drain(timeoutMs);
  }

  private serialize(kind: WatchedKind, object: ClusterObject, work: () => Promise<void>): void {
    const key = keyOf(kind.kind, object);
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous
      .then(work)
      .catch((error: unknown) =>
        this.options.logger.error('could not handle a change', { resource: key, error }),
      )
      .finally(() => {
        if (this.chains.get(key) === next) this.chains.delete(key);
      });
    this.chains.set(key, next);
  }

  private onWatchError(watchId: string, error: unknown): void {
    if (this.stopped) return;
    const count = (this.failures.get(watchId) ?? 0) + 1;
    this.failures.set(watchId, count);
    const delay = Math.min(this.options.restartDelayMs * 2 ** (count - 1), this.options.maxRestartDelayMs);
    this.options.logger.warn('watch failed, restarting', {
      watch: watchId,
      error,
      restartInMs: delay,
      failures: count,
    });
    const target = this.handles.find((h) => h.watchId === watchId);
    setTimeout(() => {
      if (this.stopped || !target) return;
      target.handle
        .restart()
        .then(() => {
          this.failures.delete(watchId);
          this.options.logger.info('watch restarted', { watch: watchId });
        })
        .catch((restartError: unknown) => this.onWatchError(watchId, restartError));
    }, delay).unref();
  }

  private async onUpsert(kind: WatchedKind, object: ClusterObject): Promise<void> {
    const key = keyOf(kind.kind, object);
    const { finalizers = [], deletionTimestamp, uid } = object.metadata;
    if (deletionTimestamp) {
      if (finalizers.includes(kind.finalizer) && !this.deletesForwarded.has(uid)) {
        await this.forward(kind, object, 'deleted');
        this.deletesForwarded.add(uid);
      }
      return;
    }
    let current = object;
    if (!finalizers.includes(kind.finalizer)) {
      const updated = await this.addFinalizer(kind, object);
      if (!updated) return;
      current = updated;
    }
    // Status changes count too: with a context, the ConfigMap follows APIM's acceptance.
    await this.gatewayConfigMaps?.onUpsert(kind, current);
    await this.gatewayConfigMapsDisabled?.onUpsert(kind, current);
    const built = await buildChange(current, kind.kind, this.options.cluster, 'applied', this.buildDeps());
    const last = this.forwarded.get(key);
    if (last && last.uid === uid && last.digest === built.digest) return;
    this.forwarded.set(key, { uid, digest: built.digest });
    for (const problem of built.problems)
      this.options.logger.warn('reference not readable', { resource: key, problem });
    this.send(key, built);
  }

  private async onDelete(kind: WatchedKind, object: ClusterObject): Promise<void> {
    const key = keyOf(kind.kind, object);
    const { uid } = object.metadata;
    // Gone without our finalizer having been released through a delete we forwarded (force delete, finalizer
    // removed by hand): still ask APIM to clean up.
    if (!this.deletesForwarded.has(uid) && this.forwarded.get(key)?.uid === uid) {
      await this.forward(kind, object, 'deleted');
    }
    this.deletesForwarded.delete(uid);
    if (this.forwarded.get(key)?.uid === uid) this.forwarded.delete(key);
    await this.gatewayConfigMaps?.onDelete(kind, object);
    this.gatewayConfigMapsDisabled?.forget(object);
  }

  /** Builds (reads Secrets, seals) and sends the change of an object. */
  private async forward(kind: WatchedKind, object: ClusterObject, change: ChangeType): Promise<void> {
    const built = await buildChange(object, kind.kind, this.options.cluster, change, this.buildDeps());
    this.send(keyOf(kind.kind, object), built);
  }

  private send(key: string, built: BuiltChange): void {
    this.forwarder.enqueue(built.event);
    this.options.logger.info('change forwarded', {
      resource: key,
      change: changeOf(built.event),
      generation: built.event.data.metadata.generation,
      eventId: built.event.id,
    });
  }

  private buildDeps() {
    return {
      sealer: this.sealer,
      readSecret: (namespace: string, name: string) =>
        this.cluster.readSecret(namespace, name).catch((error: unknown) => {
          this.options.logger.warn('could not read a referenced Secret', {
            reference: `Secret ${namespace}/${name}`,
            error,
          });
          // Rethrown: the collector reports the reference as unreadable (not as missing).
          throw error;
        }),
      readConfigMap: (namespace: string, name: string) =>
        this.cluster.readConfigMap(namespace, name).catch((error: unknown) => {
          this.options.logger.warn('could not read a referenced ConfigMap', {
            reference: `ConfigMap ${namespace}/${name}`,
            error,
          });
          throw error;
        }),
      ...(this.options.templating === false ? { templating: false } : {}),
    };
  }

  /** Adds the finalizer, re-reading the object on conflict. Undefined when the object is gone. */
  private async addFinalizer(kind: WatchedKind, object: ClusterObject): Promise<ClusterObject | undefined> {
    let current: ClusterObject | undefined = object;
    for (let attempt = 1; attempt <= 5 && current; attempt++) {
      if (current.metadata.deletionTimestamp) return undefined;
      const finalizers = current.metadata.finalizers ?? [];
      if (finalizers.includes(kind.finalizer)) return current;
      try {
        return await this.cluster.replaceFinalizers(kind, current, [...finalizers, kind.finalizer]);
      } catch (error) {
        if (!(error instanceof ClusterConflictError)) throw error;
        current = await this.cluster.get(kind, object.metadata.namespace, object.metadata.name);
      }
    }
    if (current) throw new Error(`could not add finalizer ${kind.finalizer}: the object kept changing`);
    return undefined;
  }

  /** Periodic pass: forwards objects whose referenced Secrets changed since they were last forwarded. */
  private async resync(): Promise<void> {
    for (const { kind, handle } of this.handles) {
      for (const object of handle.list()) {
        if (object.metadata.deletionTimestamp) continue;
        this.serialize(kind, object, async () => {
          const key = keyOf(kind.kind, object);
          // Re-reads the ConfigMap: repairs manual edits and follows changed Secrets behind templates.
          await this.gatewayConfigMaps?.onUpsert(kind, object, { verify: true });
          const built = await buildChange(
            object,
            kind.kind,
            this.options.cluster,
            'resync',
            this.buildDeps(),
          );
          const last = this.forwarded.get(key);
          if (last?.uid === object.metadata.uid && last.digest === built.digest) return;
          this.forwarded.set(key, { uid: object.metadata.uid, digest: built.digest });
          for (const problem of built.problems)
            this.options.logger.warn('reference not readable', { resource: key, problem });
          this.send(key, built);
        });
      }
    }
  }

  /** A change the queue refused for good: say so on the resource, since nothing else will. */
  private async reportRejected(failure: PublishFailure): Promise<void> {
    const data = failure.event.data;
    const kind = this.options.kinds.find((k) => k.kind === data.kind);
    if (!kind) return;
    const object = await this.cluster.get(kind, data.metadata.namespace, data.metadata.name);
    if (!object) return;
    this.forwarded.delete(keyOf(kind.kind, object));
    const now = new Date().toISOString();
    const generation = data.metadata.generation;
    await this.cluster.patchStatus(kind, data.metadata.namespace, data.metadata.name, {
      processingStatus: 'Failed',
      errors: { severe: [failure.message], warning: [] },
      conditions: [
        {
          type: 'Accepted',
          status: 'False',
          reason: failure.code,
          message: failure.message,
          observedGeneration: generation,
          lastTransitionTime: now,
        },
        {
          type: 'ResolvedRefs',
          status: 'Unknown',
          reason: failure.code,
          message: 'not evaluated',
          observedGeneration: generation,
          lastTransitionTime: now,
        },
      ],
    });
    await this.cluster.recordEvent(kind, object, {
      type: 'Warning',
      reason: 'UpdateFailed',
      action: 'Forward',
      message: failure.message,
    });
  }
}
