import { list, record, text } from '../accessors.ts';
import { type AdmissionIssue, admissionError, admissionWarning } from '../issue.ts';
import { describeReference, referenceAt } from '../references.ts';
import type { AdmissionContext } from '../rule.ts';
import { FLOW_PHASES, phaseField, v4Flows } from './api-v4-flows.ts';

/** API types whose flows can use shared policy groups of the same `apiType`. */
const TYPED_APIS = new Set(['PROXY', 'MESSAGE']);

/**
 * A flow step's `sharedPolicyGroupRef` must name an existing SharedPolicyGroup whose `phase` is the
 * phase the step sits in (a REQUEST group in a request phase…). A group made for another API type
 * (`apiType` PROXY vs MESSAGE) is reported as a warning: APIM only offers a group to APIs of its type,
 * but neither GKO nor APIM rejects the reference.
 */
export function sharedPolicyGroupsFitFlows({ spec, namespace, lookup }: AdmissionContext): AdmissionIssue[] {
  const apiType = text(spec.type) ?? '';
  const issues: AdmissionIssue[] = [];
  for (const flow of v4Flows(spec)) {
    for (const phase of FLOW_PHASES) {
      list(flow.flow[phase]).forEach((item, index) => {
        const step = record(item);
        const ref = referenceAt(step.sharedPolicyGroupRef, namespace);
        if (!ref) return;
        const field = `${phaseField(flow, phase, index)}.sharedPolicyGroupRef`;
        const group = lookup.get('SharedPolicyGroup', ref.namespace, ref.name);
        if (!group) {
          issues.push(
            admissionError(field, `SharedPolicyGroup ${describeReference(ref)} does not exist`, {
              kind: 'SharedPolicyGroup',
              ...ref,
            }),
          );
          return;
        }
        const groupSpec = record(group.spec);
        const groupPhase = text(groupSpec.phase) ?? '';
        if (groupPhase.toUpperCase() !== phase.toUpperCase()) {
          issues.push(
            admissionError(
              field,
              `SharedPolicyGroup ${describeReference(ref)} runs in the ${groupPhase || 'unset'} phase and cannot be used in a ${phase} phase`,
            ),
          );
        }
        const groupApiType = text(groupSpec.apiType);
        if (groupApiType && TYPED_APIS.has(apiType) && groupApiType !== apiType) {
          issues.push(
            admissionWarning(
              field,
              `SharedPolicyGroup ${describeReference(ref)} is made for ${groupApiType} APIs, this API is ${apiType}`,
            ),
          );
        }
      });
    }
  }
  return issues;
}
