import { text } from '../accessors.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';

/** Phases a shared policy group can run in, per the API type it is made for (APIM's rule). */
export const SHARED_POLICY_GROUP_PHASES: Record<string, string[]> = {
  PROXY: ['REQUEST', 'RESPONSE'],
  MESSAGE: ['REQUEST', 'RESPONSE', 'PUBLISH', 'SUBSCRIBE'],
};

/** A PROXY group runs in REQUEST or RESPONSE; a MESSAGE group also in PUBLISH or SUBSCRIBE. */
export function sharedPolicyGroupPhaseFitsApiType({ spec }: AdmissionContext): AdmissionIssue[] {
  const apiType = text(spec.apiType);
  const phase = text(spec.phase);
  const phases = apiType ? SHARED_POLICY_GROUP_PHASES[apiType] : undefined;
  if (!phases || !phase || phases.includes(phase)) return [];
  return [
    admissionError(
      'spec.phase',
      `a ${apiType} shared policy group runs in ${phases.join(', ')}, not in ${phase}`,
    ),
  ];
}
