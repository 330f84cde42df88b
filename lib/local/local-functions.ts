import { randomBytes } from 'node:crypto';
import type { Logger } from '../log/logger.ts';
import type { ApimFactory } from '../ports/apim.ts';
import { MemoryRegistry } from '../registry/memory-registry.ts';
import { EnvelopeSealer } from '../sealing/envelope.ts';
import { LocalKeyWrapper } from '../sealing/local-key-wrapper.ts';
import { type RetryPolicy, retryPolicyDefaults } from '../sync/backoff.ts';
import type { KindSync } from '../sync/kind-sync.ts';
import { type ProcessPorts, processChange } from '../sync/process-change.ts';
import { EmbeddedChangePublisher, EmbeddedDeadLetter } from './embedded-adapters.ts';
import { EmbeddedBus } from './embedded-bus.ts';
import { EmbeddedQueue } from './embedded-queue.ts';

export interface LocalFunctionsOptions {
  cluster: string;
  syncs: KindSync[];
  logger: Logger;
  retry: RetryPolicy;
  visibilityTimeoutSeconds: number;
  /** 32-byte key standing in for KMS; random per process when absent. */
  sealingKey?: Uint8Array;
  apimFactory?: ApimFactory;
  apimTimeoutMs?: number;
  maxMessageBytes?: number;
  /** Validate against APIM with `dryRun=true`, apply nothing (`gso validate --dry-run-apim`). */
  dryRun?: boolean;
}

/**
 * The AWS half of the loop, in process: a FIFO queue (with DLQ) and a consumer per kind running the same
 * `processChange` as the Lambda functions, an embedded bus with a rule per cluster to a status queue, the
 * embedded registry and a local sealing key.
 */
export class LocalFunctions {
  readonly registry = new MemoryRegistry();
  readonly bus = new EmbeddedBus();
  readonly queues: Record<string, EmbeddedQueue> = {};
  readonly deadLetterQueues: Record<string, EmbeddedQueue> = {};
  readonly statusQueue: EmbeddedQueue;
  readonly sealer: EnvelopeSealer;
  readonly changes: EmbeddedChangePublisher;
  private readonly options: LocalFunctionsOptions;
  private readonly abort = new AbortController();
  private readonly loops: Promise<void>[] = [];
  private busy = 0;

  constructor(
    options: Partial<LocalFunctionsOptions> & Pick<LocalFunctionsOptions, 'cluster' | 'syncs' | 'logger'>,
  ) {
    this.options = { retry: retryPolicyDefaults, visibilityTimeoutSeconds: 30, ...options };
    for (const sync of this.options.syncs) {
      const dlq = new EmbeddedQueue({ name: `${sync.kind}-dlq`, fifo: true });
      this.deadLetterQueues[sync.kind] = dlq;
      this.queues[sync.kind] = new EmbeddedQueue({
        name: sync.kind,
        fifo: true,
        visibilityTimeoutSeconds: this.options.visibilityTimeoutSeconds,
        maxReceiveCount: this.options.retry.maxAttempts,
        deadLetterQueue: dlq,
      });
    }
    this.statusQueue = new EmbeddedQueue({ name: `status-${this.options.cluster}`, fifo: false });
    this.bus.addRule({
      name: `status-to-${this.options.cluster}`,
      cluster: this.options.cluster,
      target: this.statusQueue,
    });
    this.sealer = new EnvelopeSealer(new LocalKeyWrapper(this.options.sealingKey ?? randomBytes(32)));
    this.changes = new EmbeddedChangePublisher(this.queues, this.options.maxMessageBytes);
  }

  private portsFor(kind: string): ProcessPorts {
    const dlq = this.deadLetterQueues[kind] as EmbeddedQueue;
    return {
      registry: this.registry,
      sealer: this.sealer,
      status: this.bus,
      changes: this.changes,
      deadLetter: new EmbeddedDeadLetter(dlq),
      logger: this.options.logger,
      retry: this.options.retry,
      ...(this.options.apimTimeoutMs ? { apimOptions: { timeoutMs: this.options.apimTimeoutMs } } : {}),
      ...(this.options.apimFactory ? { apimFactory: this.options.apimFactory } : {}),
      ...(this.options.dryRun ? { dryRun: true } : {}),
    };
  }

  start(): void {
    for (const sync of this.options.syncs) this.loops.push(this.consume(sync));
  }

  private async consume(sync: KindSync): Promise<void> {
    const queue = this.queues[sync.kind] as EmbeddedQueue;
    const ports = this.portsFor(sync.kind);
    while (!this.abort.signal.aborted) {
      const messages = await queue.receive(10, 1, this.abort.signal);
      this.busy += messages.length;
      // Like the FIFO batch processor: in order, and a failed record blocks only its own group.
      for (const message of messages) {
        try {
          const outcome = await processChange(message.body, message.attempt, sync, ports);
          if (outcome.action === 'ack') await queue.ack(message);
          else await queue.postpone(message, outcome.delaySeconds);
        } catch (error) {
          this.options.logger.error('function failed on a record', { kind: sync.kind, error });
          await queue.postpone(message, 1);
        } finally {
          this.busy -= 1;
        }
      }
    }
  }

  /** True when no change is queued or being processed. */
  idle(): boolean {
    return this.busy === 0 && Object.values(this.queues).every((q) => q.depth() === 0);
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all(this.loops);
  }
}
