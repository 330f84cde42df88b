import type { EnvironmentInfo } from '../apim/apim-client.ts';
import type { ApimExchange } from '../apim/http.ts';
import type { ApimTarget } from '../apim/target.ts';
import type { ResourceKey } from '../resource-key.ts';

/** What APIM answers to an upsert or a read: the resource's state document. */
export type ApimState = Record<string, unknown>;

/**
 * What the sync logic asks of APIM; the HTTP client implements it, and so does the offline planner.
 *
 * Automation API paths are relative to the environment root (`…/automation/organizations/{org}/environments/{env}`):
 * a collection such as `applications` or `apis/{apiHrid}/subscriptions`, or an item such as
 * `applications/{hrid}`.
 */
export interface ApimPort {
  probeEnvironment(): Promise<EnvironmentInfo>;
  /**
   * Automation API create-or-update (`PUT <collection>?dryRun=`), keyed by the body's `hrid`. Without
   * `dryRun` the parameter is left out (collections such as subscriptions do not take it).
   */
  upsert(collection: string, body: object, options: { dryRun?: boolean }): Promise<ApimState>;
  /** Automation API read of one item; undefined when APIM does not have it. */
  read(item: string): Promise<ApimState | undefined>;
  /** Automation API delete of one item; `'not-found'` when APIM no longer has it (counts as done). */
  remove(item: string): Promise<'deleted' | 'not-found'>;
  /** Management API v1 `PUT apis/import-crd?dryRun=` of a v2 API definition. */
  importV2Api(body: object, options: { dryRun: boolean }): Promise<ApimState>;
  /** Management API v1 `DELETE apis/{id}?closePlans=true`; `'not-found'` when already gone. */
  deleteV2Api(id: string): Promise<'deleted' | 'not-found'>;
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
