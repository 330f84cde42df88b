import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signalProcessGroup } from '../support/exit-hook.ts';
import { freeLoopbackPort } from '../support/free-port.ts';
import { type ManagedProcess, startManagedProcess } from '../support/managed-process.ts';
import { waitForUrl } from '../support/wait-for-url.ts';
import { apimHomeLocation, apimVersion, bootstrapJar, isAssembled, missingFromHome } from './apim-home.ts';
import { ApimAssemblyError, assembleApimHome } from './assemble-apim.ts';
import { renderGraviteeYml } from './gravitee-yml.ts';
import { findJavaHome } from './java-home.ts';
import { type RunningPostgres, startPostgres } from './postgres.ts';

/** The organization and environment a fresh standalone installation creates. */
export const DEFAULT_ORGANIZATION = 'DEFAULT';
export const DEFAULT_ENVIRONMENT = 'DEFAULT';

const ADMIN = { username: 'admin', password: 'admin' } as const;

/** Options of `startRealApim`. */
export interface StartRealApimOptions {
  /**
   * Assemble the Management API home when it is missing (Maven; minutes on a first run). True unless told;
   * with false a missing home fails at once, saying how to build it.
   */
  assemble?: boolean;
  /** Until the Management API answers (the first start runs the database migrations); 10 min unless told. */
  readyTimeoutMs?: number;
  /** Progress lines; stderr unless told. */
  log?: (line: string) => void;
  /** Extra JVM options, after the harness's own. */
  javaOptions?: readonly string[];
}

/** A running Management API on PostgreSQL. */
export interface RealApim {
  readonly version: string;
  readonly home: string;
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  /** `<baseUrl>/management/v2` */
  readonly managementV2: string;
  /** `<baseUrl>/automation` */
  readonly automation: string;
  readonly organizationId: string;
  readonly environmentId: string;
  /** The in-memory organization and environment admin. */
  readonly admin: { readonly username: string; readonly password: string };
  /** `Basic …` header value for the admin. */
  readonly authorization: string;
  /** The run's private directory (configuration, logs, database, plugin work files). */
  readonly tempDir: string;
  readonly logs: { readonly apim: string; readonly postgres: string };
  readonly pids: { readonly java: number; readonly postgres: number };
  readonly ports: { readonly http: number; readonly postgres: number };
  readonly javaVersion: string;
  /** Milliseconds: home assembly (or the cache check), PostgreSQL start, Java start until ready. */
  readonly timings: { readonly assembleMs: number; readonly postgresMs: number; readonly readyMs: number };
  /** Stops Java, then PostgreSQL, waits for both and removes the temporary directory. Idempotent. */
  stop(): Promise<void>;
}

/** Thrown when the Management API does not come up; carries the tail of its log. */
export class RealApimStartError extends Error {
  override readonly name = 'RealApimStartError';
}

/**
 * Starts a real Gravitee APIM Management API: assembles its home if needed, starts a throw-away PostgreSQL,
 * renders our gravitee.yml into a temporary directory, starts the standalone bootstrap with a Java 21+ JDK
 * and waits until the DEFAULT environment answers with the admin's credentials.
 */
export async function startRealApim(options: StartRealApimOptions = {}): Promise<RealApim> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const version = apimVersion();

  const assembleStarted = Date.now();
  const { home } = options.assemble === false ? requireAssembledHome() : await assembleApimHome({ log });
  const assembleMs = Date.now() - assembleStarted;
  const java = findJavaHome();

  const tempDir = mkdtempSync(join(tmpdir(), 'gso-apim-'));
  const removeTempDir = () => rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
  let postgres: RunningPostgres | undefined;
  let server: ManagedProcess | undefined;
  // If this process exits without stop() (at any point, also during the minutes-long first start), the
  // children die and their directory goes: SIGKILL first (sync), so nothing writes while it is removed.
  const cleanUpAtExit = () => {
    for (const pid of [server?.pid, postgres?.pid]) if (pid !== undefined) signalProcessGroup(pid, 'SIGKILL');
    removeTempDir();
  };
  process.on('exit', cleanUpAtExit);
  const stopAll = async () => {
    try {
      await server?.stop();
      await postgres?.stop();
    } finally {
      process.off('exit', cleanUpAtExit);
      removeTempDir();
    }
  };

  try {
    postgres = await startPostgres({ dir: tempDir });
    log(`apim ${version}: PostgreSQL ready on 127.0.0.1:${postgres.port} in ${postgres.startMs} ms`);

    const httpPort = await freeLoopbackPort();
    const baseUrl = `http://127.0.0.1:${httpPort}`;
    const configFile = join(tempDir, 'config', 'gravitee.yml');
    const dirs = ['config', 'plugins-work', 'search-data', 'java-tmp'].map((dir) => join(tempDir, dir));
    for (const dir of dirs) mkdirSync(dir, { recursive: true });
    writeFileSync(
      configFile,
      renderGraviteeYml({
        httpPort,
        baseUrl,
        pluginsDir: join(home, 'plugins'),
        pluginsWorkDir: join(tempDir, 'plugins-work'),
        jdbcUrl: postgres.jdbcUrl,
        jdbcUser: postgres.user,
        jdbcPassword: postgres.password,
        searchDataDir: join(tempDir, 'search-data'),
        templatesDir: join(home, 'templates'),
        adminUser: ADMIN.username,
        adminPassword: ADMIN.password,
        // Fresh per run: nothing signed or encrypted by one run is meant to be read by another.
        jwtSecret: randomBytes(32).toString('hex'),
        encryptionSecret: randomBytes(16).toString('hex'),
      }),
    );

    const javaStarted = Date.now();
    server = await startManagedProcess({
      name: 'apim',
      command: java.java,
      args: [
        '-Xms256m',
        '-Xmx1g',
        '-Djava.awt.headless=true',
        '-Dfile.encoding=UTF-8',
        `-Djava.io.tmpdir=${join(tempDir, 'java-tmp')}`,
        '-Djersey.config.allowSystemPropertiesProvider=true',
        '-Djersey.config.server.wadl.disableWadl=true',
        '-Dvertx.disableFileCaching=true',
        '-Dvertx.disableFileCPResolving=true',
        '-Dvertx.logger-delegate-factory-class-name=io.vertx.core.logging.SLF4JLogDelegateFactory',
        `-Dgravitee.home=${home}`,
        `-Dgravitee.conf=${configFile}`,
        ...(options.javaOptions ?? []),
        '-cp',
        bootstrapJar(home),
        'io.gravitee.rest.api.standalone.boostrap.Bootstrap',
      ],
      cwd: tempDir,
      env: { ...process.env, JAVA_HOME: java.home },
      logFile: join(tempDir, 'logs', 'apim.log'),
      stopGraceMs: 20_000,
    });
    log(`apim ${version}: Java ${java.version} started (pid ${server.pid}), log ${server.logFile}`);

    const authorization = `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`;
    const javaProcess = server;
    const readyTimeoutMs = options.readyTimeoutMs ?? 600_000;
    try {
      await waitForUrl(
        `${baseUrl}/management/v2/organizations/${DEFAULT_ORGANIZATION}/environments/${DEFAULT_ENVIRONMENT}`,
        {
          timeoutMs: readyTimeoutMs,
          intervalMs: 1_000,
          headers: { Authorization: authorization, Accept: 'application/json' },
          isReady: (answer) => answer.status === 200,
          progressEveryMs: 10_000,
          onProgress: ({ elapsedMs, last }) =>
            log(
              `apim ${version}: waiting ${Math.round(elapsedMs / 1000)} s (${last.slice(0, 60)}); ` +
                `log: ${lastLogLine(javaProcess)}`,
            ),
          abortIf: () => {
            const exit = javaProcess.exitStatus();
            return exit
              ? new RealApimStartError(`the Management API exited (code ${exit.code}, signal ${exit.signal})`)
              : undefined;
          },
        },
      );
    } catch (error) {
      throw new RealApimStartError(
        `the Management API did not become ready: ${(error as Error).message}\n` +
          `--- tail of its log (the run directory ${tempDir} is removed) ---\n${javaProcess.logTail(12_000)}`,
        { cause: error },
      );
    }
    const readyMs = Date.now() - javaStarted;
    log(`apim ${version}: ready at ${baseUrl} in ${(readyMs / 1000).toFixed(1)} s`);

    let stopping: Promise<void> | undefined;
    return {
      version,
      home,
      baseUrl,
      managementV2: `${baseUrl}/management/v2`,
      automation: `${baseUrl}/automation`,
      organizationId: DEFAULT_ORGANIZATION,
      environmentId: DEFAULT_ENVIRONMENT,
      admin: ADMIN,
      authorization,
      tempDir,
      logs: { apim: javaProcess.logFile, postgres: postgres.logFile },
      pids: { java: javaProcess.pid, postgres: postgres.pid },
      ports: { http: httpPort, postgres: postgres.port },
      javaVersion: java.version,
      timings: { assembleMs, postgresMs: postgres.startMs, readyMs },
      stop() {
        stopping ??= stopAll();
        return stopping;
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The assembled home, or an error that says how to build it. */
function requireAssembledHome(): { home: string } {
  const { home, source } = apimHomeLocation();
  const complete = source === 'provided' ? missingFromHome(home).length === 0 : isAssembled(home);
  if (!complete) {
    throw new ApimAssemblyError(
      `no complete Management API home at ${home}; build it with \`tsx tests/harness/apim/cli.ts build\` ` +
        `(missing: ${missingFromHome(home).join('; ') || 'the assembly marker'})`,
    );
  }
  return { home };
}

function lastLogLine(server: ManagedProcess): string {
  const lines = server
    .logTail(4_000)
    .split('\n')
    .filter((line) => line.trim() !== '');
  return (lines.at(-1) ?? '(empty)').slice(0, 160);
}
