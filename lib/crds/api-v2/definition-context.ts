import { z } from 'zod';

/**
 * Tells APIM that the API is managed from Kubernetes and where gateways load it from.
 *
 * The values are free strings in GKO's CRD (lower case by default, upper case once GKO has
 * normalised `syncFrom`), so they are not narrowed to an enum here.
 */
export const DefinitionContext = z
  .strictObject({
    mode: z.string().default('fully_managed').describe('Management mode of the API in APIM.'),
    origin: z.string().default('kubernetes').describe('Where the definition is managed.'),
    syncFrom: z
      .string()
      .default('kubernetes')
      .describe('Whether gateways load the API from Kubernetes or from the management repository.'),
  })
  .describe('Kubernetes origin of the API and where gateways read it from.');

/** Definition context of a v2 API. */
export type DefinitionContext = z.infer<typeof DefinitionContext>;
