/** A message received from a queue, with what is needed to acknowledge or postpone it. */
export interface InboundMessage {
  messageId: string;
  body: string;
  receiptHandle: string;
  /** Delivery attempt, 1 for the first (SQS `ApproximateReceiveCount`). */
  attempt: number;
}

/** A queue the cluster side consumes (the status queue): long-poll receive, ack, postpone. */
export interface MessageSource {
  /** Waits up to `waitSeconds` for up to `max` messages; resolves early with [] when `signal` aborts. */
  receive(max: number, waitSeconds: number, signal?: AbortSignal): Promise<InboundMessage[]>;
  ack(message: InboundMessage): Promise<void>;
  postpone(message: InboundMessage, seconds: number): Promise<void>;
}
