import type { ApimPort } from '../ports/apim.ts';
import type { ApimExchange } from './http.ts';
import { type ApimTarget, automationRoot, environmentUrl } from './target.ts';

/** One APIM call that would be made, with its body (secrets are in headers only, never here). */
export interface PlannedCall {
  /** `Kind namespace/name` of the resource being synced. */
  resource?: string;
  method: 'GET' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
}

const PLACEHOLDER_ID = '(assigned by APIM)';

/**
 * An {@link ApimPort} that sends nothing: it records the calls that would be made and answers what APIM
 * would plausibly answer, so `gso plan` and offline `gso dev` show requests and statuses without an APIM.
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
    const url = environmentUrl(this.target);
    this.add({ method: 'GET', url });
    return { id: this.target.environmentId, organizationId: this.target.organizationId };
  }

  async putApi(spec: object, options: { dryRun: boolean }) {
    const url = `${automationRoot(this.target)}/apis?dryRun=${options.dryRun}`;
    this.add({ method: 'PUT', url, body: spec });
    const plans = ((spec as { plans?: Array<{ hrid?: string }> }).plans ?? []).map((p) => ({
      ...p,
      id: PLACEHOLDER_ID,
    }));
    return {
      ...spec,
      plans,
      id: PLACEHOLDER_ID,
      crossId: PLACEHOLDER_ID,
      organizationId: this.target.organizationId,
      environmentId: this.target.environmentId,
      errors: { severe: [], warning: [] },
    };
  }

  async getApi(hrid: string) {
    const url = `${automationRoot(this.target)}/apis/${encodeURIComponent(hrid)}`;
    this.add({ method: 'GET', url });
    return undefined;
  }

  async deleteApi(hrid: string) {
    const url = `${automationRoot(this.target)}/apis/${encodeURIComponent(hrid)}`;
    this.add({ method: 'DELETE', url });
    return 'deleted' as const;
  }
}
