import { setTimeout as sleep } from 'node:timers/promises';

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Delay before resending after failed attempt `attempt` (1-based): exponential, capped, with "equal
 * jitter" (half fixed, half random) so the delay still grows while concurrent senders spread out.
 *
 * @example backoffDelayMs(3, { baseDelayMs: 100, maxDelayMs: 2000 }) // between 200 and 400
 */
export function backoffDelayMs(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Waits the back-off delay for `attempt`.
 *
 * @example await backoff(1, { baseDelayMs: 100, maxDelayMs: 2000 });
 */
export async function backoff(attempt: number, options: BackoffOptions): Promise<void> {
  const delay = backoffDelayMs(attempt, options);
  if (delay > 0) await sleep(delay);
}
