import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kindByName, kindByPlural, kinds } from '../../../lib/crds/kinds.ts';

describe('the kind registry', () => {
  it('finds each kind by its plural name', () => {
    // Prepare / Act
    const found = Object.values(kinds).map((definition) => kindByPlural(definition.plural)?.kind);

    // Assess
    assert.deepEqual(found, Object.keys(kinds));
  });

  it('returns nothing for a plural or a kind it does not handle', () => {
    // Prepare / Act / Assess
    assert.equal(kindByPlural('applications'), undefined);
    assert.equal(kindByName('Application'), undefined);
    assert.equal(kindByName('toString'), undefined);
  });

  it("uses GKO's finalizer names so resources created by GKO are adopted", () => {
    // Prepare / Act / Assess
    assert.equal(kinds.ManagementContext.finalizer, 'finalizers.gravitee.io/managementcontextdeletion');
    assert.equal(kinds.ApiV4Definition.finalizer, 'finalizers.gravitee.io/apidefinitiondeletion');
  });
});
