import { randomBytes } from 'node:crypto';
import type { PlannedCall } from '../apim/planning-apim.ts';
import { DevSession } from '../local/dev-session.ts';
import { ManifestCluster } from '../local/manifest-cluster.ts';
import { reachabilityAwareApim } from '../local/reachability.ts';
import { silentLogger } from '../log/logger.ts';
import { loadManifests } from '../manifests/load-manifests.ts';

/** What `gso plan` reports per resource. */
export interface PlanEntry {
  resource: string;
  calls: PlannedCall[];
  outcome: string;
  message: string;
}

/** Fast retries: planning has no APIM to wait for, only references to settle. */
const PLANNING_RETRY = { maxAttempts: 3, baseDelaySeconds: 0.02, maxDelaySeconds: 0.1 };

/**
 * Runs the manifests through the real pipeline (watcher, sealing, queues, sync logic) with an APIM planner
 * that sends nothing, and reports per resource the APIM calls that would be made and the resulting status.
 */
export async function planManifests(paths: string[]): Promise<PlanEntry[]> {
  const planned: PlannedCall[] = [];
  const cluster = new ManifestCluster({ logger: silentLogger });
  cluster.load(loadManifests(paths));
  const session = new DevSession({
    cluster: 'plan',
    clusterApi: cluster,
    logger: silentLogger,
    retry: PLANNING_RETRY,
    resyncIntervalMs: 0,
    sealingKey: randomBytes(32),
    apimFactory: reachabilityAwareApim(silentLogger, { timeoutMs: 1, ttlMs: 0, planned, mode: 'offline' }),
  });
  await session.start();
  await session.settle(30_000);
  await session.stop();
  return [...session.functions.bus.latestByResource()].map(([resource, detail]) => {
    const accepted = detail.status.conditions.find((c) => c.type === 'Accepted');
    return {
      resource,
      calls: planned.filter((c) => c.resource === resource).map(({ resource: _r, ...call }) => call),
      outcome: detail.outcome,
      message: detail.failure?.message ?? accepted?.message ?? '',
    };
  });
}

export function formatPlanTable(entries: PlanEntry[]): string {
  const rows: string[][] = [['RESOURCE', 'APIM CALL', 'OUTCOME']];
  for (const e of entries) {
    const calls = e.calls.length ? e.calls.map((c) => `${c.method} ${c.url}`) : ['(none)'];
    calls.forEach((call, i) => {
      rows.push([
        i === 0 ? e.resource : '',
        call,
        i === 0 ? `${e.outcome}${e.outcome === 'Synced' ? '' : `: ${e.message}`}` : '',
      ]);
    });
  }
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length))) ?? [];
  return rows
    .map((r) => r.map((cell, col) => (col < r.length - 1 ? cell.padEnd(widths[col] ?? 0) : cell)).join('  '))
    .join('\n');
}

export async function runPlan(
  paths: string[],
  output: 'json' | 'table',
  out: (line: string) => void,
): Promise<number> {
  const entries = await planManifests(paths);
  out(output === 'json' ? JSON.stringify(entries, null, 2) : formatPlanTable(entries));
  return entries.some((e) => e.outcome !== 'Synced') ? 2 : 0;
}
