import { z } from 'zod';
import { ObjectMeta } from './object-meta.ts';

/** API group and version shared by every Gravitee custom resource. */
export const GRAVITEE_API_VERSION = 'gravitee.io/v1alpha1';

/**
 * Builds the schema of a whole custom resource (`apiVersion`, `kind`, `metadata`, `spec`,
 * optional `status`) from its spec and status schemas.
 *
 * The top level is strict so a misplaced field (e.g. `specs:`) is reported instead of dropped.
 */
export function customResource<K extends string, Spec extends z.ZodType, Status extends z.ZodType>(
  kind: K,
  spec: Spec,
  status: Status,
) {
  return z.strictObject({
    apiVersion: z.literal(GRAVITEE_API_VERSION),
    kind: z.literal(kind),
    metadata: ObjectMeta,
    spec,
    status: status.optional(),
  });
}
