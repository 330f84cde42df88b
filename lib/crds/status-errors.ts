import { z } from 'zod';
import { stringList } from './schema-helpers.ts';

/**
 * Validation problems recorded on a resource status.
 *
 * `severe` problems stop reconciliation; `warning` problems are reported while the value is
 * ignored or defaulted on the way to APIM.
 */
export const StatusErrors = z
  .strictObject({
    severe: stringList().optional().describe('Problems that block reconciliation.'),
    warning: stringList().optional().describe('Problems that were tolerated (value ignored or defaulted).'),
  })
  .describe('Validation problems found while admitting or reconciling the resource.');

/** Severe and warning validation messages. */
export type StatusErrors = z.infer<typeof StatusErrors>;

/**
 * Values GKO writes to the deprecated `status.processingStatus` field.
 *
 * The CRD itself declares the field as a plain string, so the status schemas use
 * {@link processingStatusField} to stay compatible; producers should still only write these.
 */
export const ProcessingStatus = z.enum(['Completed', 'Failed']);

/** `Completed` or `Failed`. */
export type ProcessingStatus = z.infer<typeof ProcessingStatus>;

/** The deprecated `processingStatus` status field, typed as loosely as GKO's CRD declares it. */
export function processingStatusField(): z.ZodOptional<z.ZodString> {
  return z
    .string()
    .optional()
    .describe('Deprecated outcome of the last reconciliation (Completed or Failed); use conditions.');
}
