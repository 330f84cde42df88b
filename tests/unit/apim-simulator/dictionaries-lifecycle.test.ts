import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topLevelId } from '../../support/apim-simulator/index.ts';
import { manualDictionarySpec } from './automation-fixtures.ts';
import { useSimulator } from './use-simulator.ts';

const DYNAMIC_PART = {
  provider: {
    type: 'HTTP',
    url: 'https://config.example.com/regions',
    method: 'GET',
    specification: '[{"operation":"shift","spec":{"*":"&"}}]',
  },
  trigger: { rate: 5, unit: 'MINUTES' },
};

describe('APIM simulator: automation dictionary lifecycle', () => {
  const { simulator, client } = useSimulator();

  it('creates a dictionary with an id derived from its hrid, answers its stored state and keeps the id on update', async () => {
    // Act
    const created = await client.put('dictionaries', manualDictionarySpec('regions'), { dryRun: 'false' });
    const updated = await client.put('dictionaries', manualDictionarySpec('regions', { deployed: false }));

    // Assess
    assert.deepEqual(created, {
      status: 200,
      body: {
        hrid: 'regions',
        name: 'Dictionary regions',
        type: 'MANUAL',
        deployed: true,
        manual: { properties: { region: 'eu-west-1' } },
        id: topLevelId('DEFAULT', 'DEFAULT', 'regions'),
        organizationId: 'DEFAULT',
        environmentId: 'DEFAULT',
      },
    });
    assert.equal(updated.body?.id, created.body?.id);
    assert.equal(simulator.resource('dictionaries', 'regions')?.deployed, false);
  });

  it('answers a dry run with the spec as sent, without ids, and stores nothing', async () => {
    // Act
    const response = await client.dryRun('dictionaries', manualDictionarySpec('regions'));

    // Assess
    assert.deepEqual(response, { status: 200, body: manualDictionarySpec('regions') });
    assert.equal(simulator.resources('dictionaries').size, 0);
    assert.deepEqual(simulator.writeCounts(), {});
  });

  it('reads a dynamic dictionary back with its provider and trigger', async () => {
    // Prepare
    await client.put('dictionaries', {
      hrid: 'rates',
      name: 'Rates',
      type: 'DYNAMIC',
      deployed: true,
      dynamic: DYNAMIC_PART,
    });

    // Act
    const read = await client.get('dictionaries/rates');

    // Assess
    assert.equal(read.status, 200);
    assert.deepEqual(read.body?.dynamic, DYNAMIC_PART);
    assert.equal(read.body?.manual, undefined);
    assert.equal(read.body?.errors, undefined);
  });

  it('deletes a dictionary, after which reading or deleting it is a 404', async () => {
    // Prepare
    await client.put('dictionaries', manualDictionarySpec('regions'));

    // Act
    const { deleted, read, deletedAgain } = await client.deleteReadDelete('dictionaries/regions');

    // Assess
    assert.deepEqual([deleted.status, read.status, deletedAgain.status], [204, 404, 404]);
    assert.equal(read.body?.technicalCode, 'hrid.notFound');
  });

  it('rejects members that do not match the dictionary type with a 400, dry runs included', async () => {
    // Prepare
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        manualDictionarySpec('regions', { manual: { properties: {} } }),
        'Manual dictionary must have at least one property.',
      ],
      [
        manualDictionarySpec('regions', { dynamic: DYNAMIC_PART }),
        "Manual dictionary must not have 'dynamic' properties (provider, trigger). Set type to 'DYNAMIC' or remove them.",
      ],
      [
        { hrid: 'rates', name: 'Rates', type: 'DYNAMIC', deployed: true },
        'Dynamic dictionary must have a provider and a trigger.',
      ],
      [
        {
          hrid: 'rates',
          name: 'Rates',
          type: 'DYNAMIC',
          deployed: true,
          dynamic: DYNAMIC_PART,
          manual: { properties: { a: 'b' } },
        },
        "Dynamic dictionary must not have 'manual' properties. Set type to 'MANUAL' or remove them.",
      ],
    ];

    for (const [spec, message] of cases) {
      // Act
      const dryRun = await client.dryRun('dictionaries', spec);
      const imported = await client.put('dictionaries', spec);

      // Assess
      const expected = { status: 400, body: { httpStatus: 400, message, technicalCode: 'invalid' } };
      assert.deepEqual(dryRun, expected);
      assert.deepEqual(imported, expected);
    }
    assert.equal(simulator.resources('dictionaries').size, 0);
  });
});
