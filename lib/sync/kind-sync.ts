import type { ApimTarget } from '../apim/target.ts';
import type { ChangeData } from '../events/change-event.ts';
import type { ResourceStatus } from '../events/status-event.ts';
import type { Logger } from '../log/logger.ts';
import type { ApimPort } from '../ports/apim.ts';
import type { Registry } from '../ports/registry.ts';
import type { ResourceRecord } from '../registry/resource-record.ts';
import type { ResourceKey } from '../resource-key.ts';
import type { EnvelopeSealer } from '../sealing/envelope.ts';

/** Everything a kind's sync logic may use; all of it behind ports. */
export interface SyncContext {
  registry: Registry;
  sealer: EnvelopeSealer;
  /** Builds an APIM client for a target; every exchange is recorded for the status event. */
  apim: (target: ApimTarget) => ApimPort;
  logger: Logger;
  now: () => Date;
  /** Validate only: APIM is called with `dryRun=true` and nothing is considered applied. */
  dryRun: boolean;
}

export interface ApplyInput {
  key: ResourceKey;
  data: ChangeData;
  previous: ResourceRecord | undefined;
  ctx: SyncContext;
}

export interface ApplyResult {
  status: ResourceStatus;
  /** Hash of the APIM request that now reflects APIM's state (unchanged when no write was needed). */
  appliedHash?: string;
  /** True when dependents must be re-evaluated (a context whose change was accepted). */
  resyncDependents: boolean;
}

export interface RemoveResult {
  /** What happened in APIM: deleted, already gone, or left in place on purpose. */
  result: 'deleted' | 'not-found' | 'orphaned' | 'never-synced';
  message: string;
}

/**
 * The kind-specific part of a function: what a resource references, how to apply it to APIM and how to
 * remove it. The generic part (staleness, registry, status events, retries) lives in `processChange`.
 */
export interface KindSync {
  kind: string;
  /** Resources this spec references; stored before applying so their arrival re-syncs this one. */
  references(key: ResourceKey, data: ChangeData): ResourceKey[];
  /**
   * Kinds whose live references keep this resource in APIM when it is deleted (deletion protection): the
   * delete waits, with a status naming them, until they are deleted or stop referencing it.
   */
  deletionBlockedBy?: readonly string[];
  apply(input: ApplyInput): Promise<ApplyResult>;
  remove(input: ApplyInput): Promise<RemoveResult>;
}
