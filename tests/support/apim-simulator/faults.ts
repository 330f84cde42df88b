/** Statuses a test can inject to exercise client retries and error handling. */
export type InjectedStatus = 401 | 429 | 500 | 503;

/** Which requests an injected failure applies to. */
export interface FailureOptions {
  readonly status: InjectedStatus;
  /** Tested against the request pathname (mount prefix included); all paths when absent. */
  readonly path?: RegExp;
  /** HTTP method, case-insensitive; all methods when absent. */
  readonly method?: string;
  /** Sent as `Retry-After` (seconds), typically with 429 or 503. */
  readonly retryAfterSeconds?: number;
}

/** A string matches a pathname that equals it or ends with it, so tests need not repeat the mount prefix. */
export type PathMatcher = string | RegExp;

interface PendingFailure {
  remaining: number;
  readonly options: FailureOptions;
}

/** Failures, latency and hangs a test asked for. */
export class FaultPlan {
  private failures: PendingFailure[] = [];
  private hangs: PathMatcher[] = [];
  private latency = 0;

  /** Makes the next `count` matching requests fail with `options.status`. */
  failNext(count: number, options: FailureOptions): void {
    if (!Number.isInteger(count) || count < 1) {
      throw new RangeError(`failNext expects a positive integer, got ${count}`);
    }
    this.failures.push({ remaining: count, options });
  }

  /** Delays every response by `milliseconds`. */
  setLatency(milliseconds: number): void {
    if (!Number.isFinite(milliseconds) || milliseconds < 0) {
      throw new RangeError(`setLatency expects a non-negative number, got ${milliseconds}`);
    }
    this.latency = milliseconds;
  }

  /** Makes matching requests never receive a response. */
  hang(path: PathMatcher): void {
    this.hangs.push(path);
  }

  /** Current latency in milliseconds. */
  get latencyMs(): number {
    return this.latency;
  }

  /** True when a request to `pathname` must hang. */
  isHung(pathname: string): boolean {
    return this.hangs.some((matcher) => matches(matcher, pathname));
  }

  /** Consumes and returns the failure injected for this request, if any (first registered wins). */
  takeFailure(method: string, pathname: string): FailureOptions | undefined {
    const pending = this.failures.find(
      (failure) =>
        (failure.options.method === undefined || failure.options.method.toUpperCase() === method) &&
        (failure.options.path === undefined || failure.options.path.test(pathname)),
    );
    if (!pending) {
      return undefined;
    }
    pending.remaining -= 1;
    if (pending.remaining === 0) {
      this.failures = this.failures.filter((failure) => failure !== pending);
    }
    return pending.options;
  }

  /** Forgets every injected fault. */
  reset(): void {
    this.failures = [];
    this.hangs = [];
    this.latency = 0;
  }
}

function matches(matcher: PathMatcher, pathname: string): boolean {
  if (typeof matcher === 'string') {
    return pathname === matcher || pathname.endsWith(matcher);
  }
  // A global/sticky RegExp keeps `lastIndex` between calls; reset it so matching stays stateless.
  matcher.lastIndex = 0;
  return matcher.test(pathname);
}
