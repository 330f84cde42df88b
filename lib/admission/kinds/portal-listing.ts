import type { AdmissionRule } from '../rule.ts';
import { listedApisFitPortal } from '../rules/portal-listing-apis.ts';
import { portalParentIsUsable, portalReferenceIsImmutable } from '../rules/portal-parent.ts';
import { templatesCompile } from '../rules/templates.ts';

/** Admission rules of a PortalListing: a fixed, usable portal listing v4 APIs of its ManagementContext. */
export const portalListingRules: AdmissionRule[] = [
  templatesCompile,
  portalReferenceIsImmutable,
  portalParentIsUsable,
  listedApisFitPortal,
];
