import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { ApimClient } from '../../../lib/apim/apim-client.ts';
import { toApiV2ImportBody } from '../../../lib/apim/payload/api-v2-import-body.ts';
import { type ApiV2ImportAnswer, toApiV2Status } from '../../../lib/apim/payload/api-v2-status.ts';
import { TOKEN } from './http-helpers.ts';
import { useSimulator } from './use-simulator.ts';

/** The import-crd body of the `echo` ApiDefinition, mapped as GKO maps it. */
function echoBody() {
  return toApiV2ImportBody({
    metadata: { name: 'echo', namespace: 'apis', uid: '5d0c7b1e-1f0a-4c55-9a7e-0c1d2e3f4a5b' },
    spec: {
      contextRef: { name: 'dev-ctx' },
      name: 'echo',
      version: '1',
      description: 'Echo',
      state: 'STARTED',
      proxy: {
        virtual_hosts: [{ path: '/echo' }],
        groups: [
          { name: 'default', endpoints: [{ name: 'backend', target: 'https://api.gravitee.io/echo' }] },
        ],
      },
      plans: [{ name: 'Free', description: 'Free', security: 'KEY_LESS', status: 'PUBLISHED' }],
    },
  });
}

describe('The APIM client syncs a v2 API with the simulated Management API v1 as GKO does', () => {
  const { simulator } = useSimulator();
  let client: ApimClient;

  before(() => {
    client = new ApimClient({
      baseUrl: simulator.baseUrl,
      managementPath: '/management',
      automationPath: '/automation',
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
      auth: { type: 'bearer', token: TOKEN },
    });
  });

  it('a dry run then an import send dryRun=true then dryRun=false, and only the import stores the API', async () => {
    // Prepare
    const body = echoBody();

    // Act
    const checked = toApiV2Status((await client.importV2Api(body, { dryRun: true })) as ApiV2ImportAnswer);
    const storedAfterDryRun = simulator.v2Apis().size;
    const imported = toApiV2Status((await client.importV2Api(body, { dryRun: false })) as ApiV2ImportAnswer);

    // Assess
    assert.deepEqual(
      simulator
        .requests()
        .map((request) => [request.method, request.path.split('/').slice(-2).join('/'), request.query]),
      [
        ['PUT', 'apis/import-crd', { dryRun: 'true' }],
        ['PUT', 'apis/import-crd', { dryRun: 'false' }],
      ],
    );
    assert.equal(storedAfterDryRun, 0);
    assert.deepEqual(checked.plans, {});
    assert.equal(imported.id, body.id);
    assert.deepEqual(imported.plans, { [String(body.plans?.[0]?.crossId)]: String(body.plans?.[0]?.id) });
    assert.equal(simulator.v2Apis().get(body.id)?.name, 'echo');
  });

  it('a delete closes the plans (closePlans=true) and a second delete counts as done', async () => {
    // Prepare
    const body = echoBody();
    await client.importV2Api(body, { dryRun: false });

    // Act
    const first = await client.deleteV2Api(body.id);
    const second = await client.deleteV2Api(body.id);

    // Assess
    assert.deepEqual([first, second], ['deleted', 'not-found']);
    const deletes = simulator.requests().filter((request) => request.method === 'DELETE');
    assert.deepEqual(
      deletes.map((request) => [request.path.endsWith(`/apis/${body.id}`), request.query, request.status]),
      [
        [true, { closePlans: 'true' }, 204],
        [true, { closePlans: 'true' }, 404],
      ],
    );
    assert.equal(simulator.v2Apis().size, 0);
  });
});
