import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomResourceInput } from '../../../lib/apim/payload/custom-resource-input.ts';
import {
  type DictionaryAutomationState,
  dictionaryCollectionPath,
  dictionaryHrid,
  toDictionarySpec,
  toDictionaryStatus,
} from '../../../lib/apim/payload/dictionary.ts';
import { automationSchema } from './support/automation-schema.ts';
import { assertAccepted, deliveredResource, exampleTitle } from './support/example-resources.ts';
import { gkoExamplesOfKind } from './support/gko-examples.ts';
import { undeclaredKeys } from './support/schema-check.ts';

const examples = gkoExamplesOfKind('Dictionary');
const validateSpec = automationSchema('DictionarySpec');

function dictionary(spec: Record<string, unknown>, name = 'dynamic-dict'): CustomResourceInput {
  return { metadata: { name, namespace: 'team-a' }, spec };
}

describe('Every GKO Dictionary example maps to a body the Automation API schema accepts', () => {
  it('finds a manual and a dynamic Dictionary example', () => {
    // Assess
    const types = examples.map((example) => (example.manifest.spec as { type?: string }).type).sort();
    assert.deepEqual(types, ['DYNAMIC', 'MANUAL']);
  });

  for (const example of examples) {
    it(`maps ${exampleTitle(example)} to a valid DictionarySpec with no undeclared field`, () => {
      // Act
      const body = toDictionarySpec(deliveredResource(example, 'dictionaries'));

      // Assess
      assertAccepted(validateSpec, body);
      assert.deepEqual(undeclaredKeys(body, 'DictionarySpec'), []);
    });
  }
});

describe('The dictionary body is what GKO sends', () => {
  it('addresses a dictionary as <namespace>-<name> in the dictionaries collection', () => {
    // Prepare
    const resource = dictionary({
      name: 'Manual',
      type: 'MANUAL',
      deployed: false,
      manual: { properties: {} },
    });

    // Act
    const body = toDictionarySpec(resource);

    // Assess
    assert.equal(body.hrid, 'team-a-dynamic-dict');
    assert.equal(dictionaryHrid(resource), 'team-a-dynamic-dict');
    assert.equal(dictionaryCollectionPath(), 'dictionaries');
  });

  it('leaves out contextRef and the provider fields Go omits when empty', () => {
    // Prepare
    const resource = dictionary({
      contextRef: { name: 'dev-ctx' },
      name: 'dynamic-dict',
      description: '',
      type: 'DYNAMIC',
      deployed: true,
      dynamic: {
        provider: {
          type: 'HTTP',
          url: 'https://api.gravitee.io/echo',
          method: 'POST',
          specification: '[]',
          body: '',
          useSystemProxy: false,
          headers: [],
        },
        trigger: { rate: 30, unit: 'SECONDS' },
      },
    });

    // Act
    const body = toDictionarySpec(resource);

    // Assess
    assert.deepEqual(body, {
      hrid: 'team-a-dynamic-dict',
      name: 'dynamic-dict',
      deployed: true,
      type: 'DYNAMIC',
      dynamic: {
        provider: { type: 'HTTP', url: 'https://api.gravitee.io/echo', method: 'POST', specification: '[]' },
        trigger: { rate: 30, unit: 'SECONDS' },
      },
    });
  });

  it('keeps the provider body, proxy flag and headers when set', () => {
    // Prepare
    const provider = {
      type: 'HTTP',
      url: 'https://api.gravitee.io/echo',
      method: 'POST',
      specification: '[]',
      body: '{"q":1}',
      useSystemProxy: true,
      headers: [{ name: 'Accept', value: 'application/json' }],
    };
    const resource = dictionary({
      name: 'dynamic-dict',
      description: 'from the echo API',
      type: 'DYNAMIC',
      deployed: false,
      dynamic: { provider, trigger: { rate: 1, unit: 'MINUTES' } },
    });

    // Act
    const body = toDictionarySpec(resource);

    // Assess
    assert.deepEqual(body.dynamic?.provider, provider);
    assert.equal(body.description, 'from the echo API');
    assert.equal(body.deployed, false);
    assertAccepted(validateSpec, body);
  });
});

/** An answer of APIM to `PUT …/dictionaries`. */
const realisticState: DictionaryAutomationState = {
  hrid: 'default-manual-dict',
  name: 'manual-dict',
  type: 'MANUAL',
  deployed: true,
  manual: { properties: { env: 'test', region: 'eu' } },
  id: '6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e2f',
  organizationId: 'DEFAULT',
  environmentId: 'DEFAULT',
};

describe('The Automation API answer becomes the Dictionary status fields', () => {
  it('starts from an answer the DictionaryState schema accepts', () => {
    // Assess
    assertAccepted(automationSchema('DictionaryState'), realisticState);
  });

  it('takes the id and the ids of organization and environment', () => {
    // Act
    const status = toDictionaryStatus(realisticState);

    // Assess
    assert.deepEqual(status, {
      id: '6c5d4e3f-2a1b-4c0d-9e8f-7a6b5c4d3e2f',
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
      errors: { severe: [], warning: [] },
    });
  });
});
