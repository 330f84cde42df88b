import {
  SendMessageBatchCommand,
  type SendMessageBatchCommandOutput,
  type SendMessageBatchRequestEntry,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { type ChangeEvent, changeGroupId, changeOf } from '../events/change-event.ts';
import type { ChangePublisher, PublishFailure } from '../ports/change-publisher.ts';
import { parseAdapterOptions, retrySchema, sdkClient } from './adapter-options.ts';
import { backoff } from './backoff.ts';
import { packBatches } from './batches.ts';
import { errorCode, errorMessage, isPermanentSdkError } from './sdk-errors.ts';
import { sqsMessageBytes, stringAttributes } from './sqs-message-size.ts';

export interface SqsChangePublisherOptions {
  client: SQSClient;
  /** FIFO change queue URL per resource kind, e.g. `{ ApiV4Definition: 'https://sqs…/gso-apiv4definition.fifo' }`. */
  queueUrls: Record<string, string>;
  /** Attempts per entry, the first included, for entries SQS failed on its side. Default 3. */
  maxAttempts?: number;
  /** Back-off before the first resend; doubles each time up to `maxDelayMs`. Default 100. */
  baseDelayMs?: number;
  /** Default 2000. */
  maxDelayMs?: number;
  /**
   * Largest message accepted (body + attributes). Default 262144, the classic SQS limit: AWS now allows up
   * to 1 MiB, but a queue only accepts what its `MaximumMessageSize` allows, so raise both together.
   */
  maxMessageBytes?: number;
  /** Largest `SendMessageBatch` payload (sum of the messages). Default 262144. */
  maxBatchBytes?: number;
}

export const sqsChangePublisherDefaults = {
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 2000,
  maxMessageBytes: 262_144,
  maxBatchBytes: 262_144,
};

const SQS_MAX_BATCH_ENTRIES = 10;
const SQS_HARD_MESSAGE_LIMIT = 1_048_576;
const SQS_MAX_GROUP_ID_LENGTH = 128;

const optionsSchema = z.object({
  client: sdkClient<SQSClient>('an SQSClient'),
  queueUrls: z.record(z.string().min(1), z.url()),
  ...retrySchema,
  maxMessageBytes: z.number().int().min(1024).max(SQS_HARD_MESSAGE_LIMIT),
  maxBatchBytes: z.number().int().min(1024).max(SQS_HARD_MESSAGE_LIMIT),
});

type Options = z.infer<typeof optionsSchema>;

/** One event ready to send, with what SQS needs and what a failure report needs. */
interface Outgoing {
  event: ChangeEvent;
  group: string;
  entry: Omit<SendMessageBatchRequestEntry, 'Id'>;
  bytes: number;
}

/**
 * {@link ChangePublisher} over SQS FIFO: one queue per kind, one message group per object
 * (`changeGroupId`), the event id as deduplication id so the same change observed twice is delivered once.
 *
 * Per queue, events are packed into batches of ≤ 10 entries and ≤ `maxBatchBytes`, at most one entry per
 * object per batch, and the batches are sent one after the other: when SQS fails an entry on its side it
 * is resent (alone with the other failed entries, with back-off) before any later change of the same object
 * is sent, so per-object order survives partial failures. If it still fails, the later changes of that
 * object are held back and reported too, for the caller to republish in order. Queues of different kinds
 * are sent to concurrently.
 *
 * Permanent failures (unknown kind, message too large, `SenderFault` entries, requests SQS rejects) are
 * reported with `permanent: true` and a message naming the resource — never dropped silently.
 *
 * @example
 * const publisher = new SqsChangePublisher({ client: sqs, queueUrls: { ApiV4Definition: url } });
 * const failures = await publisher.publish(events); // [] when every event was accepted
 */
export class SqsChangePublisher implements ChangePublisher {
  private readonly options: Options;

  constructor(options: SqsChangePublisherOptions) {
    this.options = parseAdapterOptions('SqsChangePublisher', optionsSchema, {
      ...sqsChangePublisherDefaults,
      ...options,
    });
  }

  async publish(events: ChangeEvent[]): Promise<PublishFailure[]> {
    const failures: PublishFailure[] = [];
    const byQueue = new Map<string, Outgoing[]>();
    for (const event of events) {
      const prepared = this.prepare(event);
      if ('failure' in prepared) {
        failures.push(prepared.failure);
        continue;
      }
      const queue = byQueue.get(prepared.queueUrl) ?? [];
      queue.push(prepared.outgoing);
      byQueue.set(prepared.queueUrl, queue);
    }
    const perQueue = await Promise.all(
      [...byQueue].map(([url, outgoing]) => this.sendToQueue(url, outgoing)),
    );
    return [...failures, ...perQueue.flat()];
  }

  private prepare(
    event: ChangeEvent,
  ): { queueUrl: string; outgoing: Outgoing } | { failure: PublishFailure } {
    const kind = event.data.kind;
    const resource = describe(event);
    const queueUrl = Object.hasOwn(this.options.queueUrls, kind) ? this.options.queueUrls[kind] : undefined;
    if (!queueUrl) {
      return {
        failure: {
          event,
          code: 'UnknownKind',
          permanent: true,
          message: `${resource}: no change queue is configured for kind ${kind} (known: ${Object.keys(this.options.queueUrls).join(', ') || 'none'})`,
        },
      };
    }
    let changeType: string;
    try {
      changeType = changeOf(event);
    } catch (error) {
      return {
        failure: {
          event,
          code: 'InvalidEvent',
          permanent: true,
          message: `${resource}: ${errorMessage(error)}`,
        },
      };
    }
    const body = JSON.stringify(event);
    const attributes = { kind, changeType };
    const bytes = sqsMessageBytes(body, attributes);
    const limit = Math.min(this.options.maxMessageBytes, this.options.maxBatchBytes);
    if (bytes > limit) {
      return {
        failure: {
          event,
          code: 'MessageTooLarge',
          permanent: true,
          message: `${resource}: change message is ${bytes} bytes, over the SQS limit of ${limit} bytes (reduce the spec size)`,
        },
      };
    }
    const group = changeGroupId(event.data);
    if (group.length > SQS_MAX_GROUP_ID_LENGTH) {
      // Kubernetes names allow up to 253 characters; SQS would refuse the whole entry with a vaguer message.
      return {
        failure: {
          event,
          code: 'GroupIdTooLong',
          permanent: true,
          message: `${resource}: message group id "${group}" is ${group.length} characters, over the SQS limit of ${SQS_MAX_GROUP_ID_LENGTH}`,
        },
      };
    }
    return {
      queueUrl,
      outgoing: {
        event,
        group,
        bytes,
        entry: {
          MessageBody: body,
          MessageGroupId: group,
          MessageDeduplicationId: event.id,
          MessageAttributes: stringAttributes(attributes),
        },
      },
    };
  }

  private async sendToQueue(queueUrl: string, outgoing: Outgoing[]): Promise<PublishFailure[]> {
    const failures: PublishFailure[] = [];
    // Objects whose earlier change could not be sent: their later changes wait, so order is kept.
    const held = new Set<string>();
    const batches = packBatches(outgoing, {
      maxEntries: SQS_MAX_BATCH_ENTRIES,
      maxBytes: this.options.maxBatchBytes,
      sizeOf: (o) => o.bytes,
      groupOf: (o) => o.group,
    });
    for (const batch of batches) {
      const ready: Outgoing[] = [];
      for (const o of batch) {
        if (!held.has(o.group)) {
          ready.push(o);
          continue;
        }
        failures.push({
          event: o.event,
          code: 'PreviousChangeNotSent',
          permanent: false,
          message: `${describe(o.event)}: held back because an earlier change of the same object was not sent`,
        });
      }
      for (const failure of await this.sendBatch(queueUrl, ready)) {
        failures.push(failure);
        if (!failure.permanent) held.add(changeGroupId(failure.event.data));
      }
    }
    return failures;
  }

  /** Sends one batch, resending only the entries SQS failed on its side. */
  private async sendBatch(queueUrl: string, batch: Outgoing[]): Promise<PublishFailure[]> {
    const failures: PublishFailure[] = [];
    let pending = batch;
    for (let attempt = 1; pending.length > 0; attempt++) {
      // Ids only need to be unique within one request.
      const byId = new Map(pending.map((o, index) => [String(index), o]));
      let response: SendMessageBatchCommandOutput;
      try {
        response = await this.options.client.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: [...byId].map(([Id, o]) => ({ Id, ...o.entry })),
          }),
        );
      } catch (error) {
        // The whole request failed after the SDK's own retries (network, throttling, rejected request).
        const permanent = isPermanentSdkError(error);
        for (const o of pending) {
          failures.push({
            event: o.event,
            code: errorCode(error),
            permanent,
            message: `${describe(o.event)}: SendMessageBatch to ${queueUrl} failed: ${errorMessage(error)}`,
          });
        }
        return failures;
      }
      const retry: { outgoing: Outgoing; code: string; message: string }[] = [];
      const answered = new Set((response.Successful ?? []).map((ok) => ok.Id));
      for (const failed of response.Failed ?? []) {
        const o = failed.Id === undefined ? undefined : byId.get(failed.Id);
        if (!o) continue;
        answered.add(failed.Id);
        const code = failed.Code ?? 'UnknownError';
        const message = `${describe(o.event)}: SQS refused the message: ${code}${failed.Message ? ` (${failed.Message})` : ''}`;
        if (failed.SenderFault) failures.push({ event: o.event, code, permanent: true, message });
        else retry.push({ outgoing: o, code, message });
      }
      // An entry SQS neither accepted nor refused cannot be assumed sent.
      for (const [id, o] of byId) {
        if (!answered.has(id))
          retry.push({
            outgoing: o,
            code: 'NoResult',
            message: `${describe(o.event)}: SQS did not report on the message`,
          });
      }
      if (retry.length === 0) break;
      if (attempt >= this.options.maxAttempts) {
        for (const r of retry) {
          failures.push({
            event: r.outgoing.event,
            code: r.code,
            permanent: false,
            message: `${r.message}; gave up after ${attempt} attempts`,
          });
        }
        break;
      }
      await backoff(attempt, this.options);
      pending = retry.map((r) => r.outgoing);
    }
    return failures;
  }
}

/** `<kind> <namespace>/<name>`, how failures name the resource. */
function describe(event: ChangeEvent): string {
  return `${event.data.kind} ${event.data.metadata.namespace}/${event.data.metadata.name}`;
}
