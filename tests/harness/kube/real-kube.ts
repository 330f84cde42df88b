import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { freeLoopbackPorts } from '../support/free-port.ts';
import { repoRoot } from '../support/repo-root.ts';
import { KUBERNETES_SERVICE_IP, type KubeVersionInfo, startKubeApiserver } from './apiserver-process.ts';
import { type InstalledCrd, installCrds, readCrdManifests } from './crd-install.ts';
import { type RunningEtcd, startEtcd } from './etcd-process.ts';
import { createIdentities, type KubeUser, staticTokenFile, WATCHER_NAMESPACE } from './identities.ts';
import { ensureKubeBinaries } from './kube-binaries-build.ts';
import { writeKubeconfigFile } from './kubeconfig-file.ts';
import { generateKubePki } from './pki.ts';
import { StartFailure } from './start-failure.ts';

export type { KubeVersionInfo } from './apiserver-process.ts';
export type { KubeUser } from './identities.ts';

/** How to start the cluster. */
export interface RealKubeOptions {
  /** Build the binaries when they are not cached (many minutes the first time); true unless told. */
  build?: boolean;
  /** Receives progress lines; written to stderr with a `real-kube:` prefix unless told. */
  log?: (line: string) => void;
  /** Budget for etcd health and kube-apiserver readiness, each; 180 s unless told. */
  readyTimeoutMs?: number;
  /** Directory whose CRD manifests get installed; `<repo>/infra/crds` unless told. */
  crdDir?: string;
  /** Keep the temporary directory (certificates, logs, etcd data) after stop(), for debugging. */
  keepTempDir?: boolean;
}

/** How long each phase of the start took, in milliseconds. */
export interface RealKubeTimings {
  pki: number;
  etcd: number;
  apiserver: number;
  crds: number;
  total: number;
}

/** A running etcd + kube-apiserver pair with the project's CRDs installed. */
export interface RealKube {
  /** `https://127.0.0.1:<port>` */
  readonly server: string;
  /** What `/version` answered. */
  readonly version: KubeVersionInfo;
  readonly etcdVersion: string;
  /** kubeconfig with contexts `admin` (current) and `watcher`. */
  readonly kubeconfigPath: string;
  /** PEM of the CA that signed the serving certificate. */
  readonly caPem: string;
  /** Bearer tokens by user, for raw HTTP calls. */
  readonly tokens: Readonly<Record<KubeUser, string>>;
  readonly crds: readonly InstalledCrd[];
  /** Temporary directory with certificates, the token file, logs and etcd data. */
  readonly tempDir: string;
  readonly pids: Readonly<{ etcd: number; apiserver: number }>;
  readonly ports: Readonly<{ etcdClient: number; etcdPeer: number; apiserver: number }>;
  readonly timings: RealKubeTimings;
  /** A fresh client-node KubeConfig for one of the users (the kubeconfig file's content, that context). */
  kubeConfig(user: KubeUser): KubeConfig;
  /**
   * SIGTERM to kube-apiserver, then etcd, each waited for (SIGKILL after a grace period), then removes the
   * temporary directory. Idempotent.
   */
  stop(): Promise<void>;
}

/** Thrown when the cluster cannot be started; the message carries the failing server's log tail. */
export class RealKubeError extends Error {
  override readonly name = 'RealKubeError';
}

const PORT_ATTEMPTS = 3;
const defaultLog = (line: string) => process.stderr.write(`real-kube: ${line}\n`);

/**
 * Starts a real single-node control plane for tests: etcd and kube-apiserver (built from published Go
 * modules, see build.sh) on free loopback ports, with a throwaway PKI, static-token users `admin`
 * (system:masters) and `watcher` (the watcher's service account, with no RBAC bindings), RBAC on, the CRDs
 * of infra/crds established, and the namespace gravitee-serverless-operator created.
 * Nothing outlives the Node process: children are killed and the temp dir removed on exit.
 *
 * @example
 * let kube: RealKube;
 * before(async () => { kube = await startRealKube(); });
 * after(() => kube.stop());
 */
export async function startRealKube(options: RealKubeOptions = {}): Promise<RealKube> {
  const log = options.log ?? defaultLog;
  const readyTimeoutMs = options.readyTimeoutMs ?? 180_000;
  const keepTempDir = options.keepTempDir ?? false;
  const crds = readCrdManifests(options.crdDir ?? join(repoRoot, 'infra', 'crds'));
  const binaries = await ensureKubeBinaries({ build: options.build ?? true, log });

  const started = Date.now();
  const tempDir = mkdtempSync(join(tmpdir(), 'gso-real-kube-'));
  // Children are killed by their own exit hooks; this one only sweeps the files they leave.
  const removeTempDir = () => {
    if (!keepTempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  process.on('exit', removeTempDir);
  const cleanUpAfterFailure = async (...servers: Array<{ stop(): Promise<unknown> } | undefined>) => {
    for (const server of servers) await server?.stop();
    process.off('exit', removeTempDir);
    removeTempDir();
  };

  const pki = await generateKubePki(tempDir, {
    ips: ['127.0.0.1', KUBERNETES_SERVICE_IP],
    dnsNames: [
      'localhost',
      'kubernetes',
      'kubernetes.default',
      'kubernetes.default.svc',
      'kubernetes.default.svc.cluster.local',
    ],
  }).catch(async (error: unknown) => {
    await cleanUpAfterFailure();
    throw new RealKubeError('generating certificates failed', { cause: error });
  });
  const pkiDone = Date.now();
  const identities = createIdentities();
  const tokenFile = join(tempDir, 'tokens.csv');
  writeFileSync(tokenFile, staticTokenFile(Object.values(identities)), { mode: 0o600 });

  // Free ports are only free until someone binds them: on "address already in use", start over.
  let etcd: RunningEtcd | undefined;
  let apiserver: Awaited<ReturnType<typeof startKubeApiserver>> | undefined;
  let ports = { etcdClient: 0, etcdPeer: 0, apiserver: 0 };
  let etcdReady = 0;
  for (let attempt = 1; apiserver === undefined; attempt++) {
    const [etcdClient = 0, etcdPeer = 0, apiserverPort = 0] = await freeLoopbackPorts(3);
    ports = { etcdClient, etcdPeer, apiserver: apiserverPort };
    try {
      const etcdStart = Date.now();
      log(`starting etcd ${binaries.versions.etcd} on 127.0.0.1:${etcdClient}`);
      etcd = await startEtcd({
        binary: binaries.etcd,
        dir: tempDir,
        clientPort: etcdClient,
        peerPort: etcdPeer,
        readyTimeoutMs,
        log,
      });
      etcdReady = Date.now();
      log(
        `etcd healthy after ${etcdReady - etcdStart} ms; starting kube-apiserver ${binaries.versions.kubernetes} on 127.0.0.1:${apiserverPort}`,
      );
      apiserver = await startKubeApiserver({
        binary: binaries.kubeApiserver,
        dir: tempDir,
        port: apiserverPort,
        etcdUrl: etcd.clientUrl,
        pki,
        tokenFile,
        adminToken: identities.admin.token,
        readyTimeoutMs,
        log,
      });
    } catch (error) {
      await etcd?.server.stop();
      etcd = undefined;
      if (error instanceof StartFailure && error.addressInUse && attempt < PORT_ATTEMPTS) {
        log(`${error.message.split('\n')[0]}: port taken, retrying on other ports`);
        rmSync(join(tempDir, 'etcd-data'), { recursive: true, force: true });
        continue;
      }
      await cleanUpAfterFailure();
      throw new RealKubeError(error instanceof Error ? error.message : String(error), { cause: error });
    }
  }
  const runningEtcd = etcd as RunningEtcd;
  const apiserverReady = Date.now();
  log(`kube-apiserver ${apiserver.version.gitVersion} ready after ${apiserverReady - etcdReady} ms`);

  const kubeconfigPath = join(tempDir, 'kubeconfig');
  writeKubeconfigFile(kubeconfigPath, { server: apiserver.url, caPem: pki.caPem }, identities);
  // Kept in memory: configs stay usable after stop() removed the file (e.g. to assert connections fail).
  const kubeconfigText = readFileSync(kubeconfigPath, 'utf8');
  const kubeConfig = (user: KubeUser) => {
    const config = new KubeConfig();
    config.loadFromString(kubeconfigText);
    config.setCurrentContext(user);
    return config;
  };

  let installed: InstalledCrd[];
  try {
    installed = await installCrds(kubeConfig('admin'), crds, readyTimeoutMs);
    await kubeConfig('admin')
      .makeApiClient(CoreV1Api)
      .createNamespace({ body: { metadata: { name: WATCHER_NAMESPACE } } });
  } catch (error) {
    await cleanUpAfterFailure(apiserver.server, runningEtcd.server);
    throw new RealKubeError(
      `preparing the cluster failed: ${error instanceof Error ? error.message : error}`,
      {
        cause: error,
      },
    );
  }
  const done = Date.now();
  log(
    `${installed.length} CRDs established and served after ${done - apiserverReady} ms; kubeconfig ${kubeconfigPath}`,
  );

  const running = apiserver;
  let stopping: Promise<void> | undefined;
  return {
    server: running.url,
    version: running.version,
    etcdVersion: runningEtcd.version,
    kubeconfigPath,
    caPem: pki.caPem,
    tokens: { admin: identities.admin.token, watcher: identities.watcher.token },
    crds: installed,
    tempDir,
    pids: { etcd: runningEtcd.server.pid, apiserver: running.server.pid },
    ports,
    timings: {
      pki: pkiDone - started,
      etcd: etcdReady - pkiDone,
      apiserver: apiserverReady - etcdReady,
      crds: done - apiserverReady,
      total: done - started,
    },
    kubeConfig,
    stop() {
      stopping ??= (async () => {
        // API server first, so it never logs a storm of etcd connection errors on the way down.
        await running.server.stop();
        await runningEtcd.server.stop();
        process.off('exit', removeTempDir);
        removeTempDir();
      })();
      return stopping;
    },
  };
}
