import { z } from 'zod';
import { ObjectRef } from '../object-ref.ts';
import { int32 } from '../schema-helpers.ts';

/** One API placed in the portal navigation. */
export const PortalApiEntry = z.strictObject({
  location: z
    .string()
    .regex(/^\//)
    .describe('Navigation path under which the API appears; it must exist in the portal navigation.'),
  order: int32().optional().describe('Position among siblings at the same location; list order otherwise.'),
  ref: ObjectRef.describe('The API to publish (an ApiV4Definition; the kind defaults to it).'),
});

/** An API entry of a portal listing. */
export type PortalApiEntry = z.infer<typeof PortalApiEntry>;
