import { existsSync, watch } from 'node:fs';
import { KubeConfig, VersionApi } from '@kubernetes/client-node';
import type { PlannedCall } from '../apim/planning-apim.ts';
import { ClientNodeCluster } from '../kube/client-node-cluster.ts';
import { DevSession } from '../local/dev-session.ts';
import { ManifestCluster } from '../local/manifest-cluster.ts';
import { reachabilityAwareApim } from '../local/reachability.ts';
import { JsonLogger, type LogLevel } from '../log/logger.ts';
import { loadManifests } from '../manifests/load-manifests.ts';
import type { ClusterApi } from '../ports/cluster.ts';

export interface DevOptions {
  manifests?: string;
  cluster: string;
  namespaces: string[];
  offline: boolean;
  once: boolean;
  logLevel: LogLevel;
}

/** True when the current kubeconfig names a cluster that answers `/version` within two seconds. */
async function reachableKubeConfig(): Promise<KubeConfig | undefined> {
  const kc = new KubeConfig();
  try {
    kc.loadFromDefault();
    const server = kc.getCurrentCluster()?.server;
    if (!server) return undefined;
    await Promise.race([
      kc.makeApiClient(VersionApi).getCode(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
    ]);
    return kc;
  } catch {
    return undefined;
  }
}

/**
 * `gso dev`: the whole loop in this process. Uses the cluster of the current kubeconfig when it answers,
 * otherwise the manifest directory (re-read on every change). With no APIM reachable, logs the requests it
 * would send instead, and the status shows what would be written.
 */
export async function runDev(options: DevOptions, out: (line: string) => void): Promise<number> {
  const logger = new JsonLogger({ service: 'gso-dev', level: options.logLevel });
  let clusterApi: ClusterApi;
  let manifests: ManifestCluster | undefined;
  const dir = options.manifests ?? 'manifests';
  const kubeConfig = options.manifests ? undefined : await reachableKubeConfig();
  if (kubeConfig) {
    clusterApi = new ClientNodeCluster(kubeConfig);
    out(
      `gso dev: watching cluster ${kubeConfig.getCurrentCluster()?.server} (context ${kubeConfig.getCurrentContext()})`,
    );
  } else {
    if (!existsSync(dir)) {
      out(`gso dev: no reachable cluster in the current kubeconfig and no manifest directory "${dir}".`);
      out('Point --manifests at a directory of gravitee.io manifests, or set a kubeconfig context.');
      return 2;
    }
    manifests = new ManifestCluster({ logger });
    manifests.load(loadManifests([dir]));
    clusterApi = manifests;
    out(
      `gso dev: no reachable cluster; using the manifests in ${dir}${options.once ? '' : ' (watched for changes)'}`,
    );
  }
  const planned: PlannedCall[] = [];
  const session = new DevSession({
    cluster: options.cluster,
    clusterApi,
    logger,
    namespaces: options.namespaces,
    apimFactory: reachabilityAwareApim(logger, {
      timeoutMs: 1500,
      ttlMs: 30_000,
      planned,
      mode: options.offline ? 'offline' : 'auto',
    }),
  });
  await session.start();
  const report = async () => {
    await session.settle(30_000);
    out(summary(session));
  };
  if (options.once) {
    await report();
    await session.stop();
    return 0;
  }
  await report();
  let reload: NodeJS.Timeout | undefined;
  // Editors write files in bursts: reload once the directory has been quiet for a moment.
  const watcher = manifests
    ? watch(dir, { recursive: true }, () => {
        clearTimeout(reload);
        reload = setTimeout(() => {
          try {
            manifests?.load(loadManifests([dir]));
            void report();
          } catch (error) {
            out(`gso dev: ${(error as Error).message}`);
          }
        }, 200);
      })
    : undefined;
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  watcher?.close();
  await session.stop();
  return 0;
}

/** One line per resource: what the loop last said about it. */
export function summary(session: DevSession): string {
  const lines = ['— status —'];
  for (const [resource, d] of session.functions.bus.latestByResource()) {
    const accepted = d.status.conditions.find((c) => c.type === 'Accepted');
    const calls = d.apim
      .map((c) => `${c.method} ${c.url}${c.status ? ` → ${c.status}` : ' (planned, not sent)'}`)
      .join(', ');
    lines.push(
      `${resource}: ${d.outcome} gen ${d.generation} — ${d.failure?.message ?? accepted?.message ?? ''}${calls ? ` [${calls}]` : ''}`,
    );
  }
  return lines.join('\n');
}
