import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** What a health endpoint answered, or `refused` when nothing listens on the port. */
export type HealthAnswer = { status: number; body: Record<string, unknown> } | 'refused';

/** How a process ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One JSON log line of the watcher. */
export type LogLine = Record<string, unknown> & { message?: string; level?: string };

/** Asks the OS for a free loopback port (bind port 0, read it, release it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * The bundled watcher (`node dist/watcher/main.mjs`) as a child process: its JSON log lines, its health
 * endpoints, signals and exit. `kill()` makes sure nothing is left running when a test fails half-way.
 */
export class BundledWatcher {
  readonly name: string;
  readonly healthPort: number;
  /** Parsed stdout lines, oldest first. */
  readonly logs: LogLine[] = [];
  /** Resolves when the process has exited. */
  readonly exited: Promise<ProcessExit>;
  private readonly child: ChildProcess;
  private stderr = '';
  private exit: ProcessExit | undefined;

  private constructor(name: string, healthPort: number, child: ChildProcess) {
    this.name = name;
    this.healthPort = healthPort;
    this.child = child;
    let partial = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) {
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          this.logs.push({ message: line, level: 'raw' });
        }
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-8_192);
    });
    // 'close': stdout has been read to the end by then, so the last log lines are in.
    this.exited = new Promise((resolve) =>
      child.once('close', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      }),
    );
  }

  /** Starts `node <script>` with exactly `env` (nothing inherited), from `cwd`. */
  static start(options: {
    name: string;
    script: string;
    cwd: string;
    healthPort: number;
    env: Record<string, string>;
  }): BundledWatcher {
    const child = spawn(process.execPath, ['--enable-source-maps', options.script], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new BundledWatcher(options.name, options.healthPort, child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  /** One request to `/healthz` or `/readyz`. */
  async health(path: '/healthz' | '/readyz'): Promise<HealthAnswer> {
    try {
      const response = await fetch(`http://127.0.0.1:${this.healthPort}${path}`, {
        signal: AbortSignal.timeout(2_000),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (code === 'ECONNREFUSED') return 'refused';
      throw error;
    }
  }

  /** Polls a health endpoint until `accept` holds; fails with the last answer and the log tail. */
  async waitForHealth(
    path: '/healthz' | '/readyz',
    accept: (answer: HealthAnswer) => boolean,
    description: string,
    timeoutMs: number,
  ): Promise<HealthAnswer> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown = 'no answer yet';
    while (Date.now() < deadline) {
      if (!this.running) break;
      try {
        const answer = await this.health(path);
        if (accept(answer)) return answer;
        last = answer;
      } catch (error) {
        last = String(error);
      }
      await sleep(100);
    }
    throw new Error(
      `${this.name}: ${description} not seen on ${path} within ${timeoutMs} ms (last: ${JSON.stringify(last)}, ` +
        `exit: ${JSON.stringify(this.exit ?? null)})\n${this.tail()}`,
    );
  }

  /** Waits for the process to exit, failing with the log tail after `timeoutMs`. */
  async waitForExit(timeoutMs: number): Promise<ProcessExit> {
    // Cancelled once settled, so a pending timer does not keep the test process alive.
    const cancel = new AbortController();
    const timer = sleep(timeoutMs, 'timeout' as const, { signal: cancel.signal });
    try {
      const outcome = await Promise.race([this.exited, timer]);
      if (outcome === 'timeout')
        throw new Error(`${this.name} did not exit within ${timeoutMs} ms\n${this.tail()}`);
      return outcome;
    } finally {
      cancel.abort();
      timer.catch(() => undefined);
    }
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Kills the process if it still runs (test clean-up) and waits for it. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Log messages, in order. */
  messages(): string[] {
    return this.logs.map((l) => String(l.message ?? ''));
  }

  /** The last log lines and stderr, for failure messages. */
  tail(lines = 30): string {
    const out = this.logs
      .slice(-lines)
      .map((l) => JSON.stringify(l))
      .join('\n');
    return `--- ${this.name} log tail ---\n${out}\n--- stderr ---\n${this.stderr}`;
  }
}
