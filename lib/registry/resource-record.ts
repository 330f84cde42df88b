import type { ChangeEvent } from '../events/change-event.ts';
import type { StatusDetail } from '../events/status-event.ts';
import type { ResourceKey } from '../resource-key.ts';

/**
 * What the registry keeps per resource: the latest change it accepted (sealed, so dependents can be
 * re-synced without the cluster), the hash of the last APIM request that succeeded (so an unchanged spec
 * makes no write), the last status it published (to answer stale deliveries) and what it references.
 */
export interface ResourceRecord {
  key: ResourceKey;
  uid: string;
  /** Highest generation accepted; older deliveries are stale. */
  generation: number;
  /** The latest change event accepted for this resource (secret values sealed). */
  change: ChangeEvent;
  /** sha256 of the last APIM request (target + body) that APIM accepted; absent after a failure. */
  appliedHash?: string;
  /** Last published status. */
  status?: StatusDetail;
  /** Resources this one references (contextRef, …). */
  references: ResourceKey[];
  /** Set once APIM confirmed the delete: a tombstone so late deliveries are recognised as stale. */
  deleted?: boolean;
  /** Optimistic-locking counter, incremented by every write. */
  version: number;
  updatedAt: string;
}
