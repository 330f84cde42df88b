import assert from 'node:assert/strict';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { CustomResourceInput } from '../../../../lib/apim/payload/custom-resource-input.ts';
import { asDeliveredSpec } from './example-values.ts';
import type { ExampleManifest } from './gko-examples.ts';
import { asStoredSpec } from './kind-crd-defaults.ts';
import { describeErrors } from './schema-check.ts';

/** Namespace the examples are mapped in (they set none, `kubectl apply` would use the current one). */
export const EXAMPLE_NAMESPACE = 'default';

/** An example GKO cannot send as the Automation schema wants it, with why and where the schema rejects it. */
export interface ExampleExclusion {
  reason: string;
  /** Instance paths of the only errors the schema may report. */
  failingAt: RegExp;
}

/**
 * An example as a function receives it: CRD defaults applied (API server), Secret/ConfigMap values
 * restored (watcher), in namespace `default`.
 */
export function deliveredResource(example: ExampleManifest, plural: string): CustomResourceInput {
  return {
    metadata: { name: String(example.manifest.metadata?.name), namespace: EXAMPLE_NAMESPACE },
    spec: asDeliveredSpec(asStoredSpec(plural, (example.manifest.spec ?? {}) as Record<string, unknown>)),
  };
}

/** Stable test title of an example: `<file>#<document index> (<name>)`. */
export function exampleTitle(example: ExampleManifest): string {
  return `${example.file}#${example.index} (${String(example.manifest.metadata?.name)})`;
}

/** Asserts the body validates, reporting the schema errors otherwise. */
export function assertAccepted(validate: ValidateFunction, body: unknown): void {
  assert.ok(validate(body), describeErrors(validate.errors));
}

/** Asserts the body is rejected, and only at the paths of the exclusion. */
export function assertRejectedOnlyAt(
  validate: ValidateFunction,
  body: unknown,
  exclusion: ExampleExclusion,
): void {
  assert.equal(validate(body), false, 'the body now validates: remove its exclusion');
  const elsewhere = (validate.errors ?? []).filter((error) => !exclusion.failingAt.test(error.instancePath));
  assert.equal(describeErrors(elsewhere), '', 'the body is rejected for another reason too');
}
