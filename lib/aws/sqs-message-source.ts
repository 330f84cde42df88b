import {
  DeleteMessageCommand,
  ReceiveMessageCommand,
  type ReceiveMessageCommandOutput,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { z } from 'zod';
import type { InboundMessage, MessageSource } from '../ports/message-source.ts';
import { parseAdapterOptions, sdkClient } from './adapter-options.ts';
import { errorMessage } from './sdk-errors.ts';
import { SqsRetryScheduler } from './sqs-retry-scheduler.ts';

export interface SqsMessageSourceOptions {
  client: SQSClient;
  queueUrl: string;
}

const optionsSchema = z.object({
  client: sdkClient<SQSClient>('an SQSClient'),
  queueUrl: z.url(),
});

/** SQS limits: 10 messages per receive, 20 s of long polling. */
const MAX_MESSAGES = 10;
const MAX_WAIT_SECONDS = 20;

/** Thrown when a receive or an acknowledgement fails (not when a receive is aborted). */
export class MessageSourceError extends Error {
  override readonly name = 'MessageSourceError';
}

/**
 * {@link MessageSource} over one SQS queue (the cluster's status queue): long-poll receive, delete on ack,
 * visibility change on postpone. Aborting `signal` cancels the HTTP request and resolves `[]`, so a
 * shutting-down watcher does not wait out a 20 s poll.
 *
 * @example
 * const source = new SqsMessageSource({ client: sqs, queueUrl: statusQueueUrl });
 * for (const message of await source.receive(10, 20, controller.signal)) {
 *   await handle(message.body);
 *   await source.ack(message);
 * }
 */
export class SqsMessageSource implements MessageSource {
  private readonly options: z.infer<typeof optionsSchema>;
  private readonly retries: SqsRetryScheduler;

  constructor(options: SqsMessageSourceOptions) {
    this.options = parseAdapterOptions('SqsMessageSource', optionsSchema, options);
    this.retries = new SqsRetryScheduler(this.options);
  }

  async receive(max: number, waitSeconds: number, signal?: AbortSignal): Promise<InboundMessage[]> {
    if (signal?.aborted) return [];
    let response: ReceiveMessageCommandOutput;
    try {
      response = await this.receiveOnce(max, waitSeconds, signal);
    } catch (error) {
      if (signal?.aborted) return [];
      throw new MessageSourceError(`cannot receive from ${this.options.queueUrl}: ${errorMessage(error)}`, {
        cause: error,
      });
    }
    const messages: InboundMessage[] = [];
    for (const m of response.Messages ?? []) {
      if (!m.MessageId || m.Body === undefined || !m.ReceiptHandle) continue;
      const attempt = Number.parseInt(m.Attributes?.ApproximateReceiveCount ?? '1', 10);
      messages.push({
        messageId: m.MessageId,
        body: m.Body,
        receiptHandle: m.ReceiptHandle,
        attempt: Number.isFinite(attempt) && attempt > 0 ? attempt : 1,
      });
    }
    return messages;
  }

  async ack(message: InboundMessage): Promise<void> {
    try {
      await this.options.client.send(
        new DeleteMessageCommand({ QueueUrl: this.options.queueUrl, ReceiptHandle: message.receiptHandle }),
      );
    } catch (error) {
      throw new MessageSourceError(
        `cannot delete message ${message.messageId} from ${this.options.queueUrl}: ${errorMessage(error)}`,
        { cause: error },
      );
    }
  }

  postpone(message: InboundMessage, seconds: number): Promise<void> {
    return this.retries.postpone(message.receiptHandle, seconds);
  }

  private receiveOnce(
    max: number,
    waitSeconds: number,
    signal: AbortSignal | undefined,
  ): Promise<ReceiveMessageCommandOutput> {
    return this.options.client.send(
      new ReceiveMessageCommand({
        QueueUrl: this.options.queueUrl,
        MaxNumberOfMessages: clamp(max, 1, MAX_MESSAGES),
        WaitTimeSeconds: clamp(waitSeconds, 0, MAX_WAIT_SECONDS),
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      }),
      { abortSignal: signal },
    );
  }
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : min;
}
