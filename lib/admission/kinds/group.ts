import type { AdmissionRule } from '../rule.ts';
import { contextReferenceExists } from '../rules/context-reference.ts';

/** Admission rules of a Group: an existing ManagementContext. */
export const groupRules: AdmissionRule[] = [contextReferenceExists];
