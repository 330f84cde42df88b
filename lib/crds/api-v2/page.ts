import { z } from 'zod';
import { Page as ApiV4Page } from '../api-v4/page.ts';

/** Kinds of principals a page access control can name; APIM only supports groups. */
export const AccessControlReferenceType = z.enum(['GROUP']);

/** Grants (or, with `excludedAccessControls`, denies) a group access to a private page. */
export const AccessControl = z.strictObject({
  referenceId: z.string().describe('Name of the group.'),
  referenceType: AccessControlReferenceType.describe('Kind of principal; only GROUP is supported.'),
});

/** A page access control. */
export type AccessControl = z.infer<typeof AccessControl>;

/**
 * A documentation page of a v2 API: the fields of a v4 page (GKO shares them) plus access
 * controls, which only v2 pages support.
 */
export const Page = ApiV4Page.extend({
  accessControls: z
    .array(AccessControl)
    .default([])
    .describe('Groups granted access to the page when it is private.'),
  excludedAccessControls: z
    .boolean()
    .optional()
    .describe('Deny the groups listed in accessControls instead of granting them access.'),
});

/** A v2 documentation page. */
export type Page = z.infer<typeof Page>;
