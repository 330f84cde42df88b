import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCrd, resourceSchema } from '../../../lib/codegen/crd.ts';
import { kinds } from '../../../lib/crds/kinds.ts';
import { gkoCrd, gkoOpenApiSchema } from './gko-reference.ts';
import { collectFacts, compareFacts, differenceKey } from './schema-facts.ts';

/**
 * Deliberate field-level differences with GKO's CRDs, as `<path> <aspect>` → reason.
 *
 * Currently none. Differences that the comparison does not look at, on purpose:
 * - descriptions are written in our own words;
 * - the root schema requires `spec` (GKO's does not), matching the zod resource schema;
 * - `spec.listeners[]` is free-form in both CRDs, but the zod contract types each listener by
 *   `type` (HTTP, SUBSCRIPTION, TCP, KAFKA) so `gso validate` reports mistakes; unknown keys inside
 *   listeners are still accepted;
 * - a field GKO marks required *and* defaults is optional-with-default here: the API server applies
 *   defaults before checking `required`, so both accept exactly the same objects.
 */
const ALLOWED_DIFFERENCES: Readonly<Record<string, string>> = {};

/**
 * Schemas GKO declares as an object without any field, by `<kind> <part>`, with the reason. They are
 * still compared (ours must be empty too); only the "GKO schema is not empty" sanity check is reversed.
 */
const EMPTY_IN_GKO: Readonly<Record<string, string>> = {
  'ApiResource status': 'GKO records no status for API resources (its ApiResourceStatus has no field)',
};

describe('generated CRDs compared with GKO CRDs', () => {
  for (const definition of Object.values(kinds)) {
    for (const part of ['spec', 'status'] as const) {
      it(`the ${definition.kind} ${part} schema has every field path, type, enum, default and bound of GKO's`, () => {
        // Prepare
        const gko = gkoOpenApiSchema(definition.plural).properties?.[part];
        const ours = resourceSchema(definition).properties?.[part];
        assert.ok(gko !== undefined && ours !== undefined, `${part} schema missing`);

        // Act
        const gkoFacts = collectFacts(gko, part);
        const differences = compareFacts(gkoFacts, collectFacts(ours, part)).filter(
          (difference) => !(differenceKey(difference) in ALLOWED_DIFFERENCES),
        );

        // Assess
        if (`${definition.kind} ${part}` in EMPTY_IN_GKO)
          assert.equal(gkoFacts.size, 1, 'GKO schema now has fields');
        else assert.ok(gkoFacts.size > 1, 'GKO schema unexpectedly empty');
        assert.deepEqual(
          differences.map(
            (d) => `${d.path} ${d.aspect}: GKO=${JSON.stringify(d.gko)} ours=${JSON.stringify(d.ours)}`,
          ),
          [],
        );
      });
    }

    it(`the ${definition.kind} CRD keeps GKO's names, scope and printer columns`, () => {
      // Prepare
      const gko = gkoCrd(definition.plural) as {
        metadata: { name: string };
        spec: { group: string; names: unknown; scope: string; versions: Array<Record<string, unknown>> };
      };

      // Act
      const ours = buildCrd(definition);

      // Assess
      assert.equal(ours.metadata.name, gko.metadata.name);
      assert.equal(ours.spec.group, gko.spec.group);
      assert.deepEqual(ours.spec.names, gko.spec.names);
      assert.equal(ours.spec.scope, gko.spec.scope);
      const [gkoVersion] = gko.spec.versions;
      const [ourVersion] = ours.spec.versions;
      assert.equal(ourVersion?.name, gkoVersion?.name);
      assert.deepEqual(ourVersion?.additionalPrinterColumns, gkoVersion?.additionalPrinterColumns);
      assert.deepEqual(ourVersion?.subresources, gkoVersion?.subresources);
    });
  }

  it('every allowed difference still exists, so the allow-list cannot go stale', () => {
    // Prepare
    const actual = new Set<string>();

    // Act
    for (const definition of Object.values(kinds)) {
      for (const part of ['spec', 'status'] as const) {
        const gko = gkoOpenApiSchema(definition.plural).properties?.[part];
        const ours = resourceSchema(definition).properties?.[part];
        if (gko === undefined || ours === undefined) continue;
        for (const difference of compareFacts(collectFacts(gko, part), collectFacts(ours, part))) {
          actual.add(differenceKey(difference));
        }
      }
    }

    // Assess
    assert.deepEqual(
      Object.keys(ALLOWED_DIFFERENCES).filter((key) => !actual.has(key)),
      [],
    );
  });
});

describe('the CRD field comparison', () => {
  it('reports a narrowed enum, a dropped required field and a missing path', () => {
    // Prepare
    const gko = gkoOpenApiSchema('apiv4definitions').properties?.spec;
    assert.ok(gko !== undefined);
    const mutated = structuredClone(gko);
    const properties = mutated.properties ?? {};
    (properties.state as { enum: string[] }).enum = ['STARTED'];
    mutated.required = ['name'];
    delete properties.crossId;

    // Act
    const keys = compareFacts(collectFacts(gko, 'spec'), collectFacts(mutated, 'spec')).map(differenceKey);

    // Assess
    assert.deepEqual(keys.sort(), ['spec required', 'spec.crossId presence', 'spec.state enum']);
  });
});
