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
  private readonly baseUrl: () => string;
  private readonly environmentPath: string;

  /**
   * @param baseUrl the simulator base URL, or a function reading it at each call (so that the client can
   *   be built before the simulator is started)
   */
  constructor(baseUrl: string | (() => string), environmentId = 'DEFAULT', organizationId = 'DEFAULT') {
    this.baseUrl = typeof baseUrl === 'string' ? () => baseUrl : baseUrl;
    this.environmentPath = `/automation/organizations/${organizationId}/environments/${environmentId}`;
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

  /** `DELETE <path>`, then `GET <path>`, then `DELETE <path>` again: the three answers. */
  async deleteReadDelete(
    path: string,
  ): Promise<{ deleted: Exchange; read: Exchange; deletedAgain: Exchange }> {
    const deleted = await this.delete(path);
    const read = await this.get(path);
    const deletedAgain = await this.delete(path);
    return { deleted, read, deletedAgain };
  }

  private async call(method: string, path: string, query: Query, body?: string): Promise<Exchange> {
    const search = new URLSearchParams(query).toString();
    const response = await fetch(
      `${this.baseUrl()}${this.environmentPath}/${path}${search ? `?${search}` : ''}`,
      {
        method,
        headers: BEARER_JSON,
        ...(body === undefined ? {} : { body }),
      },
    );
    const text = await response.text();
    return {
      status: response.status,
      body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
    };
  }
}
