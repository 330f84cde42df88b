import { z } from 'zod';

/** Where the definition is managed; always Kubernetes for resources handled by the operator. */
export const DefinitionOrigin = z.enum(['KUBERNETES']);
/** Where gateways read the definition from. */
export const SyncFrom = z.enum(['KUBERNETES', 'MANAGEMENT']);

/** Origin of the definition and the source gateways synchronise from. */
export const DefinitionContext = z
  .strictObject({
    origin: DefinitionOrigin.default('KUBERNETES').describe('Where the definition is managed.'),
    syncFrom: SyncFrom.default('MANAGEMENT').describe(
      'Whether gateways load the API from Kubernetes or from the management repository.',
    ),
  })
  .describe('Kubernetes origin of the API and where gateways read it from.');
