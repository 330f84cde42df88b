import { TerminalError } from '../errors/sync-errors.ts';
import type { ApimPort } from '../ports/apim.ts';
import { ApimHttpError, type ApimHttpOptions, apimHttpDefaults, apimRequest } from './http.ts';
import { type ApimTarget, automationRoot, environmentUrl } from './target.ts';

/** What APIM answers for an environment (Management API v2). */
export interface EnvironmentInfo {
  id: string;
  name?: string;
  organizationId?: string;
}

/**
 * Client of the APIM Automation API and of the Management API v2 environment probe, for one target.
 *
 * @example
 * const apim = new ApimClient(target, { timeoutMs: 5000 });
 * const state = await apim.putApi(spec, { dryRun: false });
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

  /** Upserts a v4 API by HRID; with `dryRun` APIM only validates and answers the would-be state. */
  async putApi(spec: object, options: { dryRun: boolean }): Promise<Record<string, unknown>> {
    return this.put('apis', spec, options);
  }

  /** Reads a v4 API by HRID; undefined when APIM does not have it. */
  async getApi(hrid: string): Promise<Record<string, unknown> | undefined> {
    const url = `${automationRoot(this.target)}/apis/${encodeURIComponent(hrid)}`;
    try {
      const { json } = await apimRequest('GET', url, this.target.auth, undefined, this.options);
      return json as Record<string, unknown>;
    } catch (error) {
      if (error instanceof ApimHttpError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** Deletes a v4 API by HRID; resolves `'not-found'` when APIM no longer has it (counts as done). */
  async deleteApi(hrid: string): Promise<'deleted' | 'not-found'> {
    return this.delete(`apis/${encodeURIComponent(hrid)}`);
  }

  /** Upserts one Automation API resource collection (`apis`, `applications`, …). */
  private async put(collection: string, spec: object, options: { dryRun: boolean }) {
    const url = `${automationRoot(this.target)}/${collection}?dryRun=${options.dryRun}`;
    try {
      const { json } = await apimRequest('PUT', url, this.target.auth, spec, this.options);
      return json as Record<string, unknown>;
    } catch (error) {
      if (error instanceof ApimHttpError) {
        throw new TerminalError(
          'ApimNotFound',
          `${error.message} (does the organization/environment exist?)`,
        );
      }
      throw error;
    }
  }

  private async delete(path: string): Promise<'deleted' | 'not-found'> {
    const url = `${automationRoot(this.target)}/${path}`;
    try {
      await apimRequest('DELETE', url, this.target.auth, undefined, this.options);
      return 'deleted';
    } catch (error) {
      if (error instanceof ApimHttpError && error.status === 404) return 'not-found';
      throw error;
    }
  }
}
