import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topLevelId } from '../../support/apim-simulator/index.ts';
import { portalSpec, stateOf } from './automation-fixtures.ts';
import { useSimulator } from './use-simulator.ts';

describe('APIM simulator: automation portal lifecycle', () => {
  const { simulator, client } = useSimulator();

  it('creates a portal with an id derived from its hrid and keeps it on update', async () => {
    // Act
    const created = await client.put('portals', portalSpec('dev-portal'), { dryRun: 'false' });
    const updated = await client.put('portals', portalSpec('dev-portal', { name: 'Developers' }));

    // Assess
    assert.deepEqual(created, {
      status: 200,
      body: stateOf(portalSpec('dev-portal'), topLevelId('DEFAULT', 'DEFAULT', 'dev-portal')),
    });
    assert.equal(updated.body?.id, created.body?.id);
    assert.equal(simulator.resource('portals', 'dev-portal')?.name, 'Developers');
  });

  it('answers a dry run with the would-be state and stores nothing', async () => {
    // Act
    const response = await client.dryRun('portals', portalSpec('dev-portal'));

    // Assess
    assert.equal(response.status, 200);
    assert.equal(response.body?.id, topLevelId('DEFAULT', 'DEFAULT', 'dev-portal'));
    assert.equal(response.body?.errors, undefined);
    assert.equal(simulator.resources('portals').size, 0);
  });

  it('drops blank navigation paths and always answers a navigation', async () => {
    // Prepare
    const spec = portalSpec('dev-portal', {
      navigation: [{ path: ' ' }, { path: '/guides', displayName: 'Guides' }],
    });

    // Act
    const created = await client.put('portals', spec);
    const withoutNavigation = await client.dryRun('portals', { hrid: 'dev-portal', name: 'Bare' });
    const read = await client.get('portals/dev-portal');

    // Assess
    assert.deepEqual(created.body?.navigation, [{ path: '/guides', displayName: 'Guides' }]);
    assert.deepEqual(withoutNavigation.body?.navigation, []);
    assert.deepEqual(read.body?.navigation, [{ path: '/guides', displayName: 'Guides' }]);
  });

  it('deletes a portal, after which reading or deleting it is a 404', async () => {
    // Prepare
    await client.put('portals', portalSpec('dev-portal'));

    // Act
    const { deleted, read, deletedAgain } = await client.deleteReadDelete('portals/dev-portal');

    // Assess
    assert.deepEqual([deleted.status, read.status, deletedAgain.status], [204, 404, 404]);
    assert.equal(read.body?.message, 'HRID [dev-portal] cannot be found.');
  });

  it('rejects malformed navigation paths, reporting each one', async () => {
    // Prepare
    const spec = portalSpec('dev-portal', { navigation: [{ path: 'guides/' }, { path: '/a//b' }] });
    const severe = [
      "navigation[0].path must start with '/' (was: guides/)",
      "navigation[0].path must not end with '/' (was: guides/)",
      "navigation[1].path must not contain consecutive '/' (was: /a//b)",
    ];

    // Act
    const dryRun = await client.dryRun('portals', spec);
    const imported = await client.put('portals', spec);

    // Assess
    assert.deepEqual(dryRun.body?.errors, { severe, warning: [] });
    assert.deepEqual(imported, {
      status: 400,
      body: { httpStatus: 400, message: severe.join(', '), technicalCode: 'invalid' },
    });
  });

  it('manages a single portal per environment', async () => {
    // Prepare
    await client.put('portals', portalSpec('dev-portal'));

    // Act
    const second = await client.put('portals', portalSpec('partner-portal'));
    const secondDryRun = await client.dryRun('portals', portalSpec('partner-portal'));

    // Assess
    assert.deepEqual(second.body, {
      httpStatus: 400,
      message: 'hrid does not match the established portal for this environment',
      technicalCode: 'invalid',
    });
    assert.deepEqual(secondDryRun.body?.errors, {
      severe: ['hrid does not match the established portal for this environment'],
      warning: [],
    });
  });
});
