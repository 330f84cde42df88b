import type { AdmissionRule } from '../rule.ts';
import { apiResourceIsComplete } from '../rules/api-resource-model.ts';
import { templatesCompile } from '../rules/templates.ts';

/** Admission rules of an ApiResource: a complete resource definition. */
export const apiResourceRules: AdmissionRule[] = [templatesCompile, apiResourceIsComplete];
