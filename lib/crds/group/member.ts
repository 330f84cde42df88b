import { z } from 'zod';

/**
 * A user of a group, with the role the group gives it per scope.
 *
 * Role keys are the scopes `API`, `APPLICATION` and `INTEGRATION`; the CRD keeps them as free
 * strings, and so does this schema, so that APIM (not the operator) reports an unknown scope.
 */
export const GroupMember = z.strictObject({
  roles: z
    .record(z.string(), z.string())
    .default({})
    .describe('Role of the member per scope (API, APPLICATION, INTEGRATION), e.g. API: OWNER.'),
  source: z.string().describe('Identity source of the user (e.g. gravitee, memory, ldap).'),
  sourceId: z.string().describe('User id in that source (e.g. an e-mail address).'),
});

/** A group member. */
export type GroupMember = z.infer<typeof GroupMember>;
