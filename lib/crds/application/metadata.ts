import { z } from 'zod';

/** Value formats of application metadata. */
export const ApplicationMetadataFormat = z.enum(['STRING', 'NUMERIC', 'BOOLEAN', 'DATE', 'MAIL', 'URL']);

/** A metadata entry of the application. */
export const ApplicationMetadata = z.strictObject({
  defaultValue: z.string().optional().describe('Value used when none is set.'),
  format: ApplicationMetadataFormat.optional().describe('Value format.'),
  hidden: z.boolean().optional().describe('Hide the entry from portal users.'),
  name: z.string().describe('Metadata name.'),
  value: z.string().optional().describe('Metadata value.'),
});

/** An application metadata entry. */
export type ApplicationMetadata = z.infer<typeof ApplicationMetadata>;
