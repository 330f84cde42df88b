import { z } from 'zod';
import { stringMap } from '../schema-helpers.ts';

/** Settings of a MANUAL dictionary, whose entries are listed in the resource. */
export const ManualDictionary = z
  .strictObject({
    properties: stringMap().describe('The dictionary entries.'),
  })
  .describe('Entries of a MANUAL dictionary (set only when type is MANUAL).');

/** Manual dictionary settings. */
export type ManualDictionary = z.infer<typeof ManualDictionary>;
