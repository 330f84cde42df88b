import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { toStructuralSchema } from '../../../lib/codegen/structural-schema.ts';
import { freeFormObject, int32 } from '../../../lib/crds/schema-helpers.ts';

describe('converting a zod schema to a structural CRD schema', () => {
  it('marks free-form and loose objects as preserving unknown fields', () => {
    // Prepare
    const schema = z.strictObject({ config: freeFormObject(), loose: z.looseObject({ a: z.string() }) });

    // Act
    const structural = toStructuralSchema(schema);

    // Assess
    assert.deepEqual(structural.properties?.config, {
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    });
    assert.deepEqual(structural.properties?.loose, {
      type: 'object',
      properties: { a: { type: 'string' } },
      required: ['a'],
      'x-kubernetes-preserve-unknown-fields': true,
    });
    assert.equal(structural.additionalProperties, undefined);
  });

  it('emits maps as additionalProperties and drops implicit integer bounds', () => {
    // Prepare
    const schema = z.strictObject({ headers: z.record(z.string(), z.string()), port: int32().optional() });

    // Act
    const structural = toStructuralSchema(schema);

    // Assess
    assert.deepEqual(structural.properties?.headers, {
      type: 'object',
      additionalProperties: { type: 'string' },
    });
    assert.deepEqual(structural.properties?.port, { type: 'integer', format: 'int32' });
  });

  it('keeps defaulted fields optional and carries the default', () => {
    // Prepare
    const schema = z.strictObject({ mode: z.enum(['A', 'B']).default('A'), name: z.string() });

    // Act
    const structural = toStructuralSchema(schema);

    // Assess
    assert.deepEqual(structural.required, ['name']);
    assert.deepEqual(structural.properties?.mode, { type: 'string', enum: ['A', 'B'], default: 'A' });
  });

  it('refuses a union that is not marked free-form, naming its path', () => {
    // Prepare
    const schema = z.strictObject({ value: z.union([z.string(), z.int()]) });

    // Act / Assess
    assert.throws(() => toStructuralSchema(schema), /\.value: unions/);
  });
});
