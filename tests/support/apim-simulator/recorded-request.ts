import type { IncomingHttpHeaders } from 'node:http';
import { authScheme } from './auth.ts';

/** A request as the simulator received it, with secrets removed. */
export interface RecordedRequest {
  readonly method: string;
  /** Pathname as received (mount prefix included), without the query string. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-cased headers; `authorization` holds only the scheme (`Bearer`, `Basic`), cookies are dropped. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON body, the raw text when it is not JSON, or `undefined` when empty. */
  readonly body: unknown;
  /** The operation it was routed to, when the specs describe it. */
  operationId?: string;
  /** Status answered; absent while pending or when the request was made to hang. */
  status?: number;
  /** True when the request changed what the simulated APIM stores. */
  changedState: boolean;
}

const SECRET_HEADERS = new Set(['cookie', 'proxy-authorization']);

/** Copies headers for recording, keeping only the scheme of `Authorization`. */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || SECRET_HEADERS.has(name)) {
      continue;
    }
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (name === 'authorization') {
      const scheme = authScheme(text);
      if (scheme) {
        redacted[name] = scheme;
      }
      continue;
    }
    redacted[name] = text;
  }
  return redacted;
}

/** Parses a body for recording: JSON when possible, otherwise the raw text. */
export function recordedBody(rawBody: string): unknown {
  if (rawBody.length === 0) {
    return undefined;
  }
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return rawBody;
  }
}
