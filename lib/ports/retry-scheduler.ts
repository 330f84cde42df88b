/** Postpones the next delivery of a failed message (SQS: its visibility timeout). */
export interface RetryScheduler {
  postpone(receiptHandle: string, seconds: number): Promise<void>;
}
