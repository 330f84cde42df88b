import type { AdmissionRule } from '../rule.ts';
import { contextReferenceExists } from '../rules/context-reference.ts';
import { sharedPolicyGroupIdentityIsImmutable } from '../rules/shared-policy-group-immutability.ts';
import { sharedPolicyGroupPhaseFitsApiType } from '../rules/shared-policy-group-phase.ts';
import { templatesCompile } from '../rules/templates.ts';

/** Admission rules of a SharedPolicyGroup. */
export const sharedPolicyGroupRules: AdmissionRule[] = [
  templatesCompile,
  contextReferenceExists,
  sharedPolicyGroupIdentityIsImmutable,
  sharedPolicyGroupPhaseFitsApiType,
];
