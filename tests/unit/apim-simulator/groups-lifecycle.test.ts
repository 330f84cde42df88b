import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topLevelId } from '../../support/apim-simulator/index.ts';
import { groupSpec, hridNotFound } from './automation-fixtures.ts';
import { useSimulator } from './use-simulator.ts';

describe('APIM simulator: automation group lifecycle', () => {
  const { simulator, client } = useSimulator();

  it('creates a group with an id derived from its hrid and keeps it on update', async () => {
    // Act
    const created = await client.put('groups', groupSpec('developers'), { dryRun: 'false' });
    const updated = await client.put('groups', groupSpec('developers', { name: 'Developers v2' }));

    // Assess
    assert.deepEqual(created, {
      status: 200,
      body: {
        hrid: 'developers',
        name: 'Group developers',
        id: topLevelId('DEFAULT', 'DEFAULT', 'developers'),
        organizationId: 'DEFAULT',
        environmentId: 'DEFAULT',
        memberCount: 0,
        errors: { severe: [], warning: [] },
      },
    });
    assert.equal(updated.body?.id, created.body?.id);
    assert.equal(simulator.resource('groups', 'developers')?.name, 'Developers v2');
  });

  it('answers a dry run with the would-be state and stores nothing', async () => {
    // Act
    const response = await client.dryRun('groups', groupSpec('developers'));

    // Assess
    assert.equal(response.status, 200);
    assert.equal(response.body?.id, topLevelId('DEFAULT', 'DEFAULT', 'developers'));
    assert.equal(response.body?.errors, undefined);
    assert.equal(simulator.resources('groups').size, 0);
    assert.deepEqual(simulator.writes(), []);
  });

  it('counts the writes made to the collection, not dry runs nor reads', async () => {
    // Prepare
    await client.dryRun('groups', groupSpec('developers'));
    await client.put('groups', groupSpec('developers'));
    await client.get('groups/developers');

    // Act
    await client.delete('groups/developers');

    // Assess
    assert.deepEqual(simulator.writeCounts(), { groups: 2 });
    assert.deepEqual(
      simulator.writesTo('groups').map((write) => [write.method, write.status]),
      [
        ['PUT', 200],
        ['DELETE', 204],
      ],
    );
  });

  it('drops members it cannot find, warning once per member, and reads the group back without them', async () => {
    // Prepare
    const spec = groupSpec('developers', {
      members: [{ source: 'memory', sourceId: 'jane', roles: { API: 'OWNER', APPLICATION: 'USER' } }],
      notifyMembers: false,
    });

    // Act
    const created = await client.put('groups', spec);
    const read = await client.get('groups/developers');

    // Assess
    assert.deepEqual(created.body?.errors, {
      severe: [],
      warning: ['member [jane] of source [memory] could not be found in organization [DEFAULT]'],
    });
    assert.deepEqual(read.body, {
      hrid: 'developers',
      name: 'Group developers',
      notifyMembers: false,
      members: [],
      id: topLevelId('DEFAULT', 'DEFAULT', 'developers'),
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
      memberCount: 0,
    });
  });

  it('deletes a group, after which reading or deleting it is a 404', async () => {
    // Prepare
    await client.put('groups', groupSpec('developers'));

    // Act
    const { deleted, read, deletedAgain } = await client.deleteReadDelete('groups/developers');

    // Assess
    assert.deepEqual([deleted.status, read.status, deletedAgain.status], [204, 404, 404]);
    assert.deepEqual(read.body, hridNotFound('developers').body);
  });

  it('addresses a group by its id in the legacy hridContainsUUID mode', async () => {
    // Prepare
    await client.put('groups', groupSpec('developers'));
    const id = topLevelId('DEFAULT', 'DEFAULT', 'developers');

    // Act
    const read = await client.get(`groups/${id}`, { hridContainsUUID: 'true' });
    const deleted = await client.delete(`groups/${id}`, { hridContainsUUID: 'true' });

    // Assess
    assert.deepEqual([read.status, read.body?.hrid, deleted.status], [200, 'developers', 204]);
    assert.equal(simulator.resources('groups').size, 0);
  });

  it('rejects a legacy import whose hrid is not a UUID', async () => {
    // Act
    const response = await client.put('groups', groupSpec('developers'), { hridContainsUUID: 'true' });

    // Assess
    assert.deepEqual(response, {
      status: 400,
      body: {
        httpStatus: 400,
        message: 'Unable to import because of errors [property [id] must be a valid UUID]',
        technicalCode: 'invalid',
      },
    });
  });
});
