/** Sends a record that can never be processed straight to the dead-letter queue, with the reason. */
export interface DeadLetter {
  send(body: string, reason: string, attributes?: Record<string, string>): Promise<void>;
}
