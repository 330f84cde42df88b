import type { z } from 'zod';
import { ApiV4DefinitionStatus } from '../api-v4/status.ts';

/**
 * Observed state of an ApiDefinition. GKO gives v2 and v4 APIs the same status type, so the v4
 * schema is reused; only its description changes.
 */
export const ApiDefinitionStatus = ApiV4DefinitionStatus.describe('Observed state of the v2 API.');

/** ApiDefinition status. */
export type ApiDefinitionStatus = z.infer<typeof ApiDefinitionStatus>;
