import type { EnvironmentInfo } from '../apim/apim-client.ts';
import type { ApimExchange } from '../apim/http.ts';
import type { ApimTarget } from '../apim/target.ts';
import type { ResourceKey } from '../resource-key.ts';

/** What the sync logic asks of APIM; the HTTP client implements it, and so does the offline planner. */
export interface ApimPort {
  probeEnvironment(): Promise<EnvironmentInfo>;
  putApi(spec: object, options: { dryRun: boolean }): Promise<Record<string, unknown>>;
  /** Reads a v4 API's stored state (plans carry their ids here, unlike in the PUT answer). */
  getApi(hrid: string): Promise<Record<string, unknown> | undefined>;
  deleteApi(hrid: string): Promise<'deleted' | 'not-found'>;
}

/**
 * Builds the APIM port of a target for one delivery; `record` receives every exchange for the status event,
 * `resource` is the resource being synced.
 */
export type ApimFactory = (
  target: ApimTarget,
  record: (exchange: ApimExchange) => void,
  resource: ResourceKey,
) => ApimPort;
