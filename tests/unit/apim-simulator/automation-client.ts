import { BEARER_JSON } from './http-helpers.ts';

/** A response of the simulated automation API, its body already read. */
export interface Exchange {
  readonly status: number;
  /** The parsed JSON body; `undefined` for an empty one (a 204). */
  readonly body: Record<string, unknown> | undefined;
}

/** Query parameters of a request, e.g. `{ dryRun: 'true' }`. */
export type Query = Readonly<Record<string, string>>;

/**
 * Calls `…/automation/organizations/{org}/environments/{env}/<path>` of a started simulator with a bearer
 * token, reading each body so no response is left open.
 */
export class AutomationClient {
  private readonly root: string;

  constructor(baseUrl: string, environmentId = 'DEFAULT', organizationId = 'DEFAULT') {
    this.root = `${baseUrl}/automation/organizations/${organizationId}/environments/${environmentId}`;
  }

  /** `PUT <collection>` with `spec`; `dryRun` is only sent when given (subscriptions declare none). */
  put(collection: string, spec: unknown, query: Query = {}): Promise<Exchange> {
    return this.call('PUT', collection, query, JSON.stringify(spec));
  }

  /** `PUT <collection>?dryRun=true`. */
  dryRun(collection: string, spec: unknown): Promise<Exchange> {
    return this.put(collection, spec, { dryRun: 'true' });
  }

  get(path: string, query: Query = {}): Promise<Exchange> {
    return this.call('GET', path, query);
  }

  delete(path: string, query: Query = {}): Promise<Exchange> {
    return this.call('DELETE', path, query);
  }

  private async call(method: string, path: string, query: Query, body?: string): Promise<Exchange> {
    const search = new URLSearchParams(query).toString();
    const response = await fetch(`${this.root}/${path}${search ? `?${search}` : ''}`, {
      method,
      headers: BEARER_JSON,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
    };
  }
}
