import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Socket } from 'node:net';

/** AWS SDK v3 client configuration that points a client at a moto server. */
export interface MotoClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** A running `moto_server` process. */
export interface MotoServer {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly port: number;
  /** SDK client configuration for this server (region `us-east-1`, dummy credentials). */
  clientConfig(): MotoClientConfig;
  /** Drops every resource moto holds (POST /moto-api/reset), for tests that want a blank account. */
  reset(): Promise<void>;
  /** Kills the server (and anything it started) and waits until it is gone. Safe to call twice. */
  stop(): Promise<void>;
}

export interface MotoServerOptions {
  /** Executable to run; `moto_server` from PATH unless told otherwise (env `MOTO_SERVER` also works). */
  command: string;
  host: string;
  /** Port to bind; 0 picks a free one. */
  port: number;
  /** How long to wait for the server to answer before giving up. */
  startTimeoutMs: number;
  /** How long `stop()` waits after SIGTERM before sending SIGKILL. */
  stopTimeoutMs: number;
}

const defaults: MotoServerOptions = {
  command: process.env.MOTO_SERVER ?? 'moto_server',
  host: '127.0.0.1',
  port: 0,
  startTimeoutMs: 20_000,
  stopTimeoutMs: 3_000,
};

/** Thrown when moto cannot be started (missing executable, early exit, never answering). */
export class MotoServerError extends Error {
  override readonly name = 'MotoServerError';
  /** The port was taken by the time moto tried to bind it. */
  readonly addressInUse: boolean;

  constructor(message: string, options?: ErrorOptions & { addressInUse?: boolean }) {
    super(message, options);
    this.addressInUse = options?.addressInUse ?? false;
  }
}

const INSTALL_HINT =
  "install it with: pip install 'moto[server]' (moto >= 5), then make sure `moto_server` is on PATH " +
  '(or set MOTO_SERVER to its path)';

/** Region and dummy credentials every test client uses against moto. */
export function motoClientConfig(endpoint: string): MotoClientConfig {
  return {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  };
}

/**
 * Starts the real `moto_server` on a free local port and resolves once it answers HTTP. The process runs
 * in its own process group so `stop()` can kill it together with anything it spawned; a process `exit`
 * hook (and SIGINT/SIGTERM) kills it too, so a crashed or interrupted test run leaves nothing behind.
 *
 * @example
 * import { after, before, test } from 'node:test';
 * let moto: MotoServer;
 * before(async () => { moto = await startMotoServer(); });
 * after(() => moto.stop());
 * test('uses SQS', async () => { const sqs = new SQSClient(moto.clientConfig()); … });
 */
export async function startMotoServer(options: Partial<MotoServerOptions> = {}): Promise<MotoServer> {
  const opts: MotoServerOptions = { ...defaults, ...options };
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    throw new MotoServerError(`invalid port ${opts.port}`);
  }
  if (opts.port !== 0) return launch(opts, opts.port);
  // Another process may grab the free port before moto binds it (parallel test files): try another one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(opts, await freePort(opts.host));
    } catch (error) {
      if (!(error instanceof MotoServerError && error.addressInUse) || attempt === 3) throw error;
    }
  }
}

async function launch(opts: MotoServerOptions, port: number): Promise<MotoServer> {
  const endpoint = `http://${opts.host}:${port}`;
  const child = spawn(opts.command, ['-H', opts.host, '-p', String(port)], {
    // Own process group: kill(-pid) reaches the pyenv shim, python and any reloader child at once.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });
  // moto logs every request; keep the tail for error messages and keep draining so the pipe never fills.
  const output = tailBuffer(8_192);
  // Werkzeug prints this once it holds the port: proof that what answers on the port is our process.
  const bannerLine = `Running on ${endpoint}`;
  let bound = false;
  const onOutput = (chunk: Buffer) => {
    output.push(chunk);
    bound ||= output.text().includes(bannerLine);
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  // Unreferenced, so a test that forgets stop() does not hang; the exit hook still kills the server.
  child.unref();
  (child.stdout as Socket | null)?.unref?.();
  (child.stderr as Socket | null)?.unref?.();

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const guard = exitGuard(child);

  try {
    await waitUntilAnswering(child, endpoint, opts.startTimeoutMs, output.text, () => bound);
  } catch (error) {
    await kill(child, exited, opts.stopTimeoutMs);
    guard.dispose();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    endpoint,
    port,
    clientConfig: () => motoClientConfig(endpoint),
    async reset() {
      const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (!response.ok) throw new MotoServerError(`moto reset failed: HTTP ${response.status}`);
    },
    stop() {
      stopping ??= kill(child, exited, opts.stopTimeoutMs).finally(() => guard.dispose());
      return stopping;
    },
  };
}

/** Asks the OS for a free port: bind port 0, read it, release it (moto then binds it a moment later). */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() =>
        port ? resolve(port) : reject(new MotoServerError('could not obtain a free port')),
      );
    });
  });
}

async function waitUntilAnswering(
  child: ChildProcess,
  endpoint: string,
  timeoutMs: number,
  output: () => string,
  bound: () => boolean,
): Promise<void> {
  // A missing executable surfaces as an asynchronous 'error' event (ENOENT), not as a throw from spawn().
  let failure: Error | undefined;
  child.once('error', (error: NodeJS.ErrnoException) => {
    failure =
      error.code === 'ENOENT'
        ? new MotoServerError(`moto_server not found (${error.path ?? 'moto_server'}): ${INSTALL_HINT}`, {
            cause: error,
          })
        : new MotoServerError(`cannot start moto_server: ${error.message}`, { cause: error });
  });
  // 'close' rather than 'exit': by then the output (with the reason) has been read to the end.
  child.once('close', (code, signal) => {
    const text = output();
    failure ??= new MotoServerError(
      `moto_server exited before answering (code ${code ?? '-'}, signal ${signal ?? '-'}). ` +
        `Output:\n${text || '(none)'}` +
        (!text || /not found|no module named/i.test(text) ? `\nIf it is not installed, ${INSTALL_HINT}` : ''),
      { addressInUse: /address already in use/i.test(text) },
    );
  });

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (failure) throw failure;
    if (!bound()) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      continue;
    }
    try {
      const response = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // Not listening yet: keep polling.
    }
    if (failure) throw failure;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new MotoServerError(
    `moto_server did not answer on ${endpoint} within ${timeoutMs} ms. Output:\n${output()}`,
  );
}

async function kill(child: ChildProcess, exited: Promise<void>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  signalGroup(child, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
  });
  const outcome = await Promise.race([exited.then(() => 'exited' as const), grace]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    signalGroup(child, 'SIGKILL');
    await exited;
  }
  // The leader is gone; make sure no straggler of its group survives it.
  signalGroup(child, 'SIGKILL');
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** Kills the server when this process exits or is interrupted, whatever state the tests are in. */
function exitGuard(child: ChildProcess): { dispose(): void } {
  const onExit = () => signalGroup(child, 'SIGKILL');
  const onSignal = (signal: NodeJS.Signals) => {
    onExit();
    dispose();
    // With no other handler left, re-raise so the process still dies the way it was asked to (the default
    // action); if someone else handles the signal (the test runner), leave the decision to them.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const dispose = () => {
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return { dispose };
}

function tailBuffer(limit: number): { push: (chunk: Buffer) => void; text: () => string } {
  let tail = '';
  return {
    push: (chunk) => {
      tail = (tail + chunk.toString('utf8')).slice(-limit);
    },
    text: () => tail.trim(),
  };
}
