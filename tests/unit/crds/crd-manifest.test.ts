import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { buildCrd } from '../../../lib/codegen/crd.ts';
import { defineKind, type PrinterColumn } from '../../../lib/crds/kind-definition.ts';
import { customResource } from '../../../lib/crds/resource.ts';

/** A throw-away kind, so the test does not depend on how a real kind is named or displayed. */
function sampleKind(shortNames: string[], printerColumns: PrinterColumn[]) {
  const spec = z.strictObject({ name: z.string() });
  const status = z.strictObject({});
  return defineKind({
    kind: 'Sample',
    plural: 'samples',
    shortNames,
    finalizer: 'finalizers.gravitee.io/samples',
    description: 'A sample kind.',
    spec,
    status,
    resource: customResource('Sample', spec, status),
    printerColumns,
  });
}

describe('building the CRD manifest of a kind', () => {
  it('leaves out short names and printer columns when the kind has none, like GKO', () => {
    // Prepare
    const definition = sampleKind([], []);

    // Act
    const crd = buildCrd(definition);

    // Assess
    assert.deepEqual(crd.spec.names, {
      kind: 'Sample',
      listKind: 'SampleList',
      plural: 'samples',
      singular: 'sample',
    });
    assert.equal(Object.hasOwn(crd.spec.versions[0] ?? {}, 'additionalPrinterColumns'), false);
  });

  it('keeps short names and printer columns when the kind declares them', () => {
    // Prepare
    const column = { name: 'Name', jsonPath: '.spec.name', type: 'string' };
    const definition = sampleKind(['smp'], [column]);

    // Act
    const crd = buildCrd(definition);

    // Assess
    assert.deepEqual(crd.spec.names.shortNames, ['smp']);
    assert.deepEqual(crd.spec.versions[0]?.additionalPrinterColumns, [column]);
  });
});
