/** Retry policy of recoverable failures: exponential back-off through the queue, then the DLQ. */
export interface RetryPolicy {
  /** Deliveries before the queue moves the message to the DLQ (the redrive `maxReceiveCount`). */
  maxAttempts: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

export const retryPolicyDefaults: RetryPolicy = { maxAttempts: 8, baseDelaySeconds: 5, maxDelaySeconds: 900 };

/**
 * Seconds to wait before delivery `attempt + 1`: base × 2^(attempt-1), capped (SQS allows 12 h; we cap lower
 * so a recovered APIM is noticed soon).
 *
 * @example backoffSeconds(3, retryPolicyDefaults) // 20
 */
export function backoffSeconds(attempt: number, policy: RetryPolicy): number {
  const exp = policy.baseDelaySeconds * 2 ** Math.max(0, attempt - 1);
  // Whole seconds for SQS; sub-second policies (local planning) keep their fraction.
  const delay = exp >= 1 ? Math.round(exp) : exp;
  return Math.min(delay, policy.maxDelaySeconds);
}
