import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { portalScopedId } from '../../support/apim-simulator/index.ts';
import { documentationSpec, portalSpec, stateOf } from './automation-fixtures.ts';
import { useSimulator } from './use-simulator.ts';

const PAGES = 'portals/dev-portal/documentations';

describe('APIM simulator: automation portal documentation lifecycle', () => {
  const { simulator, client } = useSimulator();

  it('creates a page with an id derived from the portal and its hrid, and keeps it on update', async () => {
    // Act
    const created = await client.put(PAGES, documentationSpec('getting-started'), { dryRun: 'false' });
    const updated = await client.put(PAGES, documentationSpec('getting-started', { content: '# v2' }));

    // Assess
    assert.deepEqual(created, {
      status: 200,
      body: stateOf(
        documentationSpec('getting-started'),
        portalScopedId('DEFAULT', 'DEFAULT', 'dev-portal', 'getting-started'),
        { portalHrid: 'dev-portal' },
      ),
    });
    assert.equal(updated.body?.id, created.body?.id);
    const stored = simulator.resource('portals/{portalHrid}/documentations', 'getting-started', {
      parentHrid: 'dev-portal',
    });
    assert.equal(stored?.content, '# v2');
  });

  it('answers a dry run with the would-be state and stores nothing', async () => {
    // Act
    const response = await client.dryRun(PAGES, documentationSpec('getting-started'));

    // Assess
    assert.equal(response.status, 200);
    assert.equal(response.body?.errors, undefined);
    assert.equal(simulator.resources('portals/{portalHrid}/documentations').size, 0);
  });

  it('reads a page back without errors', async () => {
    // Prepare
    await client.put(PAGES, documentationSpec('getting-started', { location: undefined, order: undefined }));

    // Act
    const read = await client.get(`${PAGES}/getting-started`);

    // Assess
    assert.deepEqual(read.body, {
      hrid: 'getting-started',
      name: 'Page getting-started',
      type: 'GRAVITEE_MARKDOWN',
      content: '# Getting started',
      id: portalScopedId('DEFAULT', 'DEFAULT', 'dev-portal', 'getting-started'),
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
      portalHrid: 'dev-portal',
    });
  });

  it('deletes a page, after which reading or deleting it is a 404', async () => {
    // Prepare
    await client.put(PAGES, documentationSpec('getting-started'));

    // Act
    const { deleted, read, deletedAgain } = await client.deleteReadDelete(`${PAGES}/getting-started`);

    // Assess
    assert.deepEqual([deleted.status, read.status, deletedAgain.status], [204, 404, 404]);
  });

  it('rejects a blank name and a malformed location, and pages of a portal other than the established one', async () => {
    // Prepare
    const broken = documentationSpec('getting-started', { name: '  ', location: 'docs' });
    const severe = ['name must not be blank', "location must start with '/' (was: docs)"];

    // Act
    const dryRun = await client.dryRun(PAGES, broken);
    const imported = await client.put(PAGES, broken);
    await client.put('portals', portalSpec('partner-portal'));
    const otherPortal = await client.put(PAGES, documentationSpec('getting-started'));

    // Assess
    assert.deepEqual(dryRun.body?.errors, { severe, warning: [] });
    assert.deepEqual([imported.status, imported.body?.message], [400, severe.join(', ')]);
    assert.deepEqual(
      [otherPortal.status, otherPortal.body?.message],
      [400, 'portalHrid does not match the established portal for this environment'],
    );
  });
});
