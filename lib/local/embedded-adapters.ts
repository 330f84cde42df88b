import type { ChangeEvent } from '../events/change-event.ts';
import { changeGroupId, changeOf } from '../events/change-event.ts';
import type { ChangePublisher, PublishFailure } from '../ports/change-publisher.ts';
import type { DeadLetter } from '../ports/dead-letter.ts';
import type { EmbeddedQueue } from './embedded-queue.ts';

/** Routes change events to the embedded queue of their kind, with the same limits as SQS. */
export class EmbeddedChangePublisher implements ChangePublisher {
  private readonly queues: Record<string, EmbeddedQueue>;
  private readonly maxMessageBytes: number;

  constructor(queues: Record<string, EmbeddedQueue>, maxMessageBytes = 262_144) {
    this.queues = queues;
    this.maxMessageBytes = maxMessageBytes;
  }

  async publish(events: ChangeEvent[]): Promise<PublishFailure[]> {
    const failures: PublishFailure[] = [];
    for (const event of events) {
      const queue = this.queues[event.data.kind];
      const name = `${event.data.kind} ${event.subject}`;
      const body = JSON.stringify(event);
      const size = Buffer.byteLength(body);
      if (!queue) {
        failures.push({
          event,
          code: 'UnknownKind',
          message: `${name}: no queue for kind ${event.data.kind}`,
          permanent: true,
        });
      } else if (size > this.maxMessageBytes) {
        failures.push({
          event,
          code: 'MessageTooLarge',
          message: `${name}: change event is ${size} bytes, over the queue limit of ${this.maxMessageBytes} bytes`,
          permanent: true,
        });
      } else {
        queue.send(body, {
          groupId: changeGroupId(event.data),
          deduplicationId: event.id,
          attributes: { kind: event.data.kind, changeType: changeOf(event) },
        });
      }
    }
    return failures;
  }
}

/** Dead-letters straight into an embedded DLQ, with the reason as an attribute. */
export class EmbeddedDeadLetter implements DeadLetter {
  private readonly queue: EmbeddedQueue;
  constructor(queue: EmbeddedQueue) {
    this.queue = queue;
  }
  async send(body: string, reason: string, attributes: Record<string, string> = {}): Promise<void> {
    this.queue.send(body, { groupId: 'malformed', attributes: { ...attributes, reason } });
  }
}
