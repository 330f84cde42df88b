/** Cancels a callback scheduled with {@link Clock.schedule}; calling it after the callback ran does nothing. */
export type CancelScheduled = () => void;

/**
 * Time as a component sees it: the current time and delayed callbacks. Injected so that timing logic
 * (leases, deadlines, retry periods) can be tested without waiting in real time.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /**
   * Runs `callback` once after `delayMs`. A promise it returns is the work it started: a test clock may
   * wait for it before moving time further.
   */
  schedule(callback: () => unknown, delayMs: number): CancelScheduled;
}

/** The real clock: `Date.now()` and `setTimeout`. */
export const systemClock: Clock = {
  now: () => Date.now(),
  schedule(callback, delayMs) {
    const timer = setTimeout(callback, delayMs);
    return () => clearTimeout(timer);
  },
};
