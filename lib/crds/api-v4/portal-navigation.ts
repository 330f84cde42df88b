import { z } from 'zod';
import { int32 } from '../schema-helpers.ts';

/** One node of the API documentation tree in the next-gen portal. */
export const NavigationPath = z.strictObject({
  displayName: z.string().optional().describe('Label of the node.'),
  order: int32().optional().describe('Position among siblings.'),
  path: z.string().regex(/^\//).describe('Slash-separated position of the node in the tree.'),
});

/** A navigation node. */
export type NavigationPath = z.infer<typeof NavigationPath>;
