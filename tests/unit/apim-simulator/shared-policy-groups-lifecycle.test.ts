import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topLevelCrossId, topLevelId } from '../../support/apim-simulator/index.ts';
import { sharedPolicyGroupSpec, stateOf } from './automation-fixtures.ts';
import { useSimulator } from './use-simulator.ts';

describe('APIM simulator: automation shared policy group lifecycle', () => {
  const { simulator, client } = useSimulator();

  it('creates a shared policy group with ids derived from its hrid and keeps them on update', async () => {
    // Act
    const created = await client.put('shared-policy-groups', sharedPolicyGroupSpec('add-team'), {
      dryRun: 'false',
    });
    const updated = await client.put(
      'shared-policy-groups',
      sharedPolicyGroupSpec('add-team', { name: 'Team header' }),
    );

    // Assess
    assert.equal(created.status, 200);
    assert.deepEqual(
      [created.body?.id, created.body?.crossId, created.body?.errors],
      [topLevelId('DEFAULT', 'DEFAULT', 'add-team'), topLevelCrossId('DEFAULT', 'add-team'), undefined],
    );
    assert.deepEqual([updated.body?.id, updated.body?.crossId], [created.body?.id, created.body?.crossId]);
    assert.equal(simulator.resource('shared-policy-groups', 'add-team')?.name, 'Team header');
  });

  it('keeps a crossId sent for promotion', async () => {
    // Act
    const created = await client.put(
      'shared-policy-groups',
      sharedPolicyGroupSpec('add-team', { crossId: 'promoted' }),
    );

    // Assess
    assert.equal(created.body?.crossId, 'promoted');
  });

  it('answers a dry run with the would-be state and stores nothing', async () => {
    // Act
    const response = await client.dryRun('shared-policy-groups', sharedPolicyGroupSpec('add-team'));

    // Assess
    assert.equal(response.status, 200);
    assert.equal(response.body?.id, topLevelId('DEFAULT', 'DEFAULT', 'add-team'));
    assert.equal(response.body?.errors, undefined);
    assert.equal(simulator.resources('shared-policy-groups').size, 0);
  });

  it('reads a group back after an update, which keeps its api type, phase and the fields the update omits', async () => {
    // Prepare
    await client.put(
      'shared-policy-groups',
      sharedPolicyGroupSpec('add-team', { prerequisiteMessage: 'Needs a cache' }),
    );
    const {
      description: _description,
      steps: _steps,
      prerequisiteMessage: _message,
      ...partial
    } = sharedPolicyGroupSpec('add-team', { apiType: 'MESSAGE', phase: 'RESPONSE', name: 'Renamed' });

    // Act
    const updated = await client.put('shared-policy-groups', partial);
    const read = await client.get('shared-policy-groups/add-team');

    // Assess
    assert.equal(updated.body?.apiType, 'MESSAGE');
    assert.deepEqual(
      read.body,
      stateOf(
        sharedPolicyGroupSpec('add-team', { prerequisiteMessage: 'Needs a cache', name: 'Renamed' }),
        topLevelId('DEFAULT', 'DEFAULT', 'add-team'),
        { crossId: topLevelCrossId('DEFAULT', 'add-team') },
      ),
    );
  });

  it('stores an empty step list when a creation sends none', async () => {
    // Prepare
    const { steps: _steps, ...withoutSteps } = sharedPolicyGroupSpec('add-team');

    // Act
    await client.put('shared-policy-groups', withoutSteps);

    // Assess
    assert.deepEqual(simulator.resource('shared-policy-groups', 'add-team')?.steps, []);
  });

  it('deletes a group, after which reading or deleting it is a 404, and a dry-run delete deletes nothing', async () => {
    // Prepare
    await client.put('shared-policy-groups', sharedPolicyGroupSpec('add-team'));

    // Act
    const dryDelete = await client.delete('shared-policy-groups/add-team', { dryRun: 'true' });
    const afterDryDelete = simulator.resources('shared-policy-groups').size;
    const deleted = await client.delete('shared-policy-groups/add-team');
    const read = await client.get('shared-policy-groups/add-team');
    const dryDeleteUnknown = await client.delete('shared-policy-groups/add-team', { dryRun: 'true' });

    // Assess
    assert.deepEqual([dryDelete.status, afterDryDelete, deleted.status], [204, 1, 204]);
    assert.deepEqual([read.status, dryDeleteUnknown.status], [404, 404]);
    assert.equal(simulator.writesTo('shared-policy-groups').length, 2);
  });

  it('rejects an empty name as a severe error', async () => {
    // Prepare
    const unnamed = sharedPolicyGroupSpec('add-team', { name: '' });

    // Act
    const dryRun = await client.dryRun('shared-policy-groups', unnamed);
    const imported = await client.put('shared-policy-groups', unnamed);

    // Assess
    assert.deepEqual(dryRun.body?.errors, { severe: ['Name is required.'], warning: [] });
    assert.deepEqual(imported, {
      status: 400,
      body: {
        httpStatus: 400,
        message: 'Unable to import because of errors [Name is required.]',
        technicalCode: 'invalid',
      },
    });
  });
});
