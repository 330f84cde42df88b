import { z } from 'zod';

/** A user granted a role on the API. */
export const Member = z.strictObject({
  role: z.string().default('USER').describe('API role of the member.'),
  source: z.string().describe('Identity source of the user (e.g. gravitee, ldap).'),
  sourceId: z.string().describe('User id in that source (e.g. an e-mail address).'),
});

/** An API member. */
export type Member = z.infer<typeof Member>;
