import { z } from 'zod';
import { conditionList } from '../condition.ts';
import { stringMap } from '../schema-helpers.ts';
import { processingStatusField, StatusErrors } from '../status-errors.ts';
import { ApiState } from './api-enums.ts';

/** Observed state of an ApiV4Definition. */
export const ApiV4DefinitionStatus = z
  .strictObject({
    conditions: conditionList().describe('Latest observations of the API (e.g. Accepted, ResolvedRefs).'),
    crossId: z.string().optional().describe('Identifies the API across environments.'),
    environmentId: z.string().optional().describe('APIM environment the API is synced to.'),
    errors: StatusErrors.optional(),
    id: z.string().optional().describe('Id of the API in APIM.'),
    organizationId: z.string().optional().describe('APIM organization the API is synced to.'),
    plans: stringMap().optional().describe('APIM plan ids, by key of the spec plans map.'),
    processingStatus: processingStatusField(),
    state: ApiState.optional().describe('Whether the API is served by gateways.'),
    subscriptions: z.int().optional().describe('Number of subscriptions referencing the API.'),
  })
  .describe('Observed state of the API.');

/** ApiV4Definition status. */
export type ApiV4DefinitionStatus = z.infer<typeof ApiV4DefinitionStatus>;
