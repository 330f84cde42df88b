import { randomBytes } from 'node:crypto';
import { ApimClient } from '../apim/apim-client.ts';
import type { ApimExchange } from '../apim/http.ts';
import { DevSession } from '../local/dev-session.ts';
import { ManifestCluster } from '../local/manifest-cluster.ts';
import { silentLogger } from '../log/logger.ts';
import { loadManifests } from '../manifests/load-manifests.ts';

/** What APIM said about one resource when it was sent with `dryRun=true`. */
export interface DryRunEntry {
  resource: string;
  outcome: string;
  /** Severe errors: APIM would reject the resource (or it could not be checked). */
  severe: string[];
  warnings: string[];
  calls: Array<{ method: string; url: string; status?: number }>;
}

/** References settle quickly; APIM is real, so give it a few tries on network errors. */
const DRY_RUN_RETRY = { maxAttempts: 3, baseDelaySeconds: 0.05, maxDelaySeconds: 0.5 };

/**
 * Sends the real payloads of the manifests to the APIM of each ManagementContext with `dryRun=true`, through
 * the same pipeline as the functions (validation, admission checks, references, mapping), and reports APIM's
 * severe errors and warnings per resource. Nothing is created or changed in APIM.
 */
export async function dryRunManifests(paths: string[], timeoutMs = 60_000): Promise<DryRunEntry[]> {
  const calls = new Map<string, ApimExchange[]>();
  const cluster = new ManifestCluster({ logger: silentLogger });
  cluster.load(loadManifests(paths));
  const session = new DevSession({
    cluster: 'dry-run',
    clusterApi: cluster,
    logger: silentLogger,
    retry: DRY_RUN_RETRY,
    resyncIntervalMs: 0,
    sealingKey: randomBytes(32),
    dryRun: true,
    apimFactory: (target, record, resource) =>
      new ApimClient(target, {
        timeoutMs: 10_000,
        onExchange: (exchange) => {
          record(exchange);
          const key = `${resource.kind} ${resource.namespace}/${resource.name}`;
          calls.set(key, [...(calls.get(key) ?? []), exchange]);
        },
      }),
  });
  await session.start();
  await session.settle(timeoutMs);
  await session.stop();
  return [...session.functions.bus.latestByResource()].map(([resource, detail]) => ({
    resource,
    outcome: detail.outcome,
    severe: detail.failure ? [detail.failure.message] : detail.status.errors.severe,
    warnings: detail.status.errors.warning,
    calls: (calls.get(resource) ?? []).map(({ method, url, status }) => ({
      method,
      url,
      ...(status === undefined ? {} : { status }),
    })),
  }));
}

/** Human-readable report: one block per resource, severe errors and warnings listed. */
export function formatDryRun(entries: DryRunEntry[]): string {
  const lines: string[] = [];
  for (const entry of entries) {
    const verdict =
      entry.severe.length > 0 ? 'REJECTED' : entry.warnings.length > 0 ? 'OK with warnings' : 'OK';
    lines.push(`${entry.resource}: ${verdict}`);
    for (const call of entry.calls)
      lines.push(`  ${call.method} ${call.url}${call.status ? ` → ${call.status}` : ''}`);
    for (const message of entry.severe) lines.push(`  severe: ${message}`);
    for (const message of entry.warnings) lines.push(`  warning: ${message}`);
  }
  const rejected = entries.filter((e) => e.severe.length > 0).length;
  lines.push(`${entries.length} resources checked against APIM (dry run): ${rejected} rejected`);
  return lines.join('\n');
}

export async function runDryRun(
  paths: string[],
  output: 'json' | 'table',
  out: (line: string) => void,
): Promise<number> {
  const entries = await dryRunManifests(paths);
  out(output === 'json' ? JSON.stringify(entries, null, 2) : formatDryRun(entries));
  return entries.some((e) => e.severe.length > 0) ? 1 : 0;
}
