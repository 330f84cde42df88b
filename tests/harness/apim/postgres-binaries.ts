import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where Debian's PostgreSQL packages put the server binaries: /usr/lib/postgresql/<major>/bin. */
const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';

/** Thrown when the PostgreSQL server binaries or the account to run them are missing. */
export class PostgresBinariesError extends Error {
  override readonly name = 'PostgresBinariesError';
}

/** The server binaries of one PostgreSQL installation. */
export interface PostgresBinaries {
  bin: string;
  initdb: string;
  postgres: string;
  pgIsready: string;
  createdb: string;
}

/**
 * The PostgreSQL server binaries: `GSO_PG_BIN` when set, else the newest Debian installation, else the
 * directory `pg_config --bindir` names.
 */
export function findPostgresBinaries(env: NodeJS.ProcessEnv = process.env): PostgresBinaries {
  const forced = env.GSO_PG_BIN?.trim();
  const candidates = forced ? [forced] : [...debianBinDirs(), pgConfigBinDir()];
  for (const bin of candidates) {
    if (bin && existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres'))) {
      return {
        bin,
        initdb: join(bin, 'initdb'),
        postgres: join(bin, 'postgres'),
        pgIsready: join(bin, 'pg_isready'),
        createdb: join(bin, 'createdb'),
      };
    }
  }
  throw new PostgresBinariesError(
    forced
      ? `GSO_PG_BIN=${forced} holds no initdb/postgres`
      : `PostgreSQL server binaries not found under ${DEBIAN_POSTGRES_ROOT}/<major>/bin nor via pg_config; ` +
          'install them (Debian: apt-get install postgresql) or set GSO_PG_BIN',
  );
}

function debianBinDirs(): string[] {
  try {
    return readdirSync(DEBIAN_POSTGRES_ROOT)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a))
      .map((major) => join(DEBIAN_POSTGRES_ROOT, major, 'bin'));
  } catch {
    return [];
  }
}

function pgConfigBinDir(): string | undefined {
  const result = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** An unprivileged OS account (PostgreSQL refuses to run as root). */
export interface OsAccount {
  name: string;
  uid: number;
  gid: number;
}

/**
 * The account the server runs as when this process is root: `GSO_PG_OS_USER` or `postgres`, looked up in
 * /etc/passwd. Undefined when this process is not root (the server then runs as the current user).
 */
export function postgresOsAccount(env: NodeJS.ProcessEnv = process.env): OsAccount | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const name = env.GSO_PG_OS_USER?.trim() || 'postgres';
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) {
    throw new PostgresBinariesError(
      `running as root, and PostgreSQL refuses root: no OS account '${name}' to run it as ` +
        '(Debian creates `postgres` with the server package; or set GSO_PG_OS_USER)',
    );
  }
  return { name, uid: Number(uid), gid: Number(gid) };
}

/**
 * Command and arguments that run `command` as `account` (no fork: `setpriv` execs it, so the pid and the
 * process group stay the ones we spawned and can signal).
 */
export function asAccount(
  account: OsAccount | undefined,
  command: string,
  args: readonly string[],
): { command: string; args: string[] } {
  if (!account) return { command, args: [...args] };
  return {
    command: 'setpriv',
    args: [`--reuid=${account.uid}`, `--regid=${account.gid}`, '--clear-groups', '--', command, ...args],
  };
}
