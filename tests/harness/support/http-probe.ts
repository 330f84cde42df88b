import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** One HTTP(S) response: status and body text. */
export interface HttpProbeResult {
  status: number;
  body: string;
}

/** How to reach the URL. */
export interface HttpProbeOptions {
  /** PEM of the CA that signed the server certificate (self-signed test servers). */
  ca?: string | Buffer;
  headers?: Record<string, string>;
  /** Gives up on this single request after this long; 2 s unless told. */
  timeoutMs?: number;
}

/**
 * A single GET with node:http(s), so a private CA can be trusted per request (the global `fetch` has no
 * per-call CA option). Rejects on connection errors and timeouts; any HTTP status resolves.
 */
export function probeUrl(url: string | URL, options: HttpProbeOptions = {}): Promise<HttpProbeResult> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const { ca, headers = {}, timeoutMs = 2_000 } = options;
  return new Promise((resolveProbe, reject) => {
    const req = request(
      target,
      { method: 'GET', headers, ...(ca !== undefined ? { ca } : {}), agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolveProbe({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}
