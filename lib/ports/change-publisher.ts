import type { ChangeEvent } from '../events/change-event.ts';

/** Why one change event could not be published; the caller decides whether to retry or report it. */
export interface PublishFailure {
  event: ChangeEvent;
  code: string;
  message: string;
  /** True when sending again cannot help (message too large, invalid) — report it on the resource. */
  permanent: boolean;
}

/**
 * Sends change events to the queue of their kind (SQS FIFO in AWS, the embedded queue locally).
 * Resolves with the events that were NOT accepted; an empty array means all were sent.
 */
export interface ChangePublisher {
  publish(events: ChangeEvent[]): Promise<PublishFailure[]>;
}
