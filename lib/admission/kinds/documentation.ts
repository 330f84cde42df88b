import type { AdmissionRule } from '../rule.ts';
import { documentationHasOneParent, documentationParentIsImmutable } from '../rules/documentation-parent.ts';
import { templatesCompile } from '../rules/templates.ts';

/** Admission rules of a Documentation page: one fixed parent that exists and has a ManagementContext. */
export const documentationRules: AdmissionRule[] = [
  templatesCompile,
  documentationParentIsImmutable,
  documentationHasOneParent,
];
