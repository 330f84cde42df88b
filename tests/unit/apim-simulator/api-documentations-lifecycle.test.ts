import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiDocumentationId, apiScopedId } from '../../support/apim-simulator/index.ts';
import { minimalApiSpec } from './api-fixture.ts';
import { documentationSpec, portalSpec, stateOf } from './automation-fixtures.ts';
import { useSimulator } from './use-simulator.ts';

const PAGES = 'apis/orders-api/documentations';

describe('APIM simulator: automation API documentation lifecycle', () => {
  const { simulator, client } = useSimulator();

  it('creates a page with an id of its own kind, and keeps it on update', async () => {
    // Act
    const created = await client.put(PAGES, documentationSpec('overview'), { dryRun: 'false' });
    const updated = await client.put(
      PAGES,
      documentationSpec('overview', { type: 'OPENAPI', content: '{}' }),
    );

    // Assess
    const id = apiDocumentationId('DEFAULT', 'DEFAULT', 'orders-api', 'overview');
    assert.deepEqual(created, {
      status: 200,
      body: stateOf(documentationSpec('overview'), id, { apiHrid: 'orders-api' }),
    });
    // Not the id a plan, page or subscription of the same hrid would get.
    assert.notEqual(id, apiScopedId('DEFAULT', 'DEFAULT', 'orders-api', 'overview'));
    assert.equal(updated.body?.id, id);
    assert.equal(
      simulator.resource('apis/{apiHrid}/documentations', 'overview', { parentHrid: 'orders-api' })?.type,
      'OPENAPI',
    );
  });

  it('answers a dry run with the would-be state and stores nothing', async () => {
    // Act
    const response = await client.dryRun(PAGES, documentationSpec('overview'));

    // Assess
    assert.equal(response.status, 200);
    assert.equal(response.body?.errors, undefined);
    assert.equal(simulator.resources('apis/{apiHrid}/documentations').size, 0);
  });

  it('reads a page back, and keeps it when its API is deleted', async () => {
    // Prepare
    await client.put('apis', minimalApiSpec('orders-api'));
    await client.put(PAGES, documentationSpec('overview'));

    // Act
    await client.delete('apis/orders-api');
    const read = await client.get(`${PAGES}/overview`);

    // Assess
    assert.equal(read.status, 200);
    assert.equal(read.body?.apiHrid, 'orders-api');
    assert.equal(read.body?.errors, undefined);
  });

  it('deletes a page, after which reading or deleting it is a 404', async () => {
    // Prepare
    await client.put(PAGES, documentationSpec('overview'));

    // Act
    const { deleted, read, deletedAgain } = await client.deleteReadDelete(`${PAGES}/overview`);

    // Assess
    assert.deepEqual([deleted.status, read.status, deletedAgain.status], [204, 404, 404]);
  });

  it('rejects a blank name and a malformed location, whatever portal is established', async () => {
    // Prepare
    await client.put('portals', portalSpec('dev-portal'));
    const broken = documentationSpec('overview', { name: '', location: '/docs/' });
    const severe = ['name must not be blank', "location must not end with '/' (was: /docs/)"];

    // Act
    const dryRun = await client.dryRun(PAGES, broken);
    const imported = await client.put(PAGES, broken);
    const valid = await client.put(PAGES, documentationSpec('overview'));

    // Assess
    assert.deepEqual(dryRun.body?.errors, { severe, warning: [] });
    assert.deepEqual([imported.status, imported.body?.message], [400, severe.join(', ')]);
    assert.equal(valid.status, 200);
  });
});
