import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { portalScopedId } from '../../support/apim-simulator/index.ts';
import { listingSpec, portalSpec, stateOf } from './automation-fixtures.ts';
import { useSimulator } from './use-simulator.ts';

const LISTINGS = 'portals/dev-portal/listings';

describe('APIM simulator: automation portal listing lifecycle', () => {
  const { simulator, client } = useSimulator();

  it('creates a listing with an id derived from the portal and its hrid, and keeps it on update', async () => {
    // Act
    const created = await client.put(LISTINGS, listingSpec('featured'), { dryRun: 'false' });
    const updated = await client.put(LISTINGS, listingSpec('featured', 'payments-api'));

    // Assess
    assert.deepEqual(created, {
      status: 200,
      body: stateOf(listingSpec('featured'), portalScopedId('DEFAULT', 'DEFAULT', 'dev-portal', 'featured'), {
        portalHrid: 'dev-portal',
      }),
    });
    assert.equal(updated.body?.id, created.body?.id);
    const stored = simulator.resource('portals/{portalHrid}/listings', 'featured', {
      parentHrid: 'dev-portal',
    });
    assert.deepEqual(stored?.apis, [{ apiHrid: 'payments-api', location: '/products', order: 1 }]);
  });

  it('answers a dry run with the would-be state and stores nothing', async () => {
    // Act
    const response = await client.dryRun(LISTINGS, listingSpec('featured'));

    // Assess
    assert.equal(response.status, 200);
    assert.equal(response.body?.id, portalScopedId('DEFAULT', 'DEFAULT', 'dev-portal', 'featured'));
    assert.equal(response.body?.errors, undefined);
    assert.equal(simulator.resources('portals/{portalHrid}/listings').size, 0);
  });

  it('reads a listing back under its portal only', async () => {
    // Prepare
    await client.put(LISTINGS, listingSpec('featured'));

    // Act
    const read = await client.get(`${LISTINGS}/featured`);
    const underOtherPortal = await client.get('portals/other-portal/listings/featured');

    // Assess
    assert.equal(read.status, 200);
    assert.deepEqual(read.body?.apis, [{ apiHrid: 'orders-api', location: '/products', order: 1 }]);
    assert.equal(read.body?.errors, undefined);
    assert.equal(underOtherPortal.status, 404);
  });

  it('deletes a listing, after which reading or deleting it is a 404', async () => {
    // Prepare
    await client.put(LISTINGS, listingSpec('featured'));

    // Act
    const { deleted, read, deletedAgain } = await client.deleteReadDelete(`${LISTINGS}/featured`);

    // Assess
    assert.deepEqual([deleted.status, read.status, deletedAgain.status], [204, 404, 404]);
    assert.equal(read.body?.message, 'HRID [featured] cannot be found.');
  });

  it('accepts listings of a portal that does not exist yet, unless another portal is established', async () => {
    // Act
    const orphan = await client.put(LISTINGS, listingSpec('featured'));
    await client.put('portals', portalSpec('partner-portal'));
    const refused = await client.put(LISTINGS, listingSpec('featured'));

    // Assess
    assert.equal(orphan.status, 200);
    assert.deepEqual(refused.body, {
      httpStatus: 400,
      message: 'portalHrid does not match the established portal for this environment',
      technicalCode: 'invalid',
    });
  });

  it('rejects a malformed location', async () => {
    // Prepare
    const spec = listingSpec('featured', 'orders-api', 'products/../admin');
    const severe = [
      "apis[0].location must start with '/' (was: products/../admin)",
      "apis[0].location must not contain '..' (was: products/../admin)",
    ];

    // Act
    const dryRun = await client.dryRun(LISTINGS, spec);
    const imported = await client.put(LISTINGS, spec);

    // Assess
    assert.deepEqual(dryRun.body?.errors, { severe, warning: [] });
    assert.deepEqual([imported.status, imported.body?.message], [400, severe.join(', ')]);
  });
});
