import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import type { CustomResourceInput } from '../../../lib/apim/payload/custom-resource-input.ts';
import {
  type PortalLinkAutomationState,
  portalLinkCollectionPath,
  portalLinkHrid,
  portalLinkPortalHrid,
  toPortalLinkSpec,
  toPortalLinkStatus,
} from '../../../lib/apim/payload/portal-link.ts';
import { assertAccepted, deliveredResource, exampleTitle } from './support/example-resources.ts';
import { gkoExamplesOfKind } from './support/gko-examples.ts';
import { PORTAL_LINK_SCHEMA_SOURCE, portalLinkSchema } from './support/portal-link-schema.ts';
import { AUTOMATION_OPENAPI_FILE } from './support/shared-paths.ts';

/*
 * The 4.12.17 Automation OpenAPI document has no Portal Link endpoint: bodies are checked against
 * `PortalLinkSpec` / `PortalLinkState` as APIM's own source declares them (see PORTAL_LINK_SCHEMA_SOURCE).
 */

const examples = gkoExamplesOfKind('PortalLink');
const validateSpec = portalLinkSchema('PortalLinkSpec');

function link(spec: Record<string, unknown>, name = 'docs-link'): CustomResourceInput {
  return { metadata: { name, namespace: 'team-a' }, spec };
}

describe('The Portal Link schema is established from APIM source, not from the 4.12.17 document', () => {
  it('finds no links path in the 4.12.17 Automation document', () => {
    // Act
    const document = parse(readFileSync(AUTOMATION_OPENAPI_FILE, 'utf8')) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };

    // Assess
    assert.ok(!Object.keys(document.paths).some((path) => path.endsWith('/links')));
    assert.equal(document.components.schemas.PortalLinkSpec, undefined);
    assert.match(PORTAL_LINK_SCHEMA_SOURCE, /open-api\.yaml$/);
  });

  it('rejects a link without href, as APIM requires it', () => {
    // Act
    const valid = validateSpec({ hrid: 'default-link', name: 'Docs' });

    // Assess
    assert.equal(valid, false);
  });

  it('rejects an hrid that breaks the Hrid pattern', () => {
    // Act
    const valid = validateSpec({ hrid: 'default-link.v2', name: 'Docs', href: 'https://docs.example.com' });

    // Assess
    assert.equal(valid, false);
  });
});

describe('Every GKO PortalLink example maps to a body the established PortalLinkSpec accepts', () => {
  it('finds the PortalLink examples', () => {
    // Assess
    assert.ok(examples.length >= 1);
  });

  for (const example of examples) {
    it(`maps ${exampleTitle(example)} to a valid PortalLinkSpec under its portal`, () => {
      // Prepare
      const resource = deliveredResource(example, 'portallinks');

      // Act
      const body = toPortalLinkSpec(resource);
      const path = portalLinkCollectionPath(portalLinkPortalHrid(resource));

      // Assess
      assertAccepted(validateSpec, body);
      assert.equal(path, 'portals/default-default-portal/links');
    });
  }
});

describe('The link body is what GKO sends', () => {
  it('sends hrid, name, href, location and order, not the portal reference', () => {
    // Prepare
    const resource = link({
      portalRef: { name: 'default-portal', namespace: 'portals' },
      name: 'External Docs',
      href: 'https://docs.example.com',
      location: '/projects/alpha',
      order: 3,
    });

    // Act
    const body = toPortalLinkSpec(resource);

    // Assess
    assert.deepEqual(body, {
      hrid: 'team-a-docs-link',
      name: 'External Docs',
      href: 'https://docs.example.com',
      location: '/projects/alpha',
      order: 3,
    });
    assert.equal(portalLinkHrid(resource), 'team-a-docs-link');
    assert.equal(
      portalLinkCollectionPath(portalLinkPortalHrid(resource)),
      'portals/portals-default-portal/links',
    );
  });

  it('leaves out an empty location and an absent order, as Go omits them', () => {
    // Act
    const body = toPortalLinkSpec(
      link({ portalRef: { name: 'p' }, name: 'Docs', href: 'https://d', location: '' }),
    );

    // Assess
    assert.deepEqual(body, { hrid: 'team-a-docs-link', name: 'Docs', href: 'https://d' });
  });
});

/** An answer of APIM to `PUT …/portals/{portalHrid}/links`, as `PortalLinkMapper` builds it. */
const realisticState: PortalLinkAutomationState = {
  hrid: 'default-default-portal-link',
  name: 'External Docs',
  href: 'https://docs.example.com',
  location: '/projects/alpha',
  order: 1,
  id: '1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
  organizationId: 'DEFAULT',
  environmentId: 'DEFAULT',
  portalHrid: 'default-default-portal',
};

describe('The Automation API answer becomes the PortalLink status fields', () => {
  it('starts from an answer the established PortalLinkState accepts', () => {
    // Assess
    assertAccepted(portalLinkSchema('PortalLinkState'), realisticState);
  });

  it('takes the id and the ids of organization and environment', () => {
    // Act
    const status = toPortalLinkStatus(realisticState);

    // Assess
    assert.deepEqual(status, {
      id: '1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
      errors: { severe: [], warning: [] },
    });
  });

  it('carries the severe errors APIM answers with its 400 to a failed apply', () => {
    // Act
    const status = toPortalLinkStatus({
      ...realisticState,
      errors: { severe: ['location /nope is unknown'], warning: [] },
    });

    // Assess
    assert.deepEqual(status.errors, { severe: ['location /nope is unknown'], warning: [] });
  });
});
