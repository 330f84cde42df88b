import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { killGroupOnExit, signalProcessGroup } from './exit-hook.ts';
import { readFileTail } from './file-tail.ts';

/** How a process ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** What to run and where its output goes. */
export interface ManagedProcessOptions {
  /** Short name used in messages ("etcd", "kube-apiserver"). */
  name: string;
  command: string;
  args?: readonly string[];
  cwd?: string;
  /** Full environment of the child; defaults to this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** stdout and stderr are appended to this file (created with its directory). */
  logFile: string;
  /** How long `stop()` waits after SIGTERM before SIGKILL; 10 s unless told. */
  stopGraceMs?: number;
}

/** A long-running child process in its own process group. */
export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /**
   * Settles when the process has exited (never rejects). Holds no reference: awaiting it alone lets Node
   * quit before the exit if nothing else is pending; use `waitForExit()` for that.
   */
  readonly exited: Promise<ProcessExit>;
  /** Like `exited`, but keeps Node alive while it waits (the child itself is unreferenced). */
  waitForExit(): Promise<ProcessExit>;
  /** How it ended, or undefined while it runs. */
  exitStatus(): ProcessExit | undefined;
  /** The end of its log, for error messages. */
  logTail(maxBytes?: number): string;
  /**
   * SIGTERM to the process group, SIGKILL after the grace period, then waits for the exit. Idempotent:
   * later calls return the same promise.
   */
  stop(graceMs?: number): Promise<ProcessExit>;
}

/** Thrown when a process cannot be spawned at all (missing executable, permissions). */
export class ManagedProcessError extends Error {
  override readonly name = 'ManagedProcessError';
}

/**
 * Spawns a long-running server process whose output goes straight to a log file (no pipes to drain, and
 * the log survives this process). It runs detached in its own process group so stopping it reaches any
 * process it forks, and it is SIGKILLed if this Node process exits without stopping it. The child is
 * unreferenced: a forgotten `stop()` does not keep the test process alive.
 * Resolves once the OS has started it; readiness is the caller's business (see `waitForUrl`).
 */
export async function startManagedProcess(options: ManagedProcessOptions): Promise<ManagedProcess> {
  const { name, command, args = [], cwd, env = process.env, logFile, stopGraceMs = 10_000 } = options;
  mkdirSync(dirname(logFile), { recursive: true });
  const logFd = openSync(logFile, 'a');
  let child: ReturnType<typeof spawn>;
  try {
    child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', logFd, logFd] });
  } finally {
    // The child holds its own copy of the descriptor.
    closeSync(logFd);
  }

  let exit: ProcessExit | undefined;
  const exited = new Promise<ProcessExit>((resolveExit) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolveExit(exit);
    });
  });
  await new Promise<void>((resolveSpawn, reject) => {
    child.once('spawn', resolveSpawn);
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new ManagedProcessError(
          error.code === 'ENOENT'
            ? `${name}: executable not found: ${command}`
            : `${name}: cannot start ${command}: ${error.message}`,
          { cause: error },
        ),
      ),
    );
  });
  const pid = child.pid;
  if (pid === undefined) throw new ManagedProcessError(`${name}: spawned without a pid`);
  child.unref();
  let waiters = 0;
  const waitForExit = async (): Promise<ProcessExit> => {
    if (exit !== undefined) return exit;
    if (waiters++ === 0) child.ref();
    try {
      return await exited;
    } finally {
      if (--waiters === 0) child.unref();
    }
  };
  const forget = killGroupOnExit(pid);
  // Once the leader is gone, nothing of ours is left to guard (stop() also sweeps the group).
  void exited.then(forget);

  let stopping: Promise<ProcessExit> | undefined;
  const stop = async (graceMs: number): Promise<ProcessExit> => {
    if (exit === undefined) {
      signalProcessGroup(pid, 'SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'grace over'>((resolveGrace) => {
        timer = setTimeout(() => resolveGrace('grace over'), graceMs);
      });
      const first = await Promise.race([waitForExit(), graceOver]);
      clearTimeout(timer);
      if (first === 'grace over') signalProcessGroup(pid, 'SIGKILL');
    }
    const result = await waitForExit();
    // The leader is gone; make sure nothing it forked outlives it.
    signalProcessGroup(pid, 'SIGKILL');
    forget();
    return result;
  };

  return {
    name,
    pid,
    logFile,
    exited,
    waitForExit,
    exitStatus: () => exit,
    logTail: (maxBytes) => readFileTail(logFile, maxBytes),
    stop(graceMs = stopGraceMs) {
      stopping ??= stop(graceMs);
      return stopping;
    },
  };
}
