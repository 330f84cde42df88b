import { KubeStatusError, makeStatus } from './kube-status.ts';

/** Which requests an injected fault applies to, and how it answers. */
export interface FaultSpec {
  /** HTTP status to answer with, e.g. 500, 503, 429, 504. */
  status: number;
  /** Only requests with one of these methods (any method when omitted). */
  methods?: readonly string[];
  /** Only requests whose path starts with this (any path when omitted). */
  pathPrefix?: string;
  /** Overrides the default Status message. */
  message?: string;
  /** For 429/503: sent as `Retry-After` and `details.retryAfterSeconds`. */
  retryAfterSeconds?: number;
}

interface PendingFault {
  remaining: number;
  spec: FaultSpec;
}

/** The Status the real server sends for these codes (reason and default message). */
function statusFor(spec: FaultSpec): KubeStatusError {
  const retry = spec.retryAfterSeconds ? { retryAfterSeconds: spec.retryAfterSeconds } : undefined;
  const known: Record<number, [string, string]> = {
    429: ['TooManyRequests', 'Too many requests, please try again later.'],
    500: ['InternalError', 'Internal error occurred: injected fault'],
    503: ['ServiceUnavailable', 'the server is currently unable to handle the request'],
    504: ['Timeout', 'Timeout: request did not complete within the allotted timeout'],
  };
  const [reason, message] = known[spec.status] ?? ['Unknown', `injected fault (HTTP ${spec.status})`];
  return new KubeStatusError(
    makeStatus({
      code: spec.status,
      reason,
      message: spec.message ?? message,
      ...(retry ? { details: retry } : {}),
    }),
  );
}

/** Queue of "fail the next N matching requests" rules, consumed in the order they were added. */
export class FaultInjector {
  readonly #pending: PendingFault[] = [];

  /** Makes the next `count` requests matching `spec` fail with `spec.status`. */
  add(count: number, spec: FaultSpec): void {
    if (count > 0) this.#pending.push({ remaining: count, spec });
  }

  /** The error to answer this request with, consuming one use of the first matching rule. */
  take(method: string, path: string): { error: KubeStatusError; retryAfterSeconds?: number } | undefined {
    const index = this.#pending.findIndex(
      ({ spec }) =>
        (!spec.methods || spec.methods.some((m) => m.toUpperCase() === method)) &&
        (!spec.pathPrefix || path.startsWith(spec.pathPrefix)),
    );
    const fault = this.#pending[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.#pending.splice(index, 1);
    return {
      error: statusFor(fault.spec),
      ...(fault.spec.retryAfterSeconds ? { retryAfterSeconds: fault.spec.retryAfterSeconds } : {}),
    };
  }

  /** Drops every pending fault. */
  clear(): void {
    this.#pending.length = 0;
  }
}
