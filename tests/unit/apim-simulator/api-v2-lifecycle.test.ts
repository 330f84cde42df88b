import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ApiV2ImportBody, toApiV2ImportBody } from '../../../lib/apim/payload/api-v2-import-body.ts';
import type { ApiV2PreviousStatus } from '../../../lib/apim/payload/api-v2-resource.ts';
import { toApiV2Status } from '../../../lib/apim/payload/api-v2-status.ts';
import { managementV1Root } from '../../../lib/apim/target.ts';
import { minimalApiSpec } from './api-fixture.ts';
import { BASIC, BEARER_JSON, json, putApi, TOKEN } from './http-helpers.ts';
import { useSimulator } from './use-simulator.ts';

/** The import-crd body of a small v2 API, built by the real mapping from an `ApiDefinition`. */
function v2Body(
  name: string,
  options: { path?: string; uid?: string; previous?: ApiV2PreviousStatus; plans?: string[] } = {},
): ApiV2ImportBody {
  return toApiV2ImportBody(
    {
      metadata: { name, namespace: 'default', uid: options.uid ?? `uid-of-${name}` },
      spec: {
        contextRef: { name: 'dev-ctx' },
        name,
        version: '1.0',
        description: `The ${name} API`,
        state: 'STARTED',
        proxy: {
          virtual_hosts: [{ path: options.path ?? `/${name}` }],
          groups: [
            { name: 'default', endpoints: [{ name: 'backend', target: 'https://api.gravitee.io/echo' }] },
          ],
        },
        plans: (options.plans ?? ['KEY_LESS']).map((plan) => ({
          name: plan,
          description: plan,
          security: plan,
          status: 'PUBLISHED',
        })),
        pages: {
          folder: { name: 'Docs', type: 'FOLDER' },
          readme: { name: 'Readme', type: 'MARKDOWN', parent: 'folder', content: '# Hello' },
        },
      },
    },
    {},
    options.previous,
  );
}

describe('APIM simulator: v2 APIs through the Management API v1', () => {
  const { simulator } = useSimulator({ credentials: { bearerToken: TOKEN, basic: BASIC } });
  // The URL builder the APIM client uses, pointed at the simulator.
  const v1 = () =>
    managementV1Root({
      baseUrl: simulator.baseUrl,
      managementPath: '/management',
      automationPath: '/automation',
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
    });

  const importCrd = (body: unknown, dryRun = false) =>
    fetch(`${v1()}/apis/import-crd?dryRun=${dryRun}`, {
      method: 'PUT',
      headers: BEARER_JSON,
      body: JSON.stringify(body),
    });
  const getApi = (id: string) => fetch(`${v1()}/apis/${encodeURIComponent(id)}`, { headers: BEARER_JSON });
  const deleteApi = (id: string, closePlans = true) =>
    fetch(`${v1()}/apis/${encodeURIComponent(id)}?closePlans=${closePlans}`, {
      method: 'DELETE',
      headers: BEARER_JSON,
    });

  it('imports an API with the ids GKO computed and answers them with its plans by crossId', async () => {
    // Prepare
    const body = v2Body('orders');

    // Act
    const response = await importCrd(body);

    // Assess
    const answer = await json(response);
    assert.equal(response.status, 200);
    assert.deepEqual(answer, {
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
      id: 'uid-of-orders',
      crossId: body.crossId,
      state: 'STARTED',
      errors: { severe: [], warning: [] },
      plans: { [String(body.plans?.[0]?.crossId)]: String(body.plans?.[0]?.id) },
    });
    assert.equal(toApiV2Status(answer).plans[String(body.plans?.[0]?.crossId)], body.plans?.[0]?.id);
    assert.equal(simulator.writes().length, 1);
  });

  it('reads an imported API back with its state, context path and plan ids', async () => {
    // Prepare
    const body = v2Body('orders');
    await importCrd(body);

    // Act
    const response = await getApi(body.id);

    // Assess
    const api = await json(response);
    assert.equal(response.status, 200);
    assert.equal(api.id, body.id);
    assert.equal(api.crossId, body.crossId);
    assert.equal(api.state, 'STARTED');
    assert.equal(api.context_path, '/orders');
    assert.deepEqual(api.definition_context, {
      origin: 'kubernetes',
      mode: 'fully_managed',
      syncFrom: 'MANAGEMENT',
    });
    const [plan] = api.plans as Array<Record<string, unknown>>;
    assert.deepEqual(
      [plan?.id, plan?.crossId, plan?.api],
      [body.plans?.[0]?.id, body.plans?.[0]?.crossId, body.id],
    );
    assert.equal(simulator.v2Apis().get(body.id)?.name, 'orders');
  });

  it('re-importing the same crossId keeps the stored API, plan and page ids, whatever ids the body carries', async () => {
    // Prepare
    const first = v2Body('orders');
    await importCrd(first);
    // The resource was re-created (new UID) and its status lost: same crossIds, other ids. The path moves
    // too, since APIM checks context paths against every API with another id, the stored one included.
    const again = structuredClone(first);
    again.id = 'another-uid';
    again.description = 'Updated';
    again.proxy = { ...(first.proxy as object), virtual_hosts: [{ path: '/orders-v2' }] };
    for (const plan of again.plans ?? []) plan.id = `other-${plan.id}`;
    for (const page of Object.values(again.pages ?? {})) page.id = `other-${page.id}`;

    // Act
    const answer = await json(await importCrd(again));

    // Assess
    const [plan] = first.plans ?? [];
    assert.equal(answer.id, first.id);
    assert.equal(answer.crossId, first.crossId);
    assert.deepEqual(answer.plans, { [String(plan?.crossId)]: String(plan?.id) });
    const stored = simulator.v2Apis().get(first.id);
    assert.equal(stored?.description, 'Updated');
    assert.equal(simulator.v2Apis().size, 1);
  });

  it('re-importing with the ids of the previous answer sends the same ids again', async () => {
    // Prepare
    const first = v2Body('orders');
    const status = toApiV2Status(await json(await importCrd(first)));

    // Act
    const again = v2Body('orders', {
      previous: { id: status.id, crossId: status.crossId, plans: status.plans },
    });
    const answer = await json(await importCrd(again));

    // Assess
    assert.deepEqual(again.plans, first.plans);
    assert.deepEqual(again.pages, first.pages);
    assert.equal(answer.id, first.id);
    assert.deepEqual(answer.plans, status.plans);
  });

  it('a dry run answers the ids sent and no plans, and stores nothing', async () => {
    // Act
    const response = await importCrd(v2Body('orders'), true);

    // Assess
    const answer = await json(response);
    assert.equal(response.status, 200);
    assert.equal(answer.id, 'uid-of-orders');
    assert.deepEqual(answer.plans, {});
    assert.deepEqual(answer.errors, { severe: [], warning: [] });
    assert.equal(simulator.v2Apis().size, 0);
    assert.deepEqual(simulator.writes(), []);
    assert.equal((await getApi('uid-of-orders')).status, 404);
  });

  it('a context path taken by another v2 API is reported by a dry run and rejects an import', async () => {
    // Prepare
    await importCrd(v2Body('orders', { path: '/shop' }));
    const clash = v2Body('carts', { path: '/shop/carts' });

    // Act
    const dryRun = await json(await importCrd(clash, true));
    const response = await importCrd(clash);

    // Assess
    assert.deepEqual(dryRun.errors, { severe: ['Path [/shop/] already exists'], warning: [] });
    assert.equal(response.status, 400);
    assert.deepEqual(await json(response), { severe: ['Path [/shop/] already exists'], warning: [] });
    assert.equal(simulator.v2Apis().size, 1);
  });

  it('v2 and v4 APIs of an environment share the context-path check', async () => {
    // Prepare
    await importCrd(v2Body('orders', { path: '/orders' }));

    // Act
    const v4 = await putApi(simulator.baseUrl, minimalApiSpec('orders-v4', '/orders/v4'));
    await putApi(simulator.baseUrl, minimalApiSpec('billing', '/billing'));
    const v2 = await importCrd(v2Body('billing-v2', { path: '/billing' }));

    // Assess
    assert.equal(v4.status, 400);
    assert.match(String((await json(v4)).message), /Path \[\/orders\/\] already exists/);
    assert.equal(v2.status, 400);
    assert.deepEqual((await json(v2)).severe, ['Path [/billing/] already exists']);
  });

  it('deletes an API closing its plans, after which reading or deleting it is a 404', async () => {
    // Prepare
    const body = v2Body('orders');
    await importCrd(body);

    // Act
    const deleted = await deleteApi(body.id);
    const read = await getApi(body.id);
    const again = await deleteApi(body.id);

    // Assess
    assert.equal(deleted.status, 204);
    assert.equal(read.status, 404);
    assert.equal(again.status, 404);
    assert.deepEqual(await json(again), {
      message: `Api [${body.id}] cannot be found.`,
      http_status: 404,
      technicalCode: 'api.notFound',
      parameters: { api: body.id },
    });
    assert.equal(simulator.v2Apis().size, 0);
  });

  it('refuses to delete an API whose published plans are not closed', async () => {
    // Prepare
    const body = v2Body('orders');
    await importCrd(body);

    // Act
    const response = await deleteApi(body.id, false);

    // Assess
    assert.equal(response.status, 400);
    assert.equal((await json(response)).technicalCode, 'api.notDeletable');
    assert.equal(simulator.v2Apis().size, 1);
  });
});

describe('APIM simulator: import-crd bodies are checked against the schema derived from the CRD', () => {
  const { simulator } = useSimulator({}, 'reset');
  const v1 = () => `${simulator.baseUrl}/management/organizations/DEFAULT/environments/DEFAULT`;

  it('a body still holding contextRef and lacking ids is a 400 and a request violation', async () => {
    // Prepare
    const { id: _id, crossId: _crossId, ...withoutIds } = v2Body('orders');

    // Act
    const response = await fetch(`${v1()}/apis/import-crd?dryRun=false`, {
      method: 'PUT',
      headers: BEARER_JSON,
      body: JSON.stringify({ ...withoutIds, contextRef: { name: 'dev-ctx' } }),
    });

    // Assess
    assert.equal(response.status, 400);
    const [violation] = simulator.violations();
    assert.equal(violation?.kind, 'request');
    assert.equal(violation?.operationId, 'importApiDefinitionCrd');
    const problems = violation?.problems.join('\n') ?? '';
    assert.match(problems, /must have required property 'id'/);
    assert.match(problems, /must have required property 'crossId'/);
    assert.match(problems, /additional properties 'contextRef'/);
    assert.deepEqual(simulator.writes(), []);
  });

  it('an undeclared query parameter is a request violation too', async () => {
    // Act
    const response = await fetch(`${v1()}/apis/import-crd?dryRun=true&force=true`, {
      method: 'PUT',
      headers: BEARER_JSON,
      body: JSON.stringify(v2Body('orders')),
    });

    // Assess
    assert.equal(response.status, 400);
    assert.match(
      simulator.violations()[0]?.problems.join('\n') ?? '',
      /query parameter 'force' is not declared/,
    );
  });
});
