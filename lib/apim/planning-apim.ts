import type { ApimPort, ApimState } from '../ports/apim.ts';
import type { ApimExchange } from './http.ts';
import { type ApimTarget, automationRoot, dryRunQuery, environmentUrl, managementV1Root } from './target.ts';

/** One APIM call that would be made, with its body (secrets are in headers only, never here). */
export interface PlannedCall {
  /** `Kind namespace/name` of the resource being synced. */
  resource?: string;
  method: 'GET' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
}

/** Stands for every id APIM would assign. */
export const PLACEHOLDER_ID = '(assigned by APIM)';

/**
 * An {@link ApimPort} that sends nothing: it records the calls that would be made and answers what APIM
 * would plausibly answer (the body echoed with placeholder ids), so `gso plan` and offline `gso dev` show
 * requests and statuses without an APIM.
 */
export class PlanningApim implements ApimPort {
  private readonly target: ApimTarget;
  private readonly calls: PlannedCall[];
  private readonly record: (exchange: ApimExchange) => void;
  private readonly resource: string | undefined;

  constructor(
    target: ApimTarget,
    calls: PlannedCall[],
    record: (exchange: ApimExchange) => void = () => {},
    resource?: string,
  ) {
    this.target = target;
    this.calls = calls;
    this.record = record;
    this.resource = resource;
  }

  private add(call: PlannedCall): void {
    this.calls.push(this.resource ? { resource: this.resource, ...call } : call);
    this.record({ method: call.method, url: call.url, wrote: false });
  }

  async probeEnvironment() {
    this.add({ method: 'GET', url: environmentUrl(this.target) });
    return { id: this.target.environmentId, organizationId: this.target.organizationId };
  }

  async upsert(collection: string, body: object, options: { dryRun?: boolean }) {
    this.add({
      method: 'PUT',
      url: `${automationRoot(this.target)}/${collection}${dryRunQuery(options)}`,
      body,
    });
    return this.echo(body);
  }

  async read(item: string) {
    this.add({ method: 'GET', url: `${automationRoot(this.target)}/${item}` });
    return undefined;
  }

  async remove(item: string) {
    this.add({ method: 'DELETE', url: `${automationRoot(this.target)}/${item}` });
    return 'deleted' as const;
  }

  async importV2Api(body: object, options: { dryRun: boolean }) {
    this.add({
      method: 'PUT',
      url: `${managementV1Root(this.target)}/apis/import-crd?dryRun=${options.dryRun}`,
      body,
    });
    return this.echo(body);
  }

  async deleteV2Api(id: string) {
    this.add({
      method: 'DELETE',
      url: `${managementV1Root(this.target)}/apis/${encodeURIComponent(id)}?closePlans=true`,
    });
    return 'deleted' as const;
  }

  /** The body with the ids APIM would assign replaced by a placeholder, plans included. */
  private echo(body: object): ApimState {
    const state = body as ApimState;
    const plans = Array.isArray(state.plans)
      ? state.plans.map((plan: Record<string, unknown>) => ({ ...plan, id: plan.id ?? PLACEHOLDER_ID }))
      : state.plans;
    return {
      ...state,
      ...(plans === undefined ? {} : { plans }),
      id: state.id ?? PLACEHOLDER_ID,
      crossId: state.crossId ?? PLACEHOLDER_ID,
      organizationId: this.target.organizationId,
      environmentId: this.target.environmentId,
      errors: { severe: [], warning: [] },
    };
  }
}
