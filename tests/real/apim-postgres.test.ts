/**
 * The PostgreSQL the real APIM harness starts for the Management API's JDBC repository: a throw-away
 * cluster from the machine's PostgreSQL binaries, on a free loopback port, gone without a trace on stop.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type RunningPostgres, startPostgres } from '../harness/apim/postgres.ts';
import { findPostgresBinaries } from '../harness/apim/postgres-binaries.ts';
import { readFileTail } from '../harness/support/file-tail.ts';
import { isPortOpen, isProcessAlive, isProcessGroupAlive } from '../harness/support/liveness.ts';

function psql(postgres: RunningPostgres, hostOrSocket: string, sql: string): string {
  const result = spawnSync(
    join(findPostgresBinaries().bin, 'psql'),
    [
      '-h',
      hostOrSocket,
      '-p',
      String(postgres.port),
      '-U',
      postgres.user,
      '-d',
      postgres.database,
      '-Atc',
      sql,
    ],
    { encoding: 'utf8', timeout: 10_000 },
  );
  assert.equal(result.status, 0, `psql failed: ${result.stderr}`);
  return result.stdout.trim();
}

describe('the harness PostgreSQL', () => {
  let dir: string;
  let postgres: RunningPostgres;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gso-apim-pg-test-'));
    postgres = await startPostgres({ dir, database: 'gravitee_test' });
  });

  after(async () => {
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the requested database and accepts SQL on its loopback port', () => {
    // Prepare: the table name is unique to this run, so a stale cluster could not answer for it.
    const table = `probe_${process.pid}`;

    // Act
    psql(postgres, '127.0.0.1', `create table ${table} (n int); insert into ${table} values (41), (1);`);
    const sum = psql(postgres, '127.0.0.1', `select sum(n) from ${table}`);

    // Assess
    assert.equal(sum, '42');
    assert.equal(psql(postgres, '127.0.0.1', 'select current_database()'), 'gravitee_test');
    assert.equal(postgres.jdbcUrl, `jdbc:postgresql://127.0.0.1:${postgres.port}/gravitee_test`);
  });

  it('also listens on a Unix socket inside its own directory', () => {
    // Prepare
    const socketFile = join(postgres.socketDir, `.s.PGSQL.${postgres.port}`);

    // Act
    const user = psql(postgres, postgres.socketDir, 'select current_user');

    // Assess
    assert.ok(existsSync(socketFile), `${socketFile} exists`);
    assert.ok(postgres.socketDir.startsWith(dir), 'the socket is in the harness directory');
    assert.equal(user, 'gravitee');
  });

  it('stops without leaving a server process or an open port behind', async () => {
    // Prepare
    assert.ok(isProcessAlive(postgres.pid), 'the server runs before stop');

    // Act
    await postgres.stop();

    // Assess
    assert.equal(isProcessAlive(postgres.pid), false, 'the postmaster is gone');
    assert.equal(isProcessGroupAlive(postgres.pid), false, 'no backend of its process group is left');
    assert.equal(await isPortOpen('127.0.0.1', postgres.port), false, 'the port is closed');
    assert.match(readFileTail(postgres.logFile, 1_000), /database system is shut down/);
  });
});
