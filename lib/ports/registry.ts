import type { ResourceRecord } from '../registry/resource-record.ts';
import type { ResourceKey } from '../resource-key.ts';

/** Thrown when a conditional write finds another writer got there first. */
export class RegistryConflictError extends Error {
  override readonly name = 'RegistryConflictError';
}

/**
 * The latest accepted state of every resource and who references whom (DynamoDB in AWS, in memory
 * locally). Writes are conditional on `version` so two deliveries cannot overwrite each other silently.
 */
export interface Registry {
  get(key: ResourceKey): Promise<ResourceRecord | undefined>;
  /**
   * Stores `record` if the stored version is still `record.version - 1` (or absent when `record.version`
   * is 1); otherwise throws {@link RegistryConflictError}. Also replaces the reverse-reference index.
   */
  put(record: ResourceRecord): Promise<void>;
  /** Resources whose `references` contain `target`. */
  dependents(target: ResourceKey): Promise<ResourceKey[]>;
  /** Removes a record and its reverse references entirely. */
  remove(key: ResourceKey): Promise<void>;
}
