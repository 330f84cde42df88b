import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Management API 4.12 needs Java 21 or newer. */
export const MINIMUM_JAVA_MAJOR = 21;

/** Where Debian-style systems (including Temurin's packages) install JDKs. */
const SYSTEM_JVM_ROOT = '/usr/lib/jvm';

/** A JDK found on this machine. */
export interface JavaHome {
  home: string;
  /** e.g. `25.0.3`, from the JDK's `release` file. */
  version: string;
  major: number;
  /** `<home>/bin/java` */
  java: string;
}

/** Thrown when no suitable JDK is installed. */
export class JavaHomeError extends Error {
  override readonly name = 'JavaHomeError';
}

/** Reads a JDK's `release` file; undefined when `home` is not a JDK. */
export function readJavaHome(home: string): JavaHome | undefined {
  const releaseFile = join(home, 'release');
  const java = join(home, 'bin', 'java');
  if (!existsSync(releaseFile) || !existsSync(java)) return undefined;
  const version = /^JAVA_VERSION="([^"]+)"/m.exec(readFileSync(releaseFile, 'utf8'))?.[1];
  if (!version) return undefined;
  // "1.8.0_392" is Java 8; "21.0.2" and "25" are 21 and 25.
  const parts = version.split(/[.+_-]/).map(Number);
  const major = parts[0] === 1 ? (parts[1] ?? 0) : (parts[0] ?? 0);
  return { home, version, major, java };
}

/**
 * The JDK to run the Management API (and Maven) with: `GSO_APIM_JAVA_HOME` when set (must be Java 21+),
 * else the newest Java 21+ among `JAVA_HOME` and the JDKs under /usr/lib/jvm.
 */
export function findJavaHome(env: NodeJS.ProcessEnv = process.env): JavaHome {
  const forced = env.GSO_APIM_JAVA_HOME?.trim();
  if (forced) {
    const jdk = readJavaHome(forced);
    if (!jdk)
      throw new JavaHomeError(`GSO_APIM_JAVA_HOME=${forced} is not a JDK (no release file or bin/java)`);
    if (jdk.major < MINIMUM_JAVA_MAJOR) {
      throw new JavaHomeError(
        `GSO_APIM_JAVA_HOME=${forced} is Java ${jdk.version}; need ${MINIMUM_JAVA_MAJOR}+`,
      );
    }
    return jdk;
  }
  const candidates = [env.JAVA_HOME, ...listDirs(SYSTEM_JVM_ROOT)]
    .filter((home): home is string => Boolean(home))
    .map(readJavaHome)
    .filter((jdk): jdk is JavaHome => jdk !== undefined && jdk.major >= MINIMUM_JAVA_MAJOR)
    .sort((a, b) => b.major - a.major);
  const best = candidates[0];
  if (!best) {
    throw new JavaHomeError(
      `no Java ${MINIMUM_JAVA_MAJOR}+ JDK found in JAVA_HOME or ${SYSTEM_JVM_ROOT}; install one ` +
        `(e.g. a Temurin or OpenJDK 21/25 package) or set GSO_APIM_JAVA_HOME`,
    );
  }
  return best;
}

function listDirs(root: string): string[] {
  try {
    return readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(root, entry.name));
  } catch {
    return [];
  }
}
