import { z } from 'zod';

/** A user granted a role on the application. */
export const ApplicationMember = z.strictObject({
  role: z.string().default('USER').describe('Application role of the member.'),
  source: z.string().describe('Identity source of the user (e.g. gravitee, memory, ldap).'),
  sourceId: z.string().describe('User id in that source (e.g. an e-mail address).'),
});

/** An application member. */
export type ApplicationMember = z.infer<typeof ApplicationMember>;
