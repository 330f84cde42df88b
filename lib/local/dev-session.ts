import type { Logger } from '../log/logger.ts';
import type { ApimFactory } from '../ports/apim.ts';
import type { ClusterApi } from '../ports/cluster.ts';
import type { RetryPolicy } from '../sync/backoff.ts';
import { syncs } from '../sync/syncs.ts';
import { StatusWriter, statusWriterDefaults } from '../watcher/status-writer.ts';
import { statusFieldsByKind, watchedKinds } from '../watcher/watched-kinds.ts';
import { type WatchedKind, Watcher, watcherDefaults } from '../watcher/watcher.ts';
import { LocalFunctions } from './local-functions.ts';

export interface DevSessionOptions {
  cluster: string;
  clusterApi: ClusterApi;
  logger: Logger;
  namespaces?: string[];
  apimFactory?: ApimFactory;
  retry?: RetryPolicy;
  resyncIntervalMs?: number;
  sealingKey?: Uint8Array;
  maxMessageBytes?: number;
  /** Functions validate against APIM with `dryRun=true` and apply nothing. */
  dryRun?: boolean;
}

/**
 * The whole loop in one process: watcher → embedded queues → the functions' sync logic → embedded bus →
 * status writer, against a real cluster or a {@link ManifestCluster}.
 */
export class DevSession {
  readonly functions: LocalFunctions;
  readonly watcher: Watcher;
  readonly statusWriter: StatusWriter;
  readonly kinds: WatchedKind[] = watchedKinds();

  constructor(options: DevSessionOptions) {
    this.functions = new LocalFunctions({
      cluster: options.cluster,
      syncs,
      logger: options.logger,
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.apimFactory ? { apimFactory: options.apimFactory } : {}),
      ...(options.sealingKey ? { sealingKey: options.sealingKey } : {}),
      ...(options.maxMessageBytes ? { maxMessageBytes: options.maxMessageBytes } : {}),
      ...(options.dryRun ? { dryRun: true } : {}),
    });
    this.watcher = new Watcher(options.clusterApi, this.functions.changes, this.functions.sealer, {
      ...watcherDefaults,
      cluster: options.cluster,
      kinds: this.kinds,
      ...(options.namespaces ? { namespaces: options.namespaces } : {}),
      ...(options.resyncIntervalMs !== undefined ? { resyncIntervalMs: options.resyncIntervalMs } : {}),
      logger: options.logger,
    });
    this.statusWriter = new StatusWriter(options.clusterApi, this.functions.statusQueue, {
      ...statusWriterDefaults,
      waitSeconds: 1,
      cluster: options.cluster,
      kinds: this.kinds,
      statusFields: statusFieldsByKind(),
      logger: options.logger,
    });
  }

  async start(): Promise<void> {
    this.functions.start();
    this.statusWriter.start();
    await this.watcher.start();
  }

  /** Resolves once nothing is queued, processed or waiting to be written (or after `timeoutMs`). */
  async settle(timeoutMs = 10_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let quietSince = 0;
    while (Date.now() < deadline) {
      const quiet =
        this.watcher.backlog() === 0 && this.functions.idle() && this.functions.statusQueue.depth() === 0;
      if (quiet) {
        quietSince ||= Date.now();
        if (Date.now() - quietSince >= 60) return true;
      } else quietSince = 0;
      await new Promise((r) => setTimeout(r, 10));
    }
    return false;
  }

  async stop(): Promise<void> {
    await this.watcher.stop();
    await this.settle(2_000);
    await this.statusWriter.stop();
    await this.functions.stop();
  }
}
