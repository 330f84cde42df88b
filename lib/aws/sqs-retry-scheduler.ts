import { ChangeMessageVisibilityCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import type { RetryScheduler } from '../ports/retry-scheduler.ts';
import { parseAdapterOptions, sdkClient } from './adapter-options.ts';
import { errorMessage } from './sdk-errors.ts';

export interface SqsRetrySchedulerOptions {
  client: SQSClient;
  /** The queue the messages were received from. */
  queueUrl: string;
}

/** SQS refuses visibility timeouts above 12 hours. */
export const SQS_MAX_VISIBILITY_SECONDS = 43_200;

const optionsSchema = z.object({
  client: sdkClient<SQSClient>('an SQSClient'),
  queueUrl: z.url(),
});

/** Thrown when SQS refuses to change a message's visibility (receipt handle expired, queue gone, …). */
export class RetryScheduleError extends Error {
  override readonly name = 'RetryScheduleError';
}

/**
 * {@link RetryScheduler} over SQS: the back-off of a failed message is its visibility timeout, so the queue
 * redelivers it after `seconds` (and counts the delivery towards the redrive `maxReceiveCount`). Seconds are
 * rounded up and clamped to what SQS accepts (0 … 12 h); 0 makes the message visible at once.
 *
 * @example
 * const retries = new SqsRetryScheduler({ client: sqs, queueUrl });
 * await retries.postpone(record.receiptHandle, 40);
 */
export class SqsRetryScheduler implements RetryScheduler {
  private readonly options: z.infer<typeof optionsSchema>;

  constructor(options: SqsRetrySchedulerOptions) {
    this.options = parseAdapterOptions('SqsRetryScheduler', optionsSchema, options);
  }

  async postpone(receiptHandle: string, seconds: number): Promise<void> {
    const visibility = Number.isFinite(seconds)
      ? Math.min(SQS_MAX_VISIBILITY_SECONDS, Math.max(0, Math.ceil(seconds)))
      : SQS_MAX_VISIBILITY_SECONDS;
    try {
      await this.options.client.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: this.options.queueUrl,
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: visibility,
        }),
      );
    } catch (error) {
      throw new RetryScheduleError(
        `cannot postpone a message of ${this.options.queueUrl} by ${visibility} s: ${errorMessage(error)}`,
        { cause: error },
      );
    }
  }
}
