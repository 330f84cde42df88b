import { apiView } from '../api-view.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import { apiKindOf } from '../references.ts';
import type { AdmissionContext } from '../rule.ts';

/** An API that is not STOPPED (the default state is STARTED) needs at least one plan to be deployed. */
export function startedApiHasPlan({ resource }: AdmissionContext): AdmissionIssue[] {
  const kind = apiKindOf(resource.kind);
  if (!kind) return [];
  const api = apiView(kind, resource);
  if (api.plans.length > 0 || api.state === 'STOPPED') return [];
  return [
    admissionError(
      'spec.plans',
      `API state is ${api.state} but the API has no plan; an API needs at least one plan to be deployed (or set spec.state to STOPPED)`,
    ),
  ];
}
