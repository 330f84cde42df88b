import { z } from 'zod';

/** Value formats of API metadata. */
export const MetadataFormat = z.enum(['STRING', 'NUMERIC', 'BOOLEAN', 'DATE', 'MAIL', 'URL']);

/** A metadata entry of the API (shown on the portal, usable in templates). */
export const MetadataEntry = z.strictObject({
  defaultValue: z.string().optional().describe('Value used when none is set.'),
  format: MetadataFormat.describe('Value format.'),
  key: z.string().describe('Metadata key.'),
  name: z.string().describe('Display name.'),
  value: z.string().optional().describe('Metadata value.'),
});

/** An API metadata entry. */
export type MetadataEntry = z.infer<typeof MetadataEntry>;
