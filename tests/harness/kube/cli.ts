// Command line for the real Kubernetes test cluster:
//   tsx tests/harness/kube/cli.ts build   build (or confirm cached) kube-apiserver and etcd
//   tsx tests/harness/kube/cli.ts up      start a cluster, print its kubeconfig path, run until SIGINT/SIGTERM
//   tsx tests/harness/kube/cli.ts down    stop the cluster a previous `up` (e.g. started with &) runs
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { realCacheDir } from '../support/cache-dir.ts';
import { isProcessAlive } from '../support/liveness.ts';
import { buildKubeBinaries } from './kube-binaries-build.ts';
import { startRealKube } from './real-kube.ts';

/** Where `up` records its pid and kubeconfig, so `down` (and scripts) can find them. */
const stateFile = realCacheDir('kube', 'up.json');

interface UpState {
  pid: number;
  kubeconfig: string;
  server: string;
}

const say = (line: string) => process.stdout.write(`${line}\n`);

function readState(): UpState | undefined {
  if (!existsSync(stateFile)) return undefined;
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as UpState;
  if (isProcessAlive(state.pid)) return state;
  rmSync(stateFile, { force: true });
  return undefined;
}

async function build(): Promise<void> {
  const started = Date.now();
  const binaries = await buildKubeBinaries(say);
  say(`kube-apiserver: ${binaries.kubeApiserver}`);
  say(`etcd:           ${binaries.etcd}`);
  say(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function up(): Promise<void> {
  const running = readState();
  if (running) {
    throw new Error(
      `a cluster is already up (pid ${running.pid}, kubeconfig ${running.kubeconfig}); run \`down\` first`,
    );
  }
  const kube = await startRealKube({ log: say });
  mkdirSync(dirname(stateFile), { recursive: true });
  writeFileSync(
    stateFile,
    JSON.stringify({ pid: process.pid, kubeconfig: kube.kubeconfigPath, server: kube.server }),
  );
  say(
    `kube-apiserver ${kube.version.gitVersion} (etcd ${kube.etcdVersion}) at ${kube.server}, ready in ${kube.timings.total} ms`,
  );
  say(`export KUBECONFIG=${kube.kubeconfigPath}   # contexts: admin (current), watcher`);
  say('running until SIGINT/SIGTERM (Ctrl-C, or `down` from another shell)');
  // The servers are unreferenced children: this interval is what keeps `up` alive, and it notices a crash.
  const outcome = await new Promise<string | undefined>((resolveOutcome) => {
    const watchdog = setInterval(() => {
      for (const [name, pid] of Object.entries(kube.pids)) {
        if (!isProcessAlive(pid)) {
          clearInterval(watchdog);
          resolveOutcome(`${name} (pid ${pid}) exited unexpectedly`);
        }
      }
    }, 1_000);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        clearInterval(watchdog);
        resolveOutcome(undefined);
      });
    }
  });
  if (outcome) process.stderr.write(`${outcome}\n`);
  say('stopping');
  await kube.stop();
  rmSync(stateFile, { force: true });
  say('stopped; nothing left running');
  if (outcome) process.exitCode = 1;
}

async function down(): Promise<void> {
  const state = readState();
  if (!state) {
    say('no cluster is up');
    return;
  }
  say(`stopping the cluster of pid ${state.pid}`);
  process.kill(state.pid, 'SIGTERM');
  const deadline = Date.now() + 60_000;
  while (isProcessAlive(state.pid)) {
    if (Date.now() > deadline) throw new Error(`pid ${state.pid} still running after 60 s`);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 200));
  }
  say('stopped');
}

const commands: Record<string, () => Promise<void>> = { build, up, down };
const command = commands[process.argv[2] ?? ''];
if (!command) {
  process.stderr.write('usage: tsx tests/harness/kube/cli.ts build|up|down\n');
  process.exit(2);
}
command().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
