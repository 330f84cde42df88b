import { spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { readFileTail } from '../support/file-tail.ts';
import {
  APIM_POM,
  ASSEMBLED_MARKER,
  apimHomeLocation,
  apimVersion,
  isAssembled,
  missingFromHome,
} from './apim-home.ts';
import { findJavaHome } from './java-home.ts';

const LOGBACK_XML = fileURLToPath(new URL('./logback.xml', import.meta.url));

/** Thrown when the home cannot be assembled; the message says what is missing and the ways out. */
export class ApimAssemblyError extends Error {
  override readonly name = 'ApimAssemblyError';
}

/** What `assembleApimHome` did. */
export interface ApimAssembly {
  home: string;
  version: string;
  /** True when the home was already complete and nothing ran. */
  cached: boolean;
  durationMs: number;
  /** Files Maven downloaded (0 when everything came from the local Maven repository). */
  downloads: number;
  downloadedBytes: number;
}

/** Options of `assembleApimHome`. */
export interface AssembleApimOptions {
  /** Progress lines; stderr unless told. */
  log?: (line: string) => void;
  /** Interval of the "still downloading" lines; 5 s unless told. */
  progressEveryMs?: number;
}

/**
 * Assembles the Management API home with the project's POM (Maven, run with the Java 21+ JDK), adds our
 * logging configuration and verifies the layout. A no-op that reports "cached" when the home is complete.
 * A home named by `GSO_APIM_HOME` is never assembled, only checked.
 */
export async function assembleApimHome(options: AssembleApimOptions = {}): Promise<ApimAssembly> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const started = Date.now();
  const version = apimVersion();
  const { home, source } = apimHomeLocation();
  const result = (cached: boolean, downloads = 0, downloadedBytes = 0): ApimAssembly => ({
    home,
    version,
    cached,
    durationMs: Date.now() - started,
    downloads,
    downloadedBytes,
  });

  if (source === 'provided') {
    const missing = missingFromHome(home);
    if (missing.length > 0) {
      throw new ApimAssemblyError(
        `GSO_APIM_HOME=${home} is not a Management API home; missing:\n  - ${missing.join('\n  - ')}`,
      );
    }
    log(`apim ${version}: using the provided home ${home}`);
    return result(true);
  }
  if (isAssembled(home)) {
    log(`apim ${version}: cached (${home})`);
    return result(true);
  }

  const java = findJavaHome();
  const mavenLog = `${home}.maven.log`;
  log(`apim ${version}: assembling ${home} with Maven (Java ${java.version}); log ${mavenLog}`);
  const maven = await runMaven(
    ['-B', '-Dstyle.color=never', '-f', APIM_POM, 'package', `-Dgso.apim.home=${home}`],
    { JAVA_HOME: java.home },
    mavenLog,
    (progress) => log(`apim ${version}: ${progress}`),
    options.progressEveryMs ?? 5_000,
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (maven.exitCode !== 0) {
    throw new ApimAssemblyError(describeMavenFailure(version, maven, mavenLog, seconds));
  }

  mkdirSync(join(home, 'config'), { recursive: true });
  copyFileSync(LOGBACK_XML, join(home, 'config', 'logback.xml'));
  // The notification templates ship only in the official distribution; an empty directory keeps the
  // template service quiet (no mail is sent in tests).
  mkdirSync(join(home, 'templates'), { recursive: true });
  const missing = missingFromHome(home);
  if (missing.length > 0) {
    throw new ApimAssemblyError(
      `Maven succeeded but ${home} is incomplete; missing:\n  - ${missing.join('\n  - ')}\nMaven log: ${mavenLog}`,
    );
  }
  writeFileSync(
    join(home, ASSEMBLED_MARKER),
    `${JSON.stringify({ version, assembledAt: new Date().toISOString(), seconds: Number(seconds) }, null, 2)}\n`,
  );
  log(
    `apim ${version}: assembled in ${seconds} s (${maven.downloads} downloads, ` +
      `${(maven.downloadedBytes / 1e6).toFixed(1)} MB)`,
  );
  return result(false, maven.downloads, maven.downloadedBytes);
}

interface MavenRun {
  exitCode: number | null;
  downloads: number;
  downloadedBytes: number;
  /** Coordinates Maven reported as unresolvable. */
  unresolved: string[];
}

/** Runs Maven with its output in `logFile`, counting downloads as they happen. */
async function runMaven(
  args: string[],
  extraEnv: NodeJS.ProcessEnv,
  logFile: string,
  onProgress: (line: string) => void,
  progressEveryMs: number,
): Promise<MavenRun> {
  mkdirSync(dirname(logFile), { recursive: true });
  const output = createWriteStream(logFile);
  const child = spawn(process.env.GSO_MVN ?? 'mvn', args, {
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: MavenRun = { exitCode: null, downloads: 0, downloadedBytes: 0, unresolved: [] };
  const started = Date.now();
  const timer = setInterval(
    () =>
      onProgress(
        `maven running ${Math.round((Date.now() - started) / 1000)} s, ${run.downloads} downloads ` +
          `(${(run.downloadedBytes / 1e6).toFixed(1)} MB)`,
      ),
    progressEveryMs,
  );
  const onLine = (line: string) => {
    output.write(`${line}\n`);
    const downloaded = /^\[INFO\] Downloaded from [^:]+: \S+ \(([\d.,]+) (B|kB|MB|GB)/.exec(line);
    if (downloaded) {
      run.downloads++;
      run.downloadedBytes += toBytes(downloaded[1] ?? '0', downloaded[2] ?? 'B');
    }
    for (const coordinate of unresolvedCoordinates(line)) {
      if (!run.unresolved.includes(coordinate)) run.unresolved.push(coordinate);
    }
  };
  if (child.stdout) createInterface({ input: child.stdout }).on('line', onLine);
  if (child.stderr) createInterface({ input: child.stderr }).on('line', onLine);
  try {
    run.exitCode = await new Promise<number | null>((resolveExit, reject) => {
      child.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new ApimAssemblyError(
            error.code === 'ENOENT'
              ? 'Maven (mvn) is not installed: install it (Debian: apt-get install maven) or set GSO_MVN'
              : `cannot run Maven: ${error.message}`,
            { cause: error },
          ),
        ),
      );
      child.once('close', (code) => resolveExit(code));
    });
  } finally {
    clearInterval(timer);
    await new Promise<void>((done) => output.end(done));
  }
  return run;
}

/** Coordinates (`group:artifact:type:version`) named in a Maven resolution error line. */
export function unresolvedCoordinates(line: string): string[] {
  if (!line.startsWith('[ERROR]')) return [];
  const listed = /could not be resolved: (.*)$/.exec(line)?.[1];
  const single = /Could not find artifact (\S+)/.exec(line)?.[1];
  const text = listed ?? single ?? '';
  return [...text.matchAll(/[\w.-]+:[\w.-]+:(?:jar|zip|pom)(?::[\w.-]+)?:[\w.-]+/g)].map((match) =>
    match[0].replace(/[.,:]+$/, ''),
  );
}

function describeMavenFailure(version: string, maven: MavenRun, mavenLog: string, seconds: string): string {
  const lines = [
    `APIM ${version}: the Management API home could not be assembled with Maven ` +
      `(exit ${maven.exitCode}, ${seconds} s).`,
  ];
  if (maven.unresolved.length > 0) {
    lines.push(
      'These artifacts are not in the Maven repositories this machine reaches:',
      ...maven.unresolved.map((coordinate) => `  - ${coordinate}`),
    );
  } else {
    lines.push('Maven log tail:', readFileTail(mavenLog, 3_000));
  }
  lines.push(
    `Maven log: ${mavenLog}`,
    'Ways out: make them resolvable by Maven (a repository that publishes them, in ~/.m2/settings.xml) and run ' +
      '`tsx tests/harness/apim/cli.ts build`; or set GSO_APIM_HOME to an unpacked APIM Management API ' +
      `${version} distribution (its lib/, plugins/ with the JDBC repository, plugins/ext/repository-jdbc/ ` +
      'with the PostgreSQL driver, config/).',
  );
  return lines.join('\n');
}

function toBytes(amount: string, unit: string): number {
  const value = Number(amount.replace(/,/g, ''));
  const scale = unit === 'GB' ? 1e9 : unit === 'MB' ? 1e6 : unit === 'kB' ? 1e3 : 1;
  return Math.round(value * scale);
}
