import type { AdmissionRule } from '../rule.ts';
import { cloudTokenFitsContext } from '../rules/management-context-cloud-token.ts';
import { selfHostedContextIsComplete } from '../rules/management-context-settings.ts';
import { templatesCompile } from '../rules/templates.ts';

/** Admission rules of a ManagementContext: complete settings, or a usable Gravitee Cloud token. */
export const managementContextRules: AdmissionRule[] = [
  templatesCompile,
  selfHostedContextIsComplete,
  cloudTokenFitsContext,
];
