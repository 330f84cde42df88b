import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toApiV2ImportBody } from '../../../lib/apim/payload/api-v2-import-body.ts';
import {
  describeErrors,
  gkoImportCrdValidator,
  projectImportCrdValidator,
  resolvedFromExamples,
  storedApiV2Resource,
} from './support/api-v2-corpus.ts';
import { gkoExamplesOfKind } from './support/gko-examples.ts';

const examples = gkoExamplesOfKind('ApiDefinition');
const schemas = [
  { name: 'the schema generated from the project contract', validator: projectImportCrdValidator() },
  { name: "the schema derived from GKO's CRD", validator: gkoImportCrdValidator() },
];

describe('Every GKO ApiDefinition example maps to an import-crd body the derived schemas accept', () => {
  it('finds the v2 examples to walk', () => {
    // Assess
    assert.ok(examples.length >= 35, `only ${examples.length} ApiDefinition documents found`);
  });

  for (const example of examples) {
    const title = `${example.file}#${example.index} (${String(example.manifest.metadata?.name)})`;

    for (const { name, validator } of schemas) {
      it(`${title} validates against ${name}, references resolved`, () => {
        // Prepare
        const resource = storedApiV2Resource(example);
        const resolved = resolvedFromExamples(resource.spec);

        // Act
        const body = toApiV2ImportBody(resource, resolved);

        // Assess
        assert.ok(validator(body), describeErrors(validator.errors));
      });
    }
  }
});

describe('The derived schemas catch bodies GKO would never send', () => {
  const example = examples.find((e) => e.file === 'apim/api_definition/v2/api-with-cache-resource-ref.yml');

  for (const { name, validator } of schemas) {
    it(`an ApiResource reference left unresolved is rejected by ${name}`, () => {
      // Prepare
      assert.ok(example, 'the cache-resource-ref example is missing');
      const resource = storedApiV2Resource(example);

      // Act
      const valid = validator(toApiV2ImportBody(resource));

      // Assess
      assert.equal(valid, false);
      assert.match(
        describeErrors(validator.errors),
        /\/resources\/0 must NOT have additional properties 'ref'/,
      );
    });

    it(`a body still holding contextRef is rejected by ${name}`, () => {
      // Prepare
      assert.ok(example);
      const body = {
        ...toApiV2ImportBody(storedApiV2Resource(example), resolvedFromExamples({})),
        contextRef: { name: 'dev-ctx' },
      };

      // Act
      const valid = validator(body);

      // Assess
      assert.equal(valid, false);
      assert.match(describeErrors(validator.errors), /additional properties 'contextRef'/);
    });

    it(`a plan without crossId and a lower-case syncFrom are rejected by ${name}`, () => {
      // Prepare
      assert.ok(example);
      const body = toApiV2ImportBody(storedApiV2Resource(example), resolvedFromExamples({}));
      const [plan] = body.plans ?? [];
      assert.ok(plan, 'the example has a plan');
      delete (plan as Record<string, unknown>).crossId;
      body.definition_context.syncFrom = 'management';

      // Act
      const valid = validator(body);

      // Assess
      assert.equal(valid, false);
      const errors = describeErrors(validator.errors);
      assert.match(errors, /\/plans\/0 must have required property 'crossId'/);
      assert.match(errors, /\/definition_context\/syncFrom must be equal to one of the allowed values/);
    });
  }
});
