import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameUuid, topLevelCrossId, topLevelId } from '../../support/apim-simulator/index.ts';

describe('APIM simulator: deterministic ids', () => {
  it('computes the same UUID as Java UUID.nameUUIDFromBytes', () => {
    // Act
    const uuid = nameUuid('test');

    // Assess
    assert.equal(uuid, '098f6bcd-4621-3373-8ade-4e832627b4f6');
  });

  it('keeps the crossId across environments of an organization but not the id', () => {
    // Act
    const ids = ['dev', 'prod'].map((env) => ({
      crossId: topLevelCrossId('acme', 'orders-api'),
      id: topLevelId('acme', env, 'orders-api'),
    }));

    // Assess
    assert.equal(ids[0]?.crossId, ids[1]?.crossId);
    assert.notEqual(ids[0]?.id, ids[1]?.id);
  });
});
