import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomResourceInput } from '../../../lib/apim/payload/custom-resource-input.ts';
import {
  type DocumentationAutomationState,
  documentationCollectionPath,
  documentationHrid,
  documentationParent,
  toDocumentationSpec,
  toDocumentationStatus,
} from '../../../lib/apim/payload/documentation.ts';
import { InvalidSpecFieldError } from '../../../lib/apim/payload/spec-fields.ts';
import { automationSchema } from './support/automation-schema.ts';
import { assertAccepted, deliveredResource, exampleTitle } from './support/example-resources.ts';
import { gkoExamplesOfKind } from './support/gko-examples.ts';
import { undeclaredKeys } from './support/schema-check.ts';

/**
 * Fields GKO sends that the 4.12.17 `DocumentationSpec` does not declare, and why they are still right
 * to send: APIM added `area` after 4.12.17 and ignores unknown fields before that.
 */
const LATER_FIELDS: Record<string, string> = {
  area: 'portal area of the page (TOP_NAVBAR default, HOMEPAGE), added by APIM after 4.12.17',
};

const examples = gkoExamplesOfKind('Documentation');
const validateSpec = automationSchema('DocumentationSpec');

function page(spec: Record<string, unknown>, name = 'getting-started'): CustomResourceInput {
  return {
    metadata: { name, namespace: 'team-a' },
    spec: { name: 'Getting Started', type: 'GRAVITEE_MARKDOWN', content: '# Hi', ...spec },
  };
}

describe('Every GKO Documentation example maps to a body the Automation API schema accepts', () => {
  it('finds Documentation examples attached to a portal and to an API', () => {
    // Prepare
    const parents = examples.map(
      (example) => documentationParent(deliveredResource(example, 'documentations')).kind,
    );

    // Assess
    assert.ok(parents.includes('portal'));
    assert.ok(parents.includes('api'));
  });

  for (const example of examples) {
    it(`maps ${exampleTitle(example)} to a valid DocumentationSpec with no field APIM never declared`, () => {
      // Act
      const body = toDocumentationSpec(deliveredResource(example, 'documentations'));

      // Assess
      assertAccepted(validateSpec, body);
      for (const key of undeclaredKeys(body, 'DocumentationSpec')) {
        assert.ok(key in LATER_FIELDS, `${key} is not declared`);
      }
    });
  }
});

describe('A documentation page is addressed like GKO addresses it', () => {
  it('puts a portal page under the portal of its portalRef', () => {
    // Prepare
    const resource = page({ portalRef: { name: 'default-portal' } });

    // Act
    const parent = documentationParent(resource);

    // Assess
    assert.deepEqual(parent, { kind: 'portal', hrid: 'team-a-default-portal' });
    assert.equal(documentationCollectionPath(parent), 'portals/team-a-default-portal/documentations');
    assert.equal(documentationHrid(resource), 'team-a-getting-started');
  });

  it('puts an API page under the HRID of the API of its apiRef, in that API namespace', () => {
    // Prepare
    const resource = page({ apiRef: { name: 'pets', namespace: 'apis', kind: 'ApiV4Definition' } });

    // Act
    const parent = documentationParent(resource);

    // Assess
    assert.deepEqual(parent, { kind: 'api', hrid: 'apis-pets' });
    assert.equal(documentationCollectionPath(parent), 'apis/apis-pets/documentations');
  });

  it('refuses a page with both parents or none, as GKO does', () => {
    // Prepare
    const both = page({ portalRef: { name: 'p' }, apiRef: { name: 'a' } });
    const none = page({});

    // Assess
    assert.throws(() => documentationParent(both), InvalidSpecFieldError);
    assert.throws(
      () => documentationParent(none),
      /spec\.portalRef or spec\.apiRef must be set, but not both/,
    );
  });
});

describe('The documentation body is what GKO sends', () => {
  it('sends name, type, content, location, order and area, not the parent reference', () => {
    // Prepare
    const resource = page({
      portalRef: { name: 'default-portal' },
      location: '/projects/alpha',
      order: 2,
      area: 'TOP_NAVBAR',
    });

    // Act
    const body = toDocumentationSpec(resource);

    // Assess
    assert.deepEqual(body, {
      hrid: 'team-a-getting-started',
      name: 'Getting Started',
      type: 'GRAVITEE_MARKDOWN',
      content: '# Hi',
      location: '/projects/alpha',
      order: 2,
      area: 'TOP_NAVBAR',
    });
  });

  it('leaves out an unset area so that APIM applies its own default', () => {
    // Act
    const body = toDocumentationSpec(page({ apiRef: { name: 'pets' }, area: '' }));

    // Assess
    assert.equal('area' in body, false);
    assert.equal('location' in body, false);
  });
});

/** An answer of APIM to `PUT …/portals/{portalHrid}/documentations`. */
const realisticState: DocumentationAutomationState = {
  hrid: 'default-portal-getting-started',
  name: 'Getting Started',
  type: 'GRAVITEE_MARKDOWN',
  content: '# Getting Started\n\nWelcome to the developer portal.\n',
  location: '/projects/alpha',
  order: 1,
  id: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
  organizationId: 'DEFAULT',
  environmentId: 'DEFAULT',
  portalHrid: 'default-default-portal',
};

describe('The Automation API answer becomes the Documentation status fields', () => {
  it('starts from an answer the DocumentationState schema accepts', () => {
    // Assess
    assertAccepted(automationSchema('DocumentationState'), realisticState);
  });

  it('takes the id and the ids of organization and environment', () => {
    // Act
    const status = toDocumentationStatus(realisticState);

    // Assess
    assert.deepEqual(status, {
      id: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
      errors: { severe: [], warning: [] },
    });
  });
});
