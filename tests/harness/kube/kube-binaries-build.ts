import { spawn } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type KubeBinaries, kubeBinaries } from './pinned-versions.ts';

/** The build entry; see its header for what it does. */
export const buildScript: string = join(import.meta.dirname, 'build.sh');

/** The command a person runs to build the binaries once. */
export const buildCommand = 'npx tsx tests/harness/kube/cli.ts build';

/** Thrown when the binaries are missing and building was not allowed, or when the build fails. */
export class KubeBinariesError extends Error {
  override readonly name = 'KubeBinariesError';
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when both binaries and a stamp for the pinned versions are in the cache. Checked here without Go,
 * so a CI job that restored the cache does not need a Go toolchain to run the tests.
 */
export function kubeBinariesCached(binaries: KubeBinaries = kubeBinaries()): boolean {
  if (!isExecutable(binaries.kubeApiserver) || !isExecutable(binaries.etcd)) return false;
  try {
    const { kubernetes, etcd } = binaries.versions;
    return readFileSync(binaries.stampFile, 'utf8').startsWith(`kubernetes ${kubernetes}, etcd ${etcd},`);
  } catch {
    return false;
  }
}

/** Runs build.sh (a no-op that prints "cached" when nothing is missing), forwarding its lines to `log`. */
export async function buildKubeBinaries(log: (line: string) => void): Promise<KubeBinaries> {
  const child = spawn('bash', [buildScript], { stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (stream: NodeJS.ReadableStream) => createInterface({ input: stream }).on('line', log);
  if (child.stdout) forward(child.stdout);
  if (child.stderr) forward(child.stderr);
  const code = await new Promise<number | null>((resolveExit, reject) => {
    child.once('error', (error) =>
      reject(new KubeBinariesError(`cannot run ${buildScript}`, { cause: error })),
    );
    child.once('close', resolveExit);
  });
  if (code !== 0) throw new KubeBinariesError(`${buildScript} failed with exit code ${code}`);
  const binaries = kubeBinaries();
  if (!kubeBinariesCached(binaries)) {
    throw new KubeBinariesError(`${buildScript} succeeded but ${binaries.binDir} is incomplete`);
  }
  return binaries;
}

/**
 * The binaries for the pinned versions: from the cache, else built now when `build` is true (many minutes
 * on a cold Go cache), else a {@link KubeBinariesError} that says how to build them.
 */
export async function ensureKubeBinaries(options: {
  build: boolean;
  log: (line: string) => void;
}): Promise<KubeBinaries> {
  const binaries = kubeBinaries();
  if (kubeBinariesCached(binaries)) return binaries;
  if (!options.build) {
    throw new KubeBinariesError(
      `kube-apiserver ${binaries.versions.kubernetes} / etcd ${binaries.versions.etcd} are not built in ` +
        `${binaries.binDir}. Build them once with \`${buildCommand}\` (needs Go at or above the go directive in ` +
        `tests/harness/kube/go/*/go.mod and network access to the Go module proxy).`,
    );
  }
  options.log(`building kube-apiserver and etcd into ${binaries.binDir} (first time only)`);
  return buildKubeBinaries(options.log);
}
