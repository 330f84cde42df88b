import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** A request read off the socket. */
export interface IncomingRequest {
  readonly method: string;
  readonly pathname: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
}

/** A response to write back. */
export interface OutgoingResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

/** Reads the whole request; bodies sent to APIM are small JSON documents. */
export async function readRequest(request: IncomingMessage): Promise<IncomingRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  // Prefixing the origin (rather than passing it as base) keeps a `//x` path from being read as a host.
  const url = new URL(`http://simulator.invalid${request.url ?? '/'}`);
  return {
    method: (request.method ?? 'GET').toUpperCase(),
    pathname: url.pathname,
    query: url.searchParams,
    headers: request.headers,
    rawBody: Buffer.concat(chunks).toString('utf8'),
  };
}

/** Writes a JSON response, or an empty one when there is no body (204). */
export function writeResponse(response: ServerResponse, outgoing: OutgoingResponse): void {
  const payload = outgoing.body === undefined ? undefined : JSON.stringify(outgoing.body);
  response.writeHead(outgoing.status, {
    ...outgoing.headers,
    ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
  });
  response.end(payload);
}
