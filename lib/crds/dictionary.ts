/**
 * Contract of the `Dictionary` custom resource: an APIM dictionary, a key/value map available to
 * Gravitee EL as `{#dictionaries['<hrid>']['<key>']}`.
 *
 * GKO's admission also requires `manual` for MANUAL and `dynamic` for DYNAMIC dictionaries (and
 * forbids the other); the CRD does not, so neither does this schema: that check belongs to admission.
 */
import { z } from 'zod';
import { conditionList } from './condition.ts';
import { DynamicDictionary } from './dictionary/dynamic.ts';
import { ManualDictionary } from './dictionary/manual.ts';
import { defineKind } from './kind-definition.ts';
import { ObjectRef } from './object-ref.ts';
import { customResource } from './resource.ts';
import { StatusErrors } from './status-errors.ts';

/** Whether entries are listed in the resource (MANUAL) or fetched from a provider (DYNAMIC). */
export const DictionaryType = z.enum(['MANUAL', 'DYNAMIC']);

/** Desired state of a Dictionary. */
export const DictionarySpec = z
  .strictObject({
    contextRef: ObjectRef.optional().describe('ManagementContext used to sync the dictionary with APIM.'),
    deployed: z
      .boolean()
      .describe(
        'Deploy a MANUAL dictionary to gateways or start a DYNAMIC one; false undeploys or stops it.',
      ),
    description: z.string().optional().describe('Description of the dictionary.'),
    dynamic: DynamicDictionary.optional(),
    manual: ManualDictionary.optional(),
    name: z.string().describe('Name of the dictionary.'),
    type: DictionaryType.describe('MANUAL or DYNAMIC.'),
  })
  .describe('Desired state of an APIM dictionary.');

/** Observed state of a Dictionary. */
export const DictionaryStatus = z
  .strictObject({
    conditions: conditionList().describe(
      'Latest observations of the dictionary (e.g. Accepted, ResolvedRefs).',
    ),
    environmentId: z.string().optional().describe('APIM environment the dictionary is synced to.'),
    errors: StatusErrors.optional(),
    id: z.string().optional().describe('Id of the dictionary in APIM.'),
    organizationId: z.string().optional().describe('APIM organization the dictionary is synced to.'),
  })
  .describe('Observed state of the dictionary.');

/** A complete Dictionary resource. */
export const DictionaryResource = customResource('Dictionary', DictionarySpec, DictionaryStatus);

/** Dictionary spec. */
export type DictionarySpec = z.infer<typeof DictionarySpec>;
/** Dictionary status after defaults are applied. */
export type DictionaryStatus = z.infer<typeof DictionaryStatus>;
/** A Dictionary resource after defaults are applied. */
export type DictionaryResource = z.infer<typeof DictionaryResource>;
/** A Dictionary resource as written by a user (defaults not yet applied). */
export type DictionaryResourceInput = z.input<typeof DictionaryResource>;

/** The Dictionary kind. */
export const dictionaryKind = defineKind({
  kind: 'Dictionary',
  plural: 'dictionaries',
  shortNames: ['graviteedictionaries'],
  finalizer: 'finalizers.gravitee.io/dictionaries',
  description: 'An APIM dictionary: key/value pairs available to Gravitee EL, listed or fetched.',
  spec: DictionarySpec,
  status: DictionaryStatus,
  resource: DictionaryResource,
  printerColumns: [{ name: 'Type', jsonPath: '.spec.type', type: 'string' }],
});
