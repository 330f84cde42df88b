import type { AdmissionRule } from '../rule.ts';
import { portalParentIsUsable, portalReferenceIsImmutable } from '../rules/portal-parent.ts';
import { templatesCompile } from '../rules/templates.ts';

/** Admission rules of a PortalLink: a fixed portal that exists and has a ManagementContext. */
export const portalLinkRules: AdmissionRule[] = [
  templatesCompile,
  portalReferenceIsImmutable,
  portalParentIsUsable,
];
