/**
 * Classification of errors thrown by AWS SDK v3 `send()` after its own retries, for adapters that must
 * tell the caller whether sending again can help.
 */

// Service errors that mean "slow down" although AWS labels them client faults.
const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'KmsThrottled',
  'LimitExceededException',
]);

/**
 * The error's code (`name` for SDK service exceptions), or `UnknownError`.
 *
 * @example errorCode(new QueueDoesNotExist({ message: '…', $metadata: {} })) // 'QueueDoesNotExist'
 */
export function errorCode(error: unknown): string {
  return error instanceof Error && error.name ? error.name : 'UnknownError';
}

/** The error's message, for reports. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * True when the service rejected the request itself (a client fault that is not throttling): sending the
 * same request again cannot succeed. Network errors, timeouts and server faults are transient.
 *
 * @example isPermanentSdkError(invalidParameterValueError) // true
 */
export function isPermanentSdkError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const fault = Reflect.get(error, '$fault');
  const retryable = Reflect.get(error, '$retryable');
  return fault === 'client' && retryable === undefined && !THROTTLING.has(errorCode(error));
}
