/**
 * What `startRealApim` does when the Management API dies at start: the error carries the tail of its log,
 * and nothing of the run is left (no PostgreSQL, no Java, no temporary directory).
 *
 * The home given with GSO_APIM_HOME has the right layout but an empty bootstrap jar, so the real JVM
 * starts and exits at once; PostgreSQL is real too.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apimVersion } from '../harness/apim/apim-home.ts';
import { RealApimStartError, startRealApim } from '../harness/apim/real-apim.ts';

/** Processes whose command line mentions a harness run directory. */
function harnessProcesses(): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .filter((line) => /gso-apim-[A-Za-z0-9]{6}/.test(line) && !line.includes(' ps '));
}

function runDirectories(): string[] {
  return readdirSync(tmpdir()).filter((name) => /^gso-apim-[A-Za-z0-9]{6}$/.test(name));
}

describe('a Management API that dies at start', () => {
  let home: string;
  const previousHome = process.env.GSO_APIM_HOME;

  before(() => {
    home = mkdtempSync(join(tmpdir(), 'gso-broken-apim-home-'));
    const version = apimVersion();
    for (const file of [
      `lib/gravitee-apim-rest-api-standalone-bootstrap-${version}.jar`,
      `lib/gravitee-apim-rest-api-standalone-container-${version}.jar`,
      'lib/ext/placeholder.jar',
      `plugins/gravitee-apim-repository-jdbc-${version}.zip`,
      `plugins/gravitee-apim-rest-api-idp-memory-${version}.zip`,
      `plugins/gravitee-apim-plugin-entrypoint-http-proxy-${version}.zip`,
      `plugins/gravitee-apim-plugin-endpoint-http-proxy-${version}.zip`,
      'plugins/ext/repository-jdbc/postgresql-42.7.11.jar',
      'config/logback.xml',
    ]) {
      mkdirSync(join(home, file, '..'), { recursive: true });
      writeFileSync(join(home, file), '');
    }
    process.env.GSO_APIM_HOME = home;
  });

  after(() => {
    if (previousHome === undefined) delete process.env.GSO_APIM_HOME;
    else process.env.GSO_APIM_HOME = previousHome;
    rmSync(home, { recursive: true, force: true });
  });

  it('fails with the tail of its log and leaves no process and no run directory behind', async () => {
    // Prepare
    const directoriesBefore = new Set(runDirectories());
    const processesBefore = new Set(harnessProcesses());
    const progress: string[] = [];

    // Act
    const failure = await startRealApim({ readyTimeoutMs: 60_000, log: (line) => progress.push(line) }).then(
      () => undefined,
      (error: unknown) => error,
    );

    // Assess
    assert.ok(failure instanceof RealApimStartError, `a RealApimStartError, got ${String(failure)}`);
    assert.match(failure.message, /the Management API exited/);
    // The JVM's own complaint about the empty jar, taken from the log file.
    assert.match(failure.message, /io\.gravitee\.rest\.api\.standalone\.boostrap\.Bootstrap/);
    assert.ok(
      progress.some((line) => line.includes('PostgreSQL ready')),
      'PostgreSQL was started before Java',
    );
    assert.deepEqual(
      runDirectories().filter((name) => !directoriesBefore.has(name)),
      [],
    );
    assert.deepEqual(
      harnessProcesses().filter((line) => !processesBefore.has(line)),
      [],
    );
  });
});
