import { createHash } from 'node:crypto';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import type { DeadLetter } from '../ports/dead-letter.ts';
import { parseAdapterOptions, sdkClient } from './adapter-options.ts';
import { errorMessage } from './sdk-errors.ts';
import { stringAttributes } from './sqs-message-size.ts';

export interface SqsDeadLetterOptions {
  client: SQSClient;
  /** The dead-letter queue; a `.fifo` URL gets the group and deduplication ids FIFO queues require. */
  queueUrl: string;
  /** Message group of FIFO dead letters. Default `dead-letter`: their order does not matter. */
  messageGroupId?: string;
  /** Longer reasons are cut (attributes count towards the message size limit). Default 4096. */
  maxReasonLength?: number;
}

export const sqsDeadLetterDefaults = { messageGroupId: 'dead-letter', maxReasonLength: 4096 };

/** The message attribute that carries the reason. */
export const DEAD_LETTER_REASON_ATTRIBUTE = 'reason';

// SQS: at most 10 attributes per message, names of letters, digits, `_`, `-`, `.`, not starting with AWS./Amazon.
const MAX_ATTRIBUTES = 10;
const ATTRIBUTE_NAME = /^(?!aws\.|amazon\.)(?!.*\.\.)[A-Za-z0-9_-][A-Za-z0-9_.-]{0,255}(?<!\.)$/i;

const optionsSchema = z.object({
  client: sdkClient<SQSClient>('an SQSClient'),
  queueUrl: z.url(),
  messageGroupId: z.string().min(1).max(128),
  maxReasonLength: z.number().int().min(16),
});

/** Thrown when a record cannot be dead-lettered: the caller must not acknowledge it then. */
export class DeadLetterError extends Error {
  override readonly name = 'DeadLetterError';
}

/**
 * {@link DeadLetter} over SQS: sends a record that can never be processed straight to the dead-letter queue,
 * with the reason (and any extra attributes) as String message attributes. For a FIFO queue the
 * deduplication id is the SHA-256 of the body, so dead-lettering the same record twice (a retried Lambda
 * invocation) leaves one copy.
 *
 * @example
 * const dlq = new SqsDeadLetter({ client: sqs, queueUrl: dlqUrl });
 * await dlq.send(record.body, 'MalformedRecord: not a change event', { messageId: record.messageId });
 */
export class SqsDeadLetter implements DeadLetter {
  private readonly options: z.infer<typeof optionsSchema>;
  private readonly fifo: boolean;

  constructor(options: SqsDeadLetterOptions) {
    this.options = parseAdapterOptions('SqsDeadLetter', optionsSchema, {
      ...sqsDeadLetterDefaults,
      ...options,
    });
    this.fifo = this.options.queueUrl.endsWith('.fifo');
  }

  async send(body: string, reason: string, attributes: Record<string, string> = {}): Promise<void> {
    // SQS rejects empty attribute values; an absent value says the same thing.
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(attributes)) if (value !== '') values[name] = value;
    values[DEAD_LETTER_REASON_ATTRIBUTE] = truncate(
      reason || '(no reason given)',
      this.options.maxReasonLength,
    );
    const invalid = Object.keys(values).filter((name) => !ATTRIBUTE_NAME.test(name));
    if (invalid.length > 0)
      throw new DeadLetterError(`invalid SQS message attribute names: ${invalid.join(', ')}`);
    if (Object.keys(values).length > MAX_ATTRIBUTES) {
      throw new DeadLetterError(
        `SQS allows ${MAX_ATTRIBUTES} message attributes, got ${Object.keys(values).length}`,
      );
    }
    try {
      await this.options.client.send(
        new SendMessageCommand({
          QueueUrl: this.options.queueUrl,
          MessageBody: body,
          MessageAttributes: stringAttributes(values),
          ...(this.fifo && {
            MessageGroupId: this.options.messageGroupId,
            MessageDeduplicationId: createHash('sha256').update(body).digest('hex'),
          }),
        }),
      );
    } catch (error) {
      throw new DeadLetterError(
        `cannot dead-letter a message to ${this.options.queueUrl}: ${errorMessage(error)}`,
        {
          cause: error,
        },
      );
    }
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
