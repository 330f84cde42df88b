import type { ChangeEvent } from '../events/change-event.ts';
import type { StatusDetail } from '../events/status-event.ts';
import type { ResourceRecord } from '../registry/resource-record.ts';
import { parseResourceKey, type ResourceKey, resourceKeyString } from '../resource-key.ts';

/**
 * Single-table layout of the registry:
 *
 * | item              | pk                        | sk                        |
 * |-------------------|---------------------------|---------------------------|
 * | resource record   | `resource#<key>`          | `resource`                |
 * | reverse reference | `ref#<referenced key>`    | `<referencing key>`       |
 *
 * where `<key>` is `resourceKeyString` (`cluster/kind/namespace/name`). "Who references X" is then one
 * Query on `pk = ref#X`.
 */
export const RESOURCE_SK = 'resource';

export const resourcePk = (key: ResourceKey) => `resource#${resourceKeyString(key)}`;
export const refPk = (target: ResourceKey) => `ref#${resourceKeyString(target)}`;

/** The stored form of a {@link ResourceRecord}. */
export interface ResourceItem {
  pk: string;
  sk: typeof RESOURCE_SK;
  /** The key's parts, for reading items in the console; the key itself is read back from `pk`. */
  cluster: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  generation: number;
  version: number;
  updatedAt: string;
  /**
   * The change event and the status as JSON strings rather than nested maps: they round-trip byte for byte
   * (key order kept, so hashes computed from a stored spec match; no 32-level nesting limit; no number or
   * empty-value marshalling surprises), and nothing queries inside them. Secret values in the change are
   * already sealed, so nothing secret is stored in plaintext.
   */
  change: string;
  status?: string;
  appliedHash?: string;
  /** Referenced keys (`resourceKeyString`), the previous set the next `put` diffs against. */
  references: string[];
  deleted?: boolean;
}

/** Reverse-reference item: `source` references `target`. */
export interface RefItem {
  pk: string;
  sk: string;
}

export function toResourceItem(record: ResourceRecord): ResourceItem {
  // Optional fields are left out rather than set to undefined, which the document client rejects by default.
  return {
    pk: resourcePk(record.key),
    sk: RESOURCE_SK,
    cluster: record.key.cluster,
    kind: record.key.kind,
    namespace: record.key.namespace,
    name: record.key.name,
    uid: record.uid,
    generation: record.generation,
    version: record.version,
    updatedAt: record.updatedAt,
    change: JSON.stringify(record.change),
    ...(record.status !== undefined && { status: JSON.stringify(record.status) }),
    ...(record.appliedHash !== undefined && { appliedHash: record.appliedHash }),
    references: uniqueReferences(record.references),
    ...(record.deleted !== undefined && { deleted: record.deleted }),
  };
}

export function fromResourceItem(item: Record<string, unknown>): ResourceRecord {
  const pk = String(item.pk);
  const record: ResourceRecord = {
    key: parseResourceKey(pk.slice('resource#'.length)),
    uid: String(item.uid),
    generation: Number(item.generation),
    change: JSON.parse(String(item.change)) as ChangeEvent,
    references: Array.isArray(item.references) ? item.references.map((r) => parseResourceKey(String(r))) : [],
    version: Number(item.version),
    updatedAt: String(item.updatedAt),
  };
  if (typeof item.appliedHash === 'string') record.appliedHash = item.appliedHash;
  if (typeof item.status === 'string') record.status = JSON.parse(item.status) as StatusDetail;
  if (typeof item.deleted === 'boolean') record.deleted = item.deleted;
  return record;
}

export function refItem(source: ResourceKey | string, target: ResourceKey | string): RefItem {
  const targetKey = typeof target === 'string' ? parseResourceKey(target) : target;
  return { pk: refPk(targetKey), sk: typeof source === 'string' ? source : resourceKeyString(source) };
}

/** Referenced keys as strings, each once (a transaction cannot touch one item twice). */
export function uniqueReferences(references: ResourceKey[]): string[] {
  return [...new Set(references.map(resourceKeyString))];
}
