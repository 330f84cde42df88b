/**
 * `gso validate --dry-run-apim` against a running APIM simulator: valid resources are reported OK, a resource
 * APIM refuses is REJECTED with APIM's own message, the exit code says which, and APIM stores nothing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { main } from '../../../lib/cli/main.ts';
import { ApimSimulator } from '../../support/apim-simulator/index.ts';
import { minimalApiSpec } from '../apim-simulator/api-fixture.ts';

const TOKEN = 'dry-run-token';

const resource = (kind: string, name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'gravitee.io/v1alpha1',
  kind,
  metadata: { name },
  spec,
});

function api(name: string, path: string) {
  return resource('ApiV4Definition', name, {
    contextRef: { name: 'dev-ctx' },
    name,
    version: '1.0',
    type: 'PROXY',
    state: 'STARTED',
    definitionVersion: 'V4',
    listeners: [{ type: 'HTTP', paths: [{ path }], entrypoints: [{ type: 'http-proxy' }] }],
    endpointGroups: [
      {
        name: 'default',
        type: 'http-proxy',
        endpoints: [
          {
            name: 'backend',
            type: 'http-proxy',
            inheritConfiguration: false,
            configuration: { target: 'https://backend.example.com' },
          },
        ],
      },
    ],
    plans: { keyless: { name: 'Keyless', security: { type: 'KEY_LESS' }, status: 'PUBLISHED' } },
  });
}

describe('gso validate --dry-run-apim', () => {
  const simulator = new ApimSimulator({ credentials: { bearerToken: TOKEN } });
  let dir = '';

  /** Writes the manifests (with a context pointing at the simulator) and runs the command. */
  async function dryRun(documents: unknown[]): Promise<{ code: number; out: string }> {
    const context = resource('ManagementContext', 'dev-ctx', {
      baseUrl: simulator.baseUrl,
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
      auth: { bearerToken: TOKEN },
    });
    writeFileSync(
      join(dir, 'manifests.yaml'),
      [context, ...documents].map((d) => stringify(d)).join('---\n'),
    );
    const lines: string[] = [];
    const code = await main(['validate', dir, '--dry-run-apim'], (line) => lines.push(line));
    return { code, out: lines.join('\n') };
  }

  /** An API APIM already holds, at `/taken`, put there directly (not through gso). */
  async function seedApi(): Promise<void> {
    const response = await fetch(
      `${simulator.baseUrl}/automation/organizations/DEFAULT/environments/DEFAULT/apis?dryRun=false`,
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(minimalApiSpec('existing', '/taken')),
      },
    );
    assert.equal(response.status, 200, await response.text());
  }

  before(async () => {
    await simulator.start();
  });

  beforeEach(() => {
    simulator.reset();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), 'gso-dry-run-'));
  });

  after(async () => {
    await simulator.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reports OK for valid resources, exits 0, and APIM stores nothing', async () => {
    // Prepare
    const application = resource('Application', 'orders-client', {
      contextRef: { name: 'dev-ctx' },
      name: 'Orders client',
      description: 'Calls the orders API',
      settings: { app: { type: 'WEB' } },
    });

    const legacy = resource('ApiDefinition', 'legacy', {
      contextRef: { name: 'dev-ctx' },
      name: 'Legacy',
      version: '1.0',
      description: 'A v2 API',
      plans: [{ name: 'Keyless', description: 'Free', security: 'KEY_LESS' }],
      proxy: {
        virtual_hosts: [{ path: '/legacy' }],
        groups: [{ endpoints: [{ name: 'backend', target: 'https://legacy.example.com' }] }],
      },
    });

    // Act
    const { code, out } = await dryRun([api('orders', '/orders'), application, legacy]);

    // Assess
    assert.equal(code, 0, out);
    assert.match(out, /^ManagementContext default\/dev-ctx: OK$/m);
    assert.match(out, /^ApiV4Definition default\/orders: OK$/m);
    assert.match(out, /^Application default\/orders-client: OK$/m);
    assert.match(out, /^ApiDefinition default\/legacy: OK$/m);
    assert.match(out, /PUT http:\/\/127\.0\.0\.1:\d+\/management\/\S+\/apis\/import-crd\?dryRun=true → 200/);
    assert.match(out, /PUT http:\/\/127\.0\.0\.1:\d+\/automation\/\S+\/apis\?dryRun=true → 200/);
    assert.match(out, /PUT http:\/\/127\.0\.0\.1:\d+\/automation\/\S+\/applications\?dryRun=true → 200/);
    assert.match(out, /4 resources checked against APIM \(dry run\): 0 rejected/);
    const sent = simulator.requests().filter((r) => r.method === 'PUT');
    assert.equal(sent.length, 3, 'every payload reached APIM');
    assert.deepEqual(simulator.writes(), []);
    assert.equal(simulator.apis().size, 0);
    assert.equal(simulator.v2Apis().size, 0);
    assert.equal(simulator.resources('applications').size, 0);
    simulator.assertNoViolations();
  });

  it("reports REJECTED with APIM's message for a context-path conflict, exits 1, and changes nothing", async () => {
    // Prepare
    await seedApi();
    const writesBefore = simulator.writes().length;
    const storedBefore = JSON.stringify([...simulator.apis()]);

    // Act
    const { code, out } = await dryRun([api('orders', '/orders'), api('clash', '/taken')]);

    // Assess
    assert.equal(code, 1, out);
    assert.match(out, /^ApiV4Definition default\/orders: OK$/m);
    assert.match(out, /^ApiV4Definition default\/clash: REJECTED$/m);
    assert.match(out, /severe: .*Path \[\/taken\/\] already exists/);
    assert.match(out, /3 resources checked against APIM \(dry run\): 1 rejected/);
    assert.equal(simulator.writes().length, writesBefore, 'the dry run wrote nothing');
    assert.equal(JSON.stringify([...simulator.apis()]), storedBefore);
    assert.deepEqual([...simulator.apis().keys()], ['existing']);
    simulator.assertNoViolations();
  });
});
