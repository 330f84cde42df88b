import type { AdmissionIssue } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';
import { resourceModelIssues } from './resource-model.ts';

/** An ApiResource defines a complete resource: type, name and configuration. */
export function apiResourceIsComplete({ spec }: AdmissionContext): AdmissionIssue[] {
  return resourceModelIssues(spec, ['spec']);
}
