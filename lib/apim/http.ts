import { RecoverableError, TerminalError } from '../errors/sync-errors.ts';
import type { ApimAuth } from './target.ts';

/** One HTTP exchange with APIM, as recorded in status events (never with credentials). */
export interface ApimExchange {
  method: 'GET' | 'PUT' | 'DELETE';
  url: string;
  status?: number;
  wrote: boolean;
}

export interface ApimHttpOptions {
  /** Per-request timeout; APIM answering slower is a recoverable failure. */
  timeoutMs: number;
  /** Injected for tests; defaults to the global fetch. */
  fetch: typeof fetch;
  /** Called for every exchange, e.g. to report it in the status event. */
  onExchange?: (exchange: ApimExchange) => void;
}

export const apimHttpDefaults: ApimHttpOptions = { timeoutMs: 10_000, fetch: globalThis.fetch };

/** An APIM answer the caller may need to inspect (404 on delete counts as done). */
export class ApimHttpError extends Error {
  override readonly name = 'ApimHttpError';
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function authorization(auth: ApimAuth | undefined): Record<string, string> {
  if (!auth) return {};
  if (auth.type === 'bearer') return { authorization: `Bearer ${auth.token}` };
  return { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
}

/** Reads APIM's error message out of its JSON error body, if any. */
function apimMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; errors?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.slice(0, 300);
}

/**
 * Sends one request to APIM and classifies failures: 400/401/403 and other 4xx are terminal (the same
 * request will fail again), 404 surfaces as {@link ApimHttpError} for the caller to interpret, and
 * 408/429/5xx, network errors and timeouts are recoverable.
 */
export async function apimRequest(
  method: ApimExchange['method'],
  url: string,
  auth: ApimAuth | undefined,
  body: unknown,
  options: ApimHttpOptions,
): Promise<{ status: number; json: unknown }> {
  const endpoint = `${method} ${url.replace(/\?.*$/, '')}`;
  const writes = method !== 'GET' && !url.includes('dryRun=true');
  let response: Response;
  try {
    response = await options.fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...authorization(auth),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    options.onExchange?.({ method, url, wrote: false });
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const reason = timedOut ? `no answer within ${options.timeoutMs} ms` : describeNetworkError(error);
    throw new RecoverableError(timedOut ? 'ApimTimeout' : 'ApimUnreachable', `APIM ${endpoint}: ${reason}`, {
      cause: error,
    });
  }
  const text = await response.text();
  options.onExchange?.({ method, url, status: response.status, wrote: writes && response.ok });
  if (response.ok) return { status: response.status, json: text ? JSON.parse(text) : undefined };

  const detail = `APIM ${endpoint} answered ${response.status}${text ? `: ${apimMessage(text)}` : ''}`;
  const status = response.status;
  if (status === 404) throw new ApimHttpError(status, detail);
  if (status === 401)
    throw new TerminalError('ApimUnauthorized', `${detail} (check the context credentials)`);
  if (status === 403)
    throw new TerminalError('ApimForbidden', `${detail} (the credentials lack a permission)`);
  if (status === 408 || status === 429 || status >= 500) {
    throw new RecoverableError(status === 429 ? 'ApimThrottled' : 'ApimUnavailable', detail);
  }
  throw new TerminalError(status === 400 ? 'ApimRejected' : 'ApimClientError', detail);
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause?.code ? `${cause.code} ${cause.message ?? ''}`.trim() : error.message;
}
