import type { ChangeEvent } from '../events/change-event.ts';
import type { Logger } from '../log/logger.ts';
import type { ChangePublisher, PublishFailure } from '../ports/change-publisher.ts';

export interface ForwarderOptions {
  /** How long changes are gathered before a send, so bursts go out in `SendMessageBatch` calls. */
  lingerMs: number;
  /** Back-off bounds when the queue cannot be reached; nothing is dropped meanwhile. */
  minRetryMs: number;
  maxRetryMs: number;
  /** Called for a change the queue refuses for good (too large, unknown kind): report it on the resource. */
  onRejected: (failure: PublishFailure) => Promise<void>;
  logger: Logger;
}

/**
 * Buffers change events and sends them in batches, in order. Events the queue fails transiently are put
 * back at the front and retried with back-off, so a queue outage delays changes but loses none.
 */
export class ChangeForwarder {
  private readonly publisher: ChangePublisher;
  private readonly options: ForwarderOptions;
  private pending: ChangeEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private retryMs = 0;

  constructor(publisher: ChangePublisher, options: ForwarderOptions) {
    this.publisher = publisher;
    this.options = options;
  }

  enqueue(event: ChangeEvent): void {
    this.pending.push(event);
    this.schedule(this.options.lingerMs);
  }

  backlog(): number {
    return this.pending.length;
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.flushing) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delayMs);
  }

  /** Sends everything pending once; re-schedules itself while events remain. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    this.flushing = this.sendPending().finally(() => {
      this.flushing = undefined;
      if (this.pending.length > 0) this.schedule(this.retryMs || this.options.lingerMs);
    });
    return this.flushing;
  }

  private async sendPending(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let failures: PublishFailure[];
    try {
      failures = await this.publisher.publish(batch);
    } catch (error) {
      this.backOff(batch, `queue unreachable: ${(error as Error).message}`);
      return;
    }
    const transient = failures.filter((f) => !f.permanent).map((f) => f.event);
    for (const failure of failures.filter((f) => f.permanent)) {
      this.options.logger.error('change rejected by the queue', {
        resource: `${failure.event.data.kind} ${failure.event.subject}`,
        code: failure.code,
        detail: failure.message,
      });
      await this.options
        .onRejected(failure)
        .catch((error: unknown) =>
          this.options.logger.error('could not report a rejected change', { error }),
        );
    }
    if (transient.length > 0) this.backOff(transient, `${transient.length} changes not accepted yet`);
    else this.retryMs = 0;
  }

  private backOff(events: ChangeEvent[], why: string): void {
    this.pending = [...events, ...this.pending];
    this.retryMs = Math.min(Math.max(this.retryMs * 2, this.options.minRetryMs), this.options.maxRetryMs);
    this.options.logger.warn('changes kept for a retry', {
      why,
      count: events.length,
      retryInMs: this.retryMs,
    });
  }

  /** Flushes until nothing is pending or `timeoutMs` passes (shutdown). Resolves with what is left. */
  async drain(timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.length > 0 || this.flushing) {
      if (Date.now() > deadline) break;
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = undefined;
      }
      await this.flush();
      if (this.pending.length > 0)
        await new Promise((r) => setTimeout(r, Math.min(this.retryMs || 10, 1000)));
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    return this.pending.length;
  }
}
