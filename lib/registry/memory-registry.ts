import { type Registry, RegistryConflictError } from '../ports/registry.ts';
import { parseResourceKey, type ResourceKey, resourceKeyString } from '../resource-key.ts';
import type { ResourceRecord } from './resource-record.ts';

/**
 * The embedded registry of local mode (and unit tests): same contract as the DynamoDB one, including the
 * optimistic-locking conflict. Records are copied in and out so callers cannot mutate what is stored.
 */
export class MemoryRegistry implements Registry {
  private readonly records = new Map<string, ResourceRecord>();
  /** target key → source keys referencing it. */
  private readonly reverse = new Map<string, Set<string>>();

  async get(key: ResourceKey): Promise<ResourceRecord | undefined> {
    const record = this.records.get(resourceKeyString(key));
    return record ? structuredClone(record) : undefined;
  }

  async put(record: ResourceRecord): Promise<void> {
    const id = resourceKeyString(record.key);
    const current = this.records.get(id);
    if ((current?.version ?? 0) !== record.version - 1) {
      throw new RegistryConflictError(
        `${id}: expected stored version ${record.version - 1}, found ${current?.version ?? 'none'}`,
      );
    }
    for (const target of current?.references ?? []) this.reverse.get(resourceKeyString(target))?.delete(id);
    for (const target of record.references) {
      const t = resourceKeyString(target);
      if (!this.reverse.has(t)) this.reverse.set(t, new Set());
      this.reverse.get(t)?.add(id);
    }
    this.records.set(id, structuredClone(record));
  }

  async dependents(target: ResourceKey): Promise<ResourceKey[]> {
    return [...(this.reverse.get(resourceKeyString(target)) ?? [])].sort().map(parseResourceKey);
  }

  async remove(key: ResourceKey): Promise<void> {
    const id = resourceKeyString(key);
    for (const target of this.records.get(id)?.references ?? [])
      this.reverse.get(resourceKeyString(target))?.delete(id);
    this.records.delete(id);
  }

  /** All records, for `gso dev` and tests. */
  all(): ResourceRecord[] {
    return [...this.records.values()].map((r) => structuredClone(r));
  }
}
