import { join } from 'node:path';
import { type ManagedProcess, startManagedProcess } from '../support/managed-process.ts';
import { waitForUrl } from '../support/wait-for-url.ts';
import { StartFailure } from './start-failure.ts';

/** Where and how to run etcd. */
export interface EtcdOptions {
  binary: string;
  /** Holds the data dir and the log. */
  dir: string;
  clientPort: number;
  peerPort: number;
  readyTimeoutMs: number;
  log: (line: string) => void;
}

/** A healthy single-member etcd on loopback. */
export interface RunningEtcd {
  server: ManagedProcess;
  clientUrl: string;
  version: string;
}

/**
 * Starts a single-member etcd listening on loopback only, over plain HTTP (nothing else can reach it) and
 * without fsync (the data dir is thrown away), and waits until `/health` reports healthy.
 */
export async function startEtcd(options: EtcdOptions): Promise<RunningEtcd> {
  const { binary, dir, clientPort, peerPort, readyTimeoutMs, log } = options;
  const clientUrl = `http://127.0.0.1:${clientPort}`;
  const peerUrl = `http://127.0.0.1:${peerPort}`;
  const server = await startManagedProcess({
    name: 'etcd',
    command: binary,
    args: [
      '--name=gso-real-kube',
      `--data-dir=${join(dir, 'etcd-data')}`,
      `--listen-client-urls=${clientUrl}`,
      `--advertise-client-urls=${clientUrl}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=gso-real-kube=${peerUrl}`,
      '--initial-cluster-state=new',
      '--unsafe-no-fsync=true',
      '--log-level=warn',
    ],
    env: {},
    logFile: join(dir, 'etcd.log'),
  });
  try {
    await waitForUrl(`${clientUrl}/health`, {
      timeoutMs: readyTimeoutMs,
      isReady: (result) => result.status === 200 && /"health":\s*"true"/.test(result.body),
      onProgress: ({ elapsedMs, last }) =>
        log(`etcd not healthy yet (${Math.round(elapsedMs / 1000)}s): ${last}`),
      abortIf: () => StartFailure.ifExited(server),
    });
    const version = await waitForUrl(`${clientUrl}/version`, { timeoutMs: 5_000 });
    return { server, clientUrl, version: (JSON.parse(version.body) as { etcdserver: string }).etcdserver };
  } catch (error) {
    await server.stop();
    throw StartFailure.from(server, error);
  }
}
