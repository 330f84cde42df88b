import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomResourceInput } from '../../../lib/apim/payload/custom-resource-input.ts';
import {
  type PortalListingAutomationState,
  portalListingCollectionPath,
  portalListingHrid,
  portalListingPortalHrid,
  toPortalListingSpec,
  toPortalListingStatus,
} from '../../../lib/apim/payload/portal-listing.ts';
import { InvalidSpecFieldError } from '../../../lib/apim/payload/spec-fields.ts';
import { automationSchema } from './support/automation-schema.ts';
import { assertAccepted, deliveredResource, exampleTitle } from './support/example-resources.ts';
import { gkoExamplesOfKind } from './support/gko-examples.ts';
import { undeclaredKeys } from './support/schema-check.ts';

const examples = gkoExamplesOfKind('PortalListing');
const validateSpec = automationSchema('PortalListingSpec');

function listing(spec: Record<string, unknown>, name = 'apis-listing'): CustomResourceInput {
  return { metadata: { name, namespace: 'team-a' }, spec };
}

describe('Every GKO PortalListing example maps to a body the Automation API schema accepts', () => {
  it('finds the PortalListing examples', () => {
    // Assess
    assert.ok(examples.length >= 1);
  });

  for (const example of examples) {
    it(`maps ${exampleTitle(example)} to a valid PortalListingSpec under its portal`, () => {
      // Prepare
      const resource = deliveredResource(example, 'portallistings');

      // Act
      const body = toPortalListingSpec(resource);
      const path = portalListingCollectionPath(portalListingPortalHrid(resource));

      // Assess
      assertAccepted(validateSpec, body);
      assert.deepEqual(undeclaredKeys(body, 'PortalListingSpec'), []);
      assert.equal(path, 'portals/default-default-portal/listings');
    });
  }
});

describe('The listing body is what GKO sends', () => {
  it('turns each API reference into the HRID of that API, its namespace defaulting to the listing one', () => {
    // Prepare
    const resource = listing({
      portalRef: { name: 'default-portal', namespace: 'portals' },
      apis: [
        { ref: { name: 'pets' }, location: '/projects/alpha', order: 1 },
        { ref: { name: 'orders', namespace: 'shop', kind: 'ApiV4Definition' }, location: '/projects/beta' },
      ],
    });

    // Act
    const body = toPortalListingSpec(resource);

    // Assess
    assert.deepEqual(body, {
      hrid: 'team-a-apis-listing',
      apis: [
        { apiHrid: 'team-a-pets', location: '/projects/alpha', order: 1 },
        { apiHrid: 'shop-orders', location: '/projects/beta' },
      ],
    });
    assert.equal(portalListingHrid(resource), 'team-a-apis-listing');
  });

  it('places the listing under the portal its portalRef names, in that portal namespace', () => {
    // Prepare
    const resource = listing({ portalRef: { name: 'default-portal', namespace: 'portals' }, apis: [] });

    // Act
    const portal = portalListingPortalHrid(resource);

    // Assess
    assert.equal(portal, 'portals-default-portal');
    assert.equal(portalListingCollectionPath(portal), 'portals/portals-default-portal/listings');
  });

  it('leaves out an empty list of APIs, as Go omits it', () => {
    // Act
    const body = toPortalListingSpec(listing({ portalRef: { name: 'default-portal' }, apis: [] }));

    // Assess
    assert.deepEqual(body, { hrid: 'team-a-apis-listing' });
  });

  it('refuses an API entry without a reference, naming the field', () => {
    // Act
    const act = () => toPortalListingSpec(listing({ portalRef: { name: 'p' }, apis: [{ location: '/x' }] }));

    // Assess
    assert.throws(
      act,
      (error: unknown) => error instanceof InvalidSpecFieldError && error.field === 'spec.apis[0].ref',
    );
  });
});

/** An answer of APIM to `PUT …/portals/{portalHrid}/listings`. */
const realisticState: PortalListingAutomationState = {
  hrid: 'default-default-portal-listing',
  apis: [{ apiHrid: 'default-api-v4-with-context', location: '/projects/alpha', order: 1 }],
  id: '7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a',
  organizationId: 'DEFAULT',
  environmentId: 'DEFAULT',
  portalHrid: 'default-default-portal',
};

describe('The Automation API answer becomes the PortalListing status fields', () => {
  it('starts from an answer the PortalListingState schema accepts', () => {
    // Assess
    assertAccepted(automationSchema('PortalListingState'), realisticState);
  });

  it('takes the id and the ids of organization and environment', () => {
    // Act
    const status = toPortalListingStatus(realisticState);

    // Assess
    assert.deepEqual(status, {
      id: '7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a',
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
      errors: { severe: [], warning: [] },
    });
  });
});
