import { entries, list, record } from '../accessors.ts';
import { fieldPath } from '../issue.ts';

/** One flow of a v4 API: at the API level or in a plan. */
export interface V4Flow {
  flow: Record<string, unknown>;
  /** Path segments of the flow in the manifest. */
  at: Array<string | number>;
}

/** The phases of a v4 flow, as written in the manifest. */
export const FLOW_PHASES = ['request', 'response', 'publish', 'subscribe', 'connect', 'interact'] as const;
export type FlowPhase = (typeof FLOW_PHASES)[number];

/** Every flow of a v4 API spec: `spec.flows[*]`, then `spec.plans.<key>.flows[*]`. */
export function v4Flows(spec: Record<string, unknown>): V4Flow[] {
  const flows: V4Flow[] = list(spec.flows).map((flow, index) => ({
    flow: record(flow),
    at: ['spec', 'flows', index],
  }));
  for (const [key, plan] of entries(spec.plans)) {
    list(plan.flows).forEach((flow, index) => {
      flows.push({ flow: record(flow), at: ['spec', 'plans', key, 'flows', index] });
    });
  }
  return flows;
}

/** Field path of a flow's phase list. */
export function phaseField(flow: V4Flow, phase: FlowPhase, step?: number): string {
  return step === undefined ? fieldPath(...flow.at, phase) : fieldPath(...flow.at, phase, step);
}
