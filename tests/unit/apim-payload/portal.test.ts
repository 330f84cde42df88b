import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomResourceInput } from '../../../lib/apim/payload/custom-resource-input.ts';
import {
  type PortalAutomationState,
  portalCollectionPath,
  portalHrid,
  toPortalSpec,
  toPortalStatus,
} from '../../../lib/apim/payload/portal.ts';
import { automationSchema } from './support/automation-schema.ts';
import { assertAccepted, deliveredResource, exampleTitle } from './support/example-resources.ts';
import { gkoExamplesOfKind } from './support/gko-examples.ts';
import { undeclaredKeys } from './support/schema-check.ts';

/**
 * Fields GKO sends that the 4.12.17 `PortalSpec` does not declare, and why they are still right to send:
 * APIM added `structure` after 4.12.17 and ignores unknown fields before that.
 */
const LATER_FIELDS: Record<string, string> = {
  structure: 'navigation grouped by area, added by APIM after 4.12.17 (navigation deprecated since)',
};

const examples = gkoExamplesOfKind('Portal');
const validateSpec = automationSchema('PortalSpec');

function portal(spec: Record<string, unknown>, name = 'default-portal'): CustomResourceInput {
  return { metadata: { name, namespace: 'team-a' }, spec };
}

describe('Every GKO Portal example maps to a body the Automation API schema accepts', () => {
  it('finds a Portal example with navigation and one with structure', () => {
    // Assess
    const specs = examples.map((example) => example.manifest.spec as Record<string, unknown>);
    assert.ok(specs.some((spec) => 'navigation' in spec));
    assert.ok(specs.some((spec) => 'structure' in spec));
  });

  for (const example of examples) {
    it(`maps ${exampleTitle(example)} to a valid PortalSpec with no field APIM never declared`, () => {
      // Act
      const body = toPortalSpec(deliveredResource(example, 'portals'));

      // Assess
      assertAccepted(validateSpec, body);
      for (const key of undeclaredKeys(body, 'PortalSpec'))
        assert.ok(key in LATER_FIELDS, `${key} is not declared`);
    });
  }
});

describe('The portal body is what GKO sends', () => {
  it('addresses a portal as <namespace>-<name> in the portals collection', () => {
    // Prepare
    const resource = portal({ name: 'Default Portal' });

    // Act
    const body = toPortalSpec(resource);

    // Assess
    assert.deepEqual(body, { hrid: 'team-a-default-portal', name: 'Default Portal' });
    assert.equal(portalHrid(resource), 'team-a-default-portal');
    assert.equal(portalCollectionPath(), 'portals');
  });

  it('sends name, structure and navigation but not contextRef', () => {
    // Prepare
    const resource = portal({
      contextRef: { name: 'dev-ctx' },
      name: 'Default Portal',
      structure: { topNavbar: [{ path: '/projects/alpha', displayName: 'Alpha' }] },
      navigation: [{ path: '/archive', order: 2 }],
    });

    // Act
    const body = toPortalSpec(resource);

    // Assess
    assert.deepEqual(body, {
      hrid: 'team-a-default-portal',
      name: 'Default Portal',
      structure: { topNavbar: [{ path: '/projects/alpha', displayName: 'Alpha' }] },
      navigation: [{ path: '/archive', order: 2 }],
    });
  });

  it('leaves out empty navigation lists as Go omits them', () => {
    // Act
    const body = toPortalSpec(
      portal({ name: 'Default Portal', structure: { topNavbar: [] }, navigation: [] }),
    );

    // Assess
    assert.deepEqual(body, { hrid: 'team-a-default-portal', name: 'Default Portal', structure: {} });
  });
});

/** An answer of APIM to `PUT …/portals`. */
const realisticState: PortalAutomationState = {
  hrid: 'default-default-portal',
  name: 'Default Portal',
  navigation: [{ path: '/projects/alpha', displayName: 'Alpha' }, { path: '/archive/2024' }],
  id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
  organizationId: 'DEFAULT',
  environmentId: 'DEFAULT',
  errors: { severe: [], warning: [] },
};

describe('The Automation API answer becomes the Portal status fields', () => {
  it('starts from an answer the PortalState schema accepts', () => {
    // Assess
    assertAccepted(automationSchema('PortalState'), realisticState);
  });

  it('takes the id and the ids of organization and environment', () => {
    // Act
    const status = toPortalStatus(realisticState);

    // Assess
    assert.deepEqual(status, {
      id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f',
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
      errors: { severe: [], warning: [] },
    });
  });
});
