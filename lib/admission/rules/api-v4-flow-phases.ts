import { list, text } from '../accessors.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';
import { type FlowPhase, phaseField, v4Flows } from './api-v4-flows.ts';

const NATIVE_ONLY: FlowPhase[] = ['connect', 'interact'];
const NOT_NATIVE: FlowPhase[] = ['request', 'response'];

/**
 * Flow phases depend on the API type: a NATIVE API has no request or response phase, the other v4 APIs
 * have no connect or interact phase. Checked on API flows and on plan flows alike (GKO means to check
 * both but only looks at the API flows).
 */
export function flowPhasesFitApiType({ spec }: AdmissionContext): AdmissionIssue[] {
  const type = text(spec.type) ?? '';
  const forbidden = type === 'NATIVE' ? NOT_NATIVE : NATIVE_ONLY;
  const issues: AdmissionIssue[] = [];
  for (const flow of v4Flows(spec)) {
    for (const phase of forbidden) {
      if (list(flow.flow[phase]).length > 0) {
        issues.push(admissionError(phaseField(flow, phase), `a ${type || 'v4'} API has no ${phase} phase`));
      }
    }
  }
  return issues;
}
