import { type HttpProbeOptions, type HttpProbeResult, probeUrl } from './http-probe.ts';

/** Reported while waiting, so long starts are visibly alive. */
export interface WaitProgress {
  url: string;
  elapsedMs: number;
  attempts: number;
  /** Status line or error of the latest attempt. */
  last: string;
}

/** How long and how to wait. */
export interface WaitForUrlOptions extends HttpProbeOptions {
  timeoutMs: number;
  /** Pause between attempts; 250 ms unless told. */
  intervalMs?: number;
  /** What counts as ready; any 2xx unless told. */
  isReady?: (result: HttpProbeResult) => boolean;
  /** How a not-ready answer reads in progress and timeout messages; status and body start unless told. */
  describe?: (result: HttpProbeResult) => string;
  /** Called at most every `progressEveryMs` (5 s unless told) while not ready. */
  onProgress?: (progress: WaitProgress) => void;
  progressEveryMs?: number;
  /**
   * Checked before every attempt: a returned error ends the wait at once (e.g. "the server process
   * exited"), instead of polling a dead port until the timeout.
   */
  abortIf?: () => Error | undefined;
}

/** Thrown when the URL did not become ready in time. */
export class WaitForUrlTimeoutError extends Error {
  override readonly name = 'WaitForUrlTimeoutError';
}

/** Polls a URL until it answers as ready and returns that answer. */
export async function waitForUrl(url: string | URL, options: WaitForUrlOptions): Promise<HttpProbeResult> {
  const {
    timeoutMs,
    intervalMs = 250,
    isReady = (result) => result.status >= 200 && result.status < 300,
    describe = (result) => `HTTP ${result.status} ${result.body.slice(0, 200).trim()}`,
    onProgress,
    progressEveryMs = 5_000,
    abortIf,
    ...probeOptions
  } = options;
  const started = Date.now();
  let attempts = 0;
  let last = 'no attempt yet';
  let lastReport = started;
  for (;;) {
    const aborted = abortIf?.();
    if (aborted) throw aborted;
    attempts++;
    try {
      const result = await probeUrl(url, probeOptions);
      if (isReady(result)) return result;
      last = describe(result);
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    const now = Date.now();
    if (now - started >= timeoutMs) {
      throw new WaitForUrlTimeoutError(
        `${url} not ready after ${timeoutMs} ms (${attempts} attempts): ${last}`,
      );
    }
    if (onProgress && now - lastReport >= progressEveryMs) {
      lastReport = now;
      onProgress({ url: String(url), elapsedMs: now - started, attempts, last });
    }
    await new Promise((resolveDelay) => setTimeout(resolveDelay, intervalMs));
  }
}
