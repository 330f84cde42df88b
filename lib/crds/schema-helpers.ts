/**
 * Small zod factories shared by every CRD contract.
 *
 * They exist so that the CRD generator can recognise intent (free-form JSON, integer width) from
 * JSON-schema metadata instead of guessing from shapes.
 */
import { z } from 'zod';

/** Kubernetes schema extension that keeps fields the schema does not describe. */
export const PRESERVE_UNKNOWN_FIELDS = 'x-kubernetes-preserve-unknown-fields';

/**
 * An arbitrary JSON object (policy, connector or service configuration).
 *
 * The CRD keeps such objects opaque because their shape belongs to Gravitee plugins, not to the
 * operator; the metadata flag tells the generator to emit `x-kubernetes-preserve-unknown-fields`.
 */
export function freeFormObject(): z.ZodRecord<z.ZodString, z.ZodUnknown> {
  return z.record(z.string(), z.unknown()).meta({ [PRESERVE_UNKNOWN_FIELDS]: true });
}

/** A map of string keys to string values (HTTP headers, page configuration, status plan ids). */
export function stringMap(): z.ZodRecord<z.ZodString, z.ZodString> {
  return z.record(z.string(), z.string());
}

/** A list of strings; a factory because most list fields carry their own default and description. */
export function stringList(): z.ZodArray<z.ZodString> {
  return z.array(z.string());
}

/** A 32-bit signed integer, emitted with `format: int32` like the Go types it mirrors. */
export function int32(): z.ZodInt32 {
  return z.int32().meta({ format: 'int32' });
}

/**
 * A 64-bit integer, emitted with `format: int64`.
 *
 * JavaScript numbers only hold integers exactly up to 2^53, which is far beyond any duration or
 * size these fields carry, so the safe-integer range is an acceptable bound.
 */
export function int64(): z.ZodInt {
  return z.int().meta({ format: 'int64' });
}
