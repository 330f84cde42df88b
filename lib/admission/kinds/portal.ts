import type { AdmissionRule } from '../rule.ts';
import { contextReferenceExists } from '../rules/context-reference.ts';
import { portalHasContext } from '../rules/portal-context.ts';
import { portalNavigationIsCurrent } from '../rules/portal-navigation.ts';

/** Admission rules of a Portal: current navigation settings, an existing ManagementContext. */
export const portalRules: AdmissionRule[] = [
  portalNavigationIsCurrent,
  portalHasContext,
  contextReferenceExists,
];
