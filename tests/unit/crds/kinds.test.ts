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
    assert.equal(kindByPlural('kafkaroutes'), undefined);
    assert.equal(kindByName('KafkaRoute'), undefined);
    assert.equal(kindByName('toString'), undefined);
  });

  it("uses GKO's finalizer names so resources created by GKO are adopted", () => {
    // Prepare / Act / Assess
    assert.equal(kinds.ManagementContext.finalizer, 'finalizers.gravitee.io/managementcontextdeletion');
    assert.equal(kinds.ApiV4Definition.finalizer, 'finalizers.gravitee.io/apidefinitiondeletion');
    assert.equal(kinds.ApiResource.finalizer, 'finalizers.gravitee.io/apiresource');
    assert.equal(kinds.Application.finalizer, 'finalizers.gravitee.io/applicationdeletion');
    assert.equal(kinds.Subscription.finalizer, 'finalizers.gravitee.io/subscriptions');
    assert.equal(kinds.Group.finalizer, 'finalizers.gravitee.io/groups');
    assert.equal(kinds.Notification.finalizer, 'finalizers.gravitee.io/notification');
    assert.equal(kinds.SharedPolicyGroup.finalizer, 'finalizers.gravitee.io/sharedpolicygroups');
    assert.equal(kinds.Dictionary.finalizer, 'finalizers.gravitee.io/dictionaries');
    assert.equal(kinds.Portal.finalizer, 'finalizers.gravitee.io/portals');
    assert.equal(kinds.PortalListing.finalizer, 'finalizers.gravitee.io/portallistings');
    assert.equal(kinds.PortalLink.finalizer, 'finalizers.gravitee.io/portallinks');
    assert.equal(kinds.Documentation.finalizer, 'finalizers.gravitee.io/documentations');
  });
});
