import { join } from 'node:path';
import type { HttpProbeResult } from '../support/http-probe.ts';
import { type ManagedProcess, startManagedProcess } from '../support/managed-process.ts';
import { waitForUrl } from '../support/wait-for-url.ts';
import type { KubePki } from './pki.ts';
import { StartFailure } from './start-failure.ts';

/** The range Services get their cluster IPs from; its first address names the `kubernetes` Service. */
export const SERVICE_CLUSTER_IP_RANGE = '10.96.0.0/24';
export const KUBERNETES_SERVICE_IP = '10.96.0.1';

/** What `/version` answers. */
export interface KubeVersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  goVersion: string;
  platform: string;
}

/** Where and how to run kube-apiserver. */
export interface KubeApiserverOptions {
  binary: string;
  /** Holds the log; certificates and the token file are referenced by path. */
  dir: string;
  port: number;
  etcdUrl: string;
  pki: KubePki;
  tokenFile: string;
  /** Token of a system:masters user, to probe /readyz and /version. */
  adminToken: string;
  readyTimeoutMs: number;
  log: (line: string) => void;
}

/** A ready kube-apiserver. */
export interface RunningKubeApiserver {
  server: ManagedProcess;
  url: string;
  version: KubeVersionInfo;
}

/** The failing checks of a /readyz answer ("[-]poststarthook/rbac/bootstrap-roles failed: ..."). */
function failingChecks(result: HttpProbeResult): string {
  const failing = result.body
    .split('\n')
    .filter((line) => line.startsWith('[-]'))
    .map((line) => line.slice(3).replace(/ failed: reason withheld$/, ''));
  return failing.length > 0 ? `waiting for ${failing.join(', ')}` : `HTTP ${result.status}`;
}

/**
 * Starts kube-apiserver on loopback with what an API server needs when no controller manager, scheduler
 * or kubelet runs: TLS from the throwaway PKI, static-token authentication, RBAC authorization, a
 * service-account issuer and keys (so the ServiceAccount admission and token APIs work), and a Service IP
 * range. Waits until `/readyz` passes, reporting the checks still failing while it waits.
 */
export async function startKubeApiserver(options: KubeApiserverOptions): Promise<RunningKubeApiserver> {
  const { binary, dir, port, etcdUrl, pki, tokenFile, adminToken, readyTimeoutMs, log } = options;
  const url = `https://127.0.0.1:${port}`;
  const server = await startManagedProcess({
    name: 'kube-apiserver',
    command: binary,
    args: [
      `--etcd-servers=${etcdUrl}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      `--secure-port=${port}`,
      `--cert-dir=${dir}`,
      `--tls-cert-file=${pki.serverCert}`,
      `--tls-private-key-file=${pki.serverKey}`,
      `--client-ca-file=${pki.caCert}`,
      `--token-auth-file=${tokenFile}`,
      '--authorization-mode=RBAC',
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      `--service-account-key-file=${pki.serviceAccountPublicKey}`,
      `--service-account-signing-key-file=${pki.serviceAccountKey}`,
      `--service-cluster-ip-range=${SERVICE_CLUSTER_IP_RANGE}`,
      // The reconciler would publish the advertise address as the `kubernetes` Service endpoint, which the
      // API rejects for loopback addresses (an error every few seconds); nothing here needs that endpoint.
      '--endpoint-reconciler-type=none',
      // Nothing else ever serves this cluster: no peers to wait for during shutdown.
      '--shutdown-delay-duration=0s',
      '--profiling=false',
      '--v=1',
    ],
    env: {},
    logFile: join(dir, 'kube-apiserver.log'),
    stopGraceMs: 15_000,
  });
  const auth = { ca: pki.caPem, headers: { Authorization: `Bearer ${adminToken}` } };
  try {
    await waitForUrl(`${url}/readyz`, {
      ...auth,
      timeoutMs: readyTimeoutMs,
      intervalMs: 200,
      onProgress: ({ elapsedMs, last }) =>
        log(`kube-apiserver not ready yet (${Math.round(elapsedMs / 1000)}s): ${last}`),
      isReady: (result) => result.status === 200,
      describe: failingChecks,
      abortIf: () => StartFailure.ifExited(server),
    });
    const version = await waitForUrl(`${url}/version`, { ...auth, timeoutMs: 5_000 });
    return { server, url, version: JSON.parse(version.body) as KubeVersionInfo };
  } catch (error) {
    await server.stop();
    throw StartFailure.from(server, error);
  }
}
