import { createHash, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { InboundMessage, MessageSource } from '../ports/message-source.ts';

interface StoredMessage {
  messageId: string;
  body: string;
  groupId: string;
  attributes: Record<string, string>;
  receiveCount: number;
  visibleAt: number;
  receiptHandle?: string;
}

export interface EmbeddedQueueOptions {
  name: string;
  /** FIFO: one message in flight per group, in order. Standard queues treat every message as its own group. */
  fifo: boolean;
  visibilityTimeoutSeconds: number;
  /** Deliveries before a message moves to `deadLetterQueue` (the redrive `maxReceiveCount`). */
  maxReceiveCount?: number;
  deadLetterQueue?: EmbeddedQueue;
  /** SQS FIFO deduplicates ids seen in the last 5 minutes. */
  deduplicationWindowMs: number;
  now: () => number;
}

export const embeddedQueueDefaults: Omit<EmbeddedQueueOptions, 'name'> = {
  fifo: true,
  visibilityTimeoutSeconds: 30,
  deduplicationWindowMs: 5 * 60_000,
  now: Date.now,
};

/**
 * In-process stand-in for an SQS queue with the semantics the functions rely on: FIFO message groups
 * (a group is blocked while its head is in flight), deduplication ids, visibility timeouts, receive counts
 * and redrive to a dead-letter queue.
 */
export class EmbeddedQueue implements MessageSource {
  readonly name: string;
  private readonly options: EmbeddedQueueOptions;
  private readonly messages: StoredMessage[] = [];
  private readonly seen = new Map<string, number>();
  private readonly events = new EventEmitter();

  constructor(options: Partial<EmbeddedQueueOptions> & { name: string }) {
    this.options = { ...embeddedQueueDefaults, ...options };
    this.name = options.name;
    this.events.setMaxListeners(0);
  }

  /** Enqueues a message; returns false when its deduplication id was seen within the window. */
  send(
    body: string,
    options: { groupId?: string; deduplicationId?: string; attributes?: Record<string, string> } = {},
  ) {
    const now = this.options.now();
    const dedup = options.deduplicationId ?? createHash('sha256').update(body).digest('hex');
    for (const [id, at] of this.seen) if (now - at > this.options.deduplicationWindowMs) this.seen.delete(id);
    if (this.options.fifo && this.seen.has(dedup)) return false;
    this.seen.set(dedup, now);
    const messageId = randomUUID();
    this.messages.push({
      messageId,
      body,
      groupId: this.options.fifo ? (options.groupId ?? 'default') : messageId,
      attributes: options.attributes ?? {},
      receiveCount: 0,
      visibleAt: now,
    });
    this.events.emit('message');
    return true;
  }

  /** Messages that can be received now, oldest first, at most one per FIFO group. */
  private takeVisible(max: number): InboundMessage[] {
    const now = this.options.now();
    const out: InboundMessage[] = [];
    const blocked = new Set<string>();
    for (const message of [...this.messages]) {
      if (out.length >= max) break;
      if (blocked.has(message.groupId)) continue;
      blocked.add(message.groupId);
      if (message.visibleAt > now) continue;
      const limit = this.options.maxReceiveCount;
      if (limit !== undefined && message.receiveCount >= limit && this.options.deadLetterQueue) {
        this.drop(message);
        this.options.deadLetterQueue.send(message.body, {
          groupId: message.groupId,
          deduplicationId: `${message.messageId}-dlq`,
          attributes: { ...message.attributes, sourceQueue: this.name },
        });
        blocked.delete(message.groupId);
        continue;
      }
      message.receiveCount += 1;
      message.visibleAt = now + this.options.visibilityTimeoutSeconds * 1000;
      message.receiptHandle = randomUUID();
      out.push({
        messageId: message.messageId,
        body: message.body,
        receiptHandle: message.receiptHandle,
        attempt: message.receiveCount,
      });
    }
    return out;
  }

  async receive(max: number, waitSeconds: number, signal?: AbortSignal): Promise<InboundMessage[]> {
    const deadline = this.options.now() + waitSeconds * 1000;
    for (;;) {
      const got = this.takeVisible(max);
      if (got.length > 0 || signal?.aborted) return got;
      const left = deadline - this.options.now();
      if (left <= 0) return [];
      const nextVisible = Math.min(...this.messages.map((m) => m.visibleAt), Number.POSITIVE_INFINITY);
      await this.waitFor(Math.min(left, Math.max(5, nextVisible - this.options.now())), signal);
    }
  }

  private waitFor(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.events.off('message', done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.events.on('message', done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  async ack(message: InboundMessage): Promise<void> {
    const stored = this.messages.find((m) => m.receiptHandle === message.receiptHandle);
    if (stored) this.drop(stored);
    this.events.emit('message');
  }

  async postpone(message: InboundMessage, seconds: number): Promise<void> {
    const stored = this.messages.find((m) => m.receiptHandle === message.receiptHandle);
    if (stored) stored.visibleAt = this.options.now() + seconds * 1000;
    this.events.emit('message');
  }

  private drop(message: StoredMessage): void {
    const i = this.messages.indexOf(message);
    if (i >= 0) this.messages.splice(i, 1);
  }

  /** Messages stored (visible or in flight). */
  depth(): number {
    return this.messages.length;
  }

  /** Bodies of every stored message, for inspection (`gso dev`, tests). */
  peek(): Array<{ body: string; attributes: Record<string, string>; receiveCount: number }> {
    return this.messages.map(({ body, attributes, receiveCount }) => ({ body, attributes, receiveCount }));
  }
}
