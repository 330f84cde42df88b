import type { CancelScheduled, Clock } from '../../../../lib/watcher/clock.ts';

interface Scheduled {
  at: number;
  order: number;
  callback: () => unknown;
}

/**
 * A {@link Clock} that moves only when a test says so. `advance` runs every callback that falls due, in
 * time order, and waits for the work each one returns (e.g. requests to a fake API server) before
 * running the next, so a test sees the state after all of it.
 */
export class ManualClock implements Clock {
  private current: number;
  private scheduled: Scheduled[] = [];
  private counter = 0;

  constructor(start = Date.parse('2026-03-01T08:00:00.000Z')) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  schedule(callback: () => unknown, delayMs: number): CancelScheduled {
    const entry: Scheduled = { at: this.current + Math.max(0, delayMs), order: this.counter++, callback };
    this.scheduled.push(entry);
    return () => {
      this.scheduled = this.scheduled.filter((s) => s !== entry);
    };
  }

  /** Callbacks waiting to run. */
  get pending(): number {
    return this.scheduled.length;
  }

  /** Moves time forward by `ms`, running (and awaiting) whatever falls due on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      const next = this.scheduled
        .filter((s) => s.at <= target)
        .sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!next) break;
      this.scheduled = this.scheduled.filter((s) => s !== next);
      this.current = next.at;
      await next.callback();
    }
    this.current = target;
  }

  /** Moves time forward in `stepMs` steps until `condition` holds; returns the time it took. */
  async advanceUntil(condition: () => boolean, stepMs: number, limitMs: number): Promise<number> {
    const start = this.current;
    while (!condition()) {
      if (this.current - start >= limitMs)
        throw new Error(`condition not met within ${limitMs} ms of clock time`);
      await this.advance(stepMs);
    }
    return this.current - start;
  }
}
