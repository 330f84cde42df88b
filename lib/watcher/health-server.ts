import { createServer, type Server } from 'node:http';

export interface HealthChecks {
  /** Process is alive and its loops are running. */
  live: () => boolean;
  /**
   * The replica counts as available: a leader whose watches are connected, or a standby waiting for the
   * Lease (ready too, so a rolling update does not stall on it).
   */
  ready: () => boolean;
  /** Extra fields shown on both endpoints (role, backlog, applied statuses). */
  details?: () => Record<string, unknown>;
}

/** `/healthz` (liveness) and `/readyz` (readiness) for the kubelet probes; 200 or 503 with a JSON body. */
export function startHealthServer(port: number, checks: HealthChecks, host = '0.0.0.0'): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const check =
      path === '/healthz' || path === '/livez' ? checks.live : path === '/readyz' ? checks.ready : undefined;
    if (!check) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    const ok = check();
    res
      .writeHead(ok ? 200 : 503, { 'content-type': 'application/json' })
      .end(JSON.stringify({ ok, ...(checks.details?.() ?? {}) }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
