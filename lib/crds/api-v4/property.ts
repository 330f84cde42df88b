import { z } from 'zod';

/** A key/value property made available to policies through the EL context. */
export const Property = z.strictObject({
  dynamic: z.boolean().optional().describe('Managed by the dynamic property service.'),
  encryptable: z.boolean().optional().describe('The value should be encrypted by APIM.'),
  encrypted: z.boolean().optional().describe('The value is already encrypted.'),
  key: z.string().optional().describe('Property key.'),
  value: z.string().optional().describe('Property value.'),
});

/** An API property. */
export type Property = z.infer<typeof Property>;
