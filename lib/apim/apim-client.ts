import { RecoverableError, TerminalError } from '../errors/sync-errors.ts';
import type { ApimPort, ApimState } from '../ports/apim.ts';
import { ApimHttpError, type ApimHttpOptions, apimHttpDefaults, apimRequest } from './http.ts';
import { type ApimTarget, automationRoot, dryRunQuery, environmentUrl, managementV1Root } from './target.ts';

/** What APIM answers for an environment (Management API v2). */
export interface EnvironmentInfo {
  id: string;
  name?: string;
  organizationId?: string;
}

/**
 * Client of the APIM Automation API, of the Management API v1 import of v2 APIs and of the Management API
 * v2 environment probe, for one target.
 *
 * @example
 * const apim = new ApimClient(target, { timeoutMs: 5000 });
 * const state = await apim.upsert('applications', body, { dryRun: false });
 */
export class ApimClient implements ApimPort {
  readonly target: ApimTarget;
  private readonly options: ApimHttpOptions;

  constructor(target: ApimTarget, options: Partial<ApimHttpOptions> = {}) {
    this.target = target;
    this.options = { ...apimHttpDefaults, ...options };
  }

  /** Checks that the environment exists and the credentials are accepted. */
  async probeEnvironment(): Promise<EnvironmentInfo> {
    const url = environmentUrl(this.target);
    try {
      const { json } = await apimRequest('GET', url, this.target.auth, undefined, this.options);
      return json as EnvironmentInfo;
    } catch (error) {
      if (error instanceof ApimHttpError) {
        throw new TerminalError(
          'EnvironmentNotFound',
          `${error.message} (organization ${this.target.organizationId} / environment ${this.target.environmentId} do not exist)`,
        );
      }
      throw error;
    }
  }

  async upsert(collection: string, body: object, options: { dryRun?: boolean }): Promise<ApimState> {
    const url = `${automationRoot(this.target)}/${collection}${dryRunQuery(options)}`;
    return this.put(url, body, collection.includes('/'));
  }

  async read(item: string): Promise<ApimState | undefined> {
    const url = `${automationRoot(this.target)}/${item}`;
    try {
      const { json } = await apimRequest('GET', url, this.target.auth, undefined, this.options);
      return json as ApimState;
    } catch (error) {
      if (error instanceof ApimHttpError && error.status === 404) return undefined;
      throw error;
    }
  }

  async remove(item: string): Promise<'deleted' | 'not-found'> {
    return this.delete(`${automationRoot(this.target)}/${item}`);
  }

  async importV2Api(body: object, options: { dryRun: boolean }): Promise<ApimState> {
    const url = `${managementV1Root(this.target)}/apis/import-crd?dryRun=${options.dryRun}`;
    return this.put(url, body, false);
  }

  async deleteV2Api(id: string): Promise<'deleted' | 'not-found'> {
    return this.delete(`${managementV1Root(this.target)}/apis/${encodeURIComponent(id)}?closePlans=true`);
  }

  /**
   * A 404 on a nested collection (`apis/{hrid}/subscriptions`) means the parent is not in APIM yet: worth a
   * retry. On a top-level collection it means the organization or environment does not exist: terminal.
   */
  private async put(url: string, body: object, nested: boolean): Promise<ApimState> {
    try {
      const { json } = await apimRequest('PUT', url, this.target.auth, body, this.options);
      return (json ?? {}) as ApimState;
    } catch (error) {
      if (error instanceof ApimHttpError) {
        if (nested)
          throw new RecoverableError(
            'ApimParentNotFound',
            `${error.message} (the parent resource is not in APIM yet)`,
          );
        throw new TerminalError(
          'ApimNotFound',
          `${error.message} (does the organization/environment exist?)`,
        );
      }
      throw error;
    }
  }

  private async delete(url: string): Promise<'deleted' | 'not-found'> {
    try {
      await apimRequest('DELETE', url, this.target.auth, undefined, this.options);
      return 'deleted';
    } catch (error) {
      if (error instanceof ApimHttpError && error.status === 404) return 'not-found';
      throw error;
    }
  }
}
