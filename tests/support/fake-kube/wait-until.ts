import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `condition` every few milliseconds until it holds; rejects after `timeoutMs` with
 * `description`, so a hanging asynchronous expectation fails fast with a readable message.
 */
export async function waitUntil(
  condition: () => boolean,
  description: string,
  timeoutMs = 2000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting until ${description}`);
    await sleep(5);
  }
}
