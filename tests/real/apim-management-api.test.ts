/**
 * Smoke test of the real Gravitee APIM Management API harness: APIM 4.12 from published artifacts, on a
 * throw-away PostgreSQL, with the in-memory admin. The example API is GKO's `api-v4.yml`, turned into an
 * Automation API body by our own payload builder, as the operator does.
 *
 * The first run assembles the Management API home with Maven (see tests/harness/apim/) and runs APIM's
 * database migrations, so it takes minutes. When the artifacts cannot be obtained (APIM 4.x Management API
 * artifacts are not published on Maven Central), the suite is skipped with Maven's answer as the reason;
 * `GSO_APIM_HOME` pointing at an unpacked 4.12 distribution makes it run.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import type { ApiV4DefinitionResource } from '../../lib/apim/payload/api-v4-resource.ts';
import { toApiV4Spec } from '../../lib/apim/payload/api-v4-spec.ts';
import type { ApiV4State } from '../../lib/apim/payload/api-v4-state.ts';
import { realApimAvailability } from '../harness/apim/availability.ts';
import { type RealApim, startRealApim } from '../harness/apim/real-apim.ts';
import { isPortOpen, isProcessAlive, isProcessGroupAlive } from '../harness/support/liveness.ts';
import { repoRoot } from '../harness/support/repo-root.ts';

/** GKO's plain v4 HTTP proxy example with a keyless plan, read in place from the shared folder. */
const EXAMPLE = join(
  repoRoot,
  '..',
  'shared',
  'gko',
  'examples',
  'apim',
  'api_definition',
  'v4',
  'api-v4.yml',
);

/** Assembly (first run) plus migrations (first start) plus the requests. */
const STARTUP_TIMEOUT_MS = 30 * 60_000;

function exampleApi(): ApiV4DefinitionResource {
  const manifest = parse(readFileSync(EXAMPLE, 'utf8')) as {
    metadata: { name: string };
    spec: ApiV4DefinitionResource['spec'];
  };
  return { metadata: { name: manifest.metadata.name, namespace: 'default' }, spec: manifest.spec };
}

async function call(
  apim: RealApim,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: unknown; text: string }> {
  const response = await fetch(url, {
    method,
    headers: {
      Authorization: apim.authorization,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

const availability = await realApimAvailability();

describe('a real APIM 4.12 Management API on PostgreSQL', {
  timeout: STARTUP_TIMEOUT_MS,
  skip: availability.available ? false : `real APIM unavailable: ${availability.reason}`,
}, () => {
  let apim: RealApim;
  const resource = exampleApi();
  const body = toApiV4Spec(resource);
  const apisUrl = () => `${apim.automation}/organizations/DEFAULT/environments/DEFAULT/apis`;

  before(async () => {
    apim = await startRealApim();
    process.stderr.write(
      `apim timings: assemble ${apim.timings.assembleMs} ms, postgres ${apim.timings.postgresMs} ms, ` +
        `ready ${apim.timings.readyMs} ms (Java ${apim.javaVersion})\n`,
    );
  });

  after(async () => {
    await apim?.stop();
  });

  it('answers the DEFAULT environment of the DEFAULT organization to the admin with basic auth', async () => {
    // Act
    const answer = await call(apim, 'GET', `${apim.managementV2}/organizations/DEFAULT/environments/DEFAULT`);

    // Assess
    assert.equal(answer.status, 200, answer.text);
    const environment = answer.json as { id?: string; name?: string };
    assert.equal(environment.id, 'DEFAULT');
    assert.equal(typeof environment.name, 'string');
  });

  it('refuses the same request without credentials', async () => {
    // Act
    const response = await fetch(`${apim.managementV2}/organizations/DEFAULT/environments/DEFAULT`);
    await response.body?.cancel();

    // Assess
    assert.equal(response.status, 401);
  });

  it('accepts a dry-run PUT of the example v4 API as our payload builder writes it', async () => {
    // Prepare
    assert.equal(body.hrid, 'default-api-v4');

    // Act
    const answer = await call(apim, 'PUT', `${apisUrl()}?dryRun=true`, body);

    // Assess
    assert.equal(answer.status, 200, answer.text);
    const state = answer.json as ApiV4State;
    assert.deepEqual(state.errors?.severe ?? [], [], answer.text);
    // A dry run stores nothing.
    assert.equal((await call(apim, 'GET', `${apisUrl()}/${body.hrid}`)).status, 404);
  });

  it('creates the API with a real PUT, reads it back by HRID and deletes it', async () => {
    // Act
    const created = await call(apim, 'PUT', apisUrl(), body);
    const read = await call(apim, 'GET', `${apisUrl()}/${body.hrid}`);
    const deleted = await call(apim, 'DELETE', `${apisUrl()}/${body.hrid}`);
    const afterDelete = await call(apim, 'GET', `${apisUrl()}/${body.hrid}`);

    // Assess
    assert.equal(created.status, 200, created.text);
    const state = created.json as ApiV4State;
    assert.equal(typeof state.id, 'string');
    assert.equal(state.environmentId, 'DEFAULT');
    assert.deepEqual(
      (state.plans ?? []).map((plan) => plan.hrid),
      ['KeyLess'],
    );
    assert.equal(read.status, 200, read.text);
    const stored = read.json as { hrid?: string; name?: string; id?: string };
    assert.equal(stored.hrid, body.hrid);
    assert.equal(stored.name, resource.spec.name);
    assert.equal(stored.id, state.id);
    assert.equal(deleted.status, 204, deleted.text);
    assert.equal(afterDelete.status, 404, afterDelete.text);
  });

  it('stops without leaving a Java or PostgreSQL process or an open port behind', async () => {
    // Prepare
    const { pids, ports } = apim;
    assert.ok(isProcessAlive(pids.java) && isProcessAlive(pids.postgres), 'both run before stop');

    // Act
    await apim.stop();

    // Assess
    for (const pid of [pids.java, pids.postgres]) {
      assert.equal(isProcessAlive(pid), false, `process ${pid} is gone`);
      assert.equal(isProcessGroupAlive(pid), false, `nothing of process group ${pid} is left`);
    }
    assert.equal(await isPortOpen('127.0.0.1', ports.http), false, 'the HTTP port is closed');
    assert.equal(await isPortOpen('127.0.0.1', ports.postgres), false, 'the PostgreSQL port is closed');
  });
});
