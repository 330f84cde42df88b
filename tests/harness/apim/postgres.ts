import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readFileTail } from '../support/file-tail.ts';
import { freeLoopbackPort } from '../support/free-port.ts';
import { type ManagedProcess, startManagedProcess } from '../support/managed-process.ts';
import { asAccount, findPostgresBinaries, type OsAccount, postgresOsAccount } from './postgres-binaries.ts';

/** Where and how to run the server. */
export interface StartPostgresOptions {
  /** A fresh directory owned by this process; the cluster, socket and log go below it. */
  dir: string;
  /** Database created for the caller; `gravitee` unless told. */
  database?: string;
  /** Superuser created by initdb; `gravitee` unless told. */
  user?: string;
  /** How long to wait for the server to accept connections; 60 s unless told. */
  readyTimeoutMs?: number;
}

/** A PostgreSQL server listening on 127.0.0.1 and on a Unix socket in its own directory. */
export interface RunningPostgres {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** Directory of the Unix socket (`.s.PGSQL.<port>`). */
  readonly socketDir: string;
  readonly database: string;
  readonly user: string;
  /** Authentication is `trust` on loopback; clients that insist on a password may send this one. */
  readonly password: string;
  /** `jdbc:postgresql://127.0.0.1:<port>/<database>` */
  readonly jdbcUrl: string;
  readonly pid: number;
  readonly logFile: string;
  /** Milliseconds spent in initdb, start and database creation. */
  readonly startMs: number;
  /** Fast shutdown (SIGINT), SIGKILL after a grace period; waits for the exit. Idempotent. */
  stop(): Promise<void>;
}

/** Thrown when initdb, the server or createdb fails; the message carries their output or log tail. */
export class PostgresStartError extends Error {
  override readonly name = 'PostgresStartError';
}

const START_ATTEMPTS = 3;

/**
 * Creates a throw-away cluster in `dir` (initdb, trust authentication, durability off for speed), starts
 * the server on a free loopback port with its socket in `dir`, and creates the database.
 */
export async function startPostgres(options: StartPostgresOptions): Promise<RunningPostgres> {
  const started = Date.now();
  const { dir, database = 'gravitee', user = 'gravitee', readyTimeoutMs = 60_000 } = options;
  const binaries = findPostgresBinaries();
  const account = postgresOsAccount();
  const root = join(dir, 'postgres');
  const dataDir = join(root, 'data');
  const socketDir = join(root, 'socket');
  const logFile = join(dir, 'logs', 'postgres.log');
  prepareDirectories(dir, root, socketDir, account);

  runOnce(account, binaries.initdb, [
    '--pgdata',
    dataDir,
    '--username',
    user,
    '--auth',
    'trust',
    '--encoding',
    'UTF8',
    '--no-locale',
    '--no-sync',
  ]);

  let server: ManagedProcess | undefined;
  let port = 0;
  for (let attempt = 1; attempt <= START_ATTEMPTS && !server; attempt++) {
    port = await freeLoopbackPort();
    const command = asAccount(account, binaries.postgres, [
      '-D',
      dataDir,
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-k',
      socketDir,
      // A test database: losing it on a crash is fine, waiting for disk flushes is not.
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ]);
    const candidate = await startManagedProcess({
      name: 'postgres',
      ...command,
      env: { ...process.env, LC_ALL: 'C' },
      logFile,
      stopGraceMs: 15_000,
    });
    const ready = await waitUntilAccepting(
      candidate,
      binaries.pgIsready,
      socketDir,
      port,
      user,
      readyTimeoutMs,
    );
    if (ready) server = candidate;
    else if (candidate.exitStatus() === undefined) {
      await candidate.stop();
      throw new PostgresStartError(
        `postgres did not accept connections within ${readyTimeoutMs} ms\n${candidate.logTail()}`,
      );
    }
    // It exited early: most likely another process took the port in between; try a new one.
  }
  if (!server) {
    throw new PostgresStartError(
      `postgres exited at start ${START_ATTEMPTS} times; log ${logFile}:\n${readFileTail(logFile)}`,
    );
  }

  const running = server;
  try {
    runOnce(account, binaries.createdb, ['-h', socketDir, '-p', String(port), '-U', user, database]);
  } catch (error) {
    await running.stop();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    if (running.exitStatus() === undefined) {
      // SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for clients to disconnect).
      process.kill(running.pid, 'SIGINT');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        running.exited,
        new Promise((resolveDelay) => (timer = setTimeout(resolveDelay, 10_000))),
      ]);
      clearTimeout(timer);
    }
    await running.stop();
  };

  return {
    host: '127.0.0.1',
    port,
    socketDir,
    database,
    user,
    password: user,
    jdbcUrl: `jdbc:postgresql://127.0.0.1:${port}/${database}`,
    pid: running.pid,
    logFile,
    startMs: Date.now() - started,
    stop() {
      stopping ??= stop();
      return stopping;
    },
  };
}

/** The server account must reach `root` through `dir` (a private temp dir) and own what is below. */
function prepareDirectories(
  dir: string,
  root: string,
  socketDir: string,
  account: OsAccount | undefined,
): void {
  mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  if (!account) return;
  chmodSync(dir, 0o711);
  chownSync(root, account.uid, account.gid);
  chownSync(socketDir, account.uid, account.gid);
}

function runOnce(account: OsAccount | undefined, executable: string, args: readonly string[]): void {
  const { command, args: fullArgs } = asAccount(account, executable, args);
  const result = spawnSync(command, fullArgs, {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
    timeout: 120_000,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    throw new PostgresStartError(
      `${executable} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})\n${output}`,
      result.error ? { cause: result.error } : undefined,
    );
  }
}

/** True once pg_isready succeeds; false when the server exited first. Throws nothing. */
async function waitUntilAccepting(
  server: ManagedProcess,
  pgIsready: string,
  socketDir: string,
  port: number,
  user: string,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitStatus() !== undefined) return false;
    const probe = spawnSync(
      pgIsready,
      ['-q', '-h', socketDir, '-p', String(port), '-U', user, '-d', 'postgres'],
      {
        timeout: 5_000,
      },
    );
    if (probe.status === 0) return true;
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
  return false;
}
