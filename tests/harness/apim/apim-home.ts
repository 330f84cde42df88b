import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realCacheDir } from '../support/cache-dir.ts';

/** The project-owned POM that assembles the home; it also pins the APIM version. */
export const APIM_POM = fileURLToPath(new URL('./pom.xml', import.meta.url));

/** Written into an assembled home once Maven finished and the layout checked out. */
export const ASSEMBLED_MARKER = '.gso-assembled.json';

/** The Management API version the POM assembles (`<apim.version>`). */
export function apimVersion(): string {
  const version = /<apim\.version>([^<]+)<\/apim\.version>/.exec(readFileSync(APIM_POM, 'utf8'))?.[1];
  if (!version) throw new Error(`${APIM_POM} names no <apim.version>`);
  return version;
}

/** Where the Management API home is and who provides it. */
export interface ApimHomeLocation {
  home: string;
  /**
   * `cache`: assembled by our POM into `<real cache>/apim/<version>`;
   * `provided`: an existing home named by `GSO_APIM_HOME` (e.g. an unpacked official distribution),
   * used as is and never assembled.
   */
  source: 'cache' | 'provided';
}

/** `GSO_APIM_HOME` when set, else `<real cache>/apim/<version>`. */
export function apimHomeLocation(env: NodeJS.ProcessEnv = process.env): ApimHomeLocation {
  const provided = env.GSO_APIM_HOME?.trim();
  if (provided) return { home: provided, source: 'provided' };
  return { home: realCacheDir('apim', apimVersion()), source: 'cache' };
}

/** One file or directory the standalone bootstrap and our configuration need in the home. */
interface LayoutEntry {
  dir: string;
  /** File-name pattern inside `dir`. */
  pattern: RegExp;
  what: string;
  /** The bootstrap refuses a home with more than one bootstrap jar. */
  exactlyOne?: boolean;
}

const LAYOUT: readonly LayoutEntry[] = [
  {
    dir: 'lib',
    pattern: /^gravitee-apim-rest-api-standalone-bootstrap-.+\.jar$/,
    what: 'bootstrap jar',
    exactlyOne: true,
  },
  { dir: 'lib', pattern: /^gravitee-apim-rest-api-standalone-container-.+\.jar$/, what: 'container jar' },
  { dir: 'lib/ext', pattern: /\.jar$/, what: 'third-party jars' },
  { dir: 'plugins', pattern: /^gravitee-apim-repository-jdbc-.+\.zip$/, what: 'JDBC repository plugin' },
  {
    dir: 'plugins',
    pattern: /^gravitee-apim-rest-api-idp-memory-.+\.zip$/,
    what: 'in-memory identity provider',
  },
  {
    dir: 'plugins',
    pattern: /^gravitee-apim-plugin-entrypoint-http-proxy-.+\.zip$/,
    what: 'v4 HTTP proxy entrypoint',
  },
  {
    dir: 'plugins',
    pattern: /^gravitee-apim-plugin-endpoint-http-proxy-.+\.zip$/,
    what: 'v4 HTTP proxy endpoint',
  },
  { dir: 'plugins/ext/repository-jdbc', pattern: /^postgresql-.+\.jar$/, what: 'PostgreSQL JDBC driver' },
  { dir: 'config', pattern: /^logback\.xml$/, what: 'logging configuration' },
];

/** What the home lacks, one line per missing piece (empty when complete). */
export function missingFromHome(home: string): string[] {
  return LAYOUT.flatMap((entry) => {
    const found = listFiles(join(home, entry.dir)).filter((name) => entry.pattern.test(name));
    if (found.length === 0) return [`${entry.dir}/${entry.pattern.source} (${entry.what})`];
    if (entry.exactlyOne && found.length > 1)
      return [`exactly one ${entry.what} in ${entry.dir}: ${found.join(', ')}`];
    return [];
  });
}

/** True when our POM assembled this home completely (marker present and layout complete). */
export function isAssembled(home: string): boolean {
  return existsSync(join(home, ASSEMBLED_MARKER)) && missingFromHome(home).length === 0;
}

/** The bootstrap jar, the only class-path entry the JVM is started with. */
export function bootstrapJar(home: string): string {
  const name = listFiles(join(home, 'lib')).find((file) => LAYOUT[0]?.pattern.test(file));
  if (!name) throw new Error(`no bootstrap jar in ${join(home, 'lib')}`);
  return join(home, 'lib', name);
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
