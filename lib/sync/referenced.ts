import { kindByName } from '../crds/kinds.ts';
import { MissingReferenceError, UnsyncedReferenceError } from '../errors/sync-errors.ts';
import type { ChangeData } from '../events/change-event.ts';
import type { ResourceStatus } from '../events/status-event.ts';
import type { ResourceRecord } from '../registry/resource-record.ts';
import type { ResourceKey } from '../resource-key.ts';
import type { SyncContext } from './kind-sync.ts';
import { resolveDocument } from './resolution.ts';

/** `{ name, namespace? }` as written in a spec (`contextRef`, `apiRef`, `groupRefs[]`, …). */
export interface NamedRef {
  name?: unknown;
  namespace?: unknown;
}

/** A referenced resource as the registry knows it, its secrets restored in memory. */
export interface Referenced {
  key: ResourceKey;
  /** The spec of the latest change accepted for it. */
  spec: Record<string, unknown>;
  /** Its last published status; `status.id` etc. are what APIM assigned. */
  status: ResourceStatus | undefined;
  /** True when its last outcome was a successful sync. */
  synced: boolean;
  record: ResourceRecord;
}

/** Key of a `{ name, namespace? }` reference; the namespace defaults to the referrer's. */
export function refKeyOf(
  from: ResourceKey,
  kind: string,
  ref: NamedRef | undefined,
): ResourceKey | undefined {
  const name = typeof ref?.name === 'string' && ref.name !== '' ? ref.name : undefined;
  if (!name) return undefined;
  const namespace =
    typeof ref?.namespace === 'string' && ref.namespace !== '' ? ref.namespace : from.namespace;
  return { cluster: from.cluster, kind, namespace, name };
}

/** The spec with its CRD defaults applied, as the API server stores it (unchanged if it does not validate). */
function withDefaults(kind: string, spec: Record<string, unknown>): Record<string, unknown> {
  const parsed = kindByName(kind)?.spec.safeParse(spec);
  return parsed?.success ? (parsed.data as Record<string, unknown>) : spec;
}

/** `Kind namespace/name`, as messages name resources. */
export function describeKey(key: ResourceKey): string {
  return `${key.kind} ${key.namespace}/${key.name}`;
}

/** Whether a record's latest change is a deletion (the resource is going away, or went). */
export function isDeletion(data: ChangeData | undefined): boolean {
  return Boolean(data?.metadata.deletionTimestamp);
}

/**
 * Reads referenced resources from the registry for one sync. Missing references are recoverable failures
 * naming the field, so the change is retried (and re-sent when the referenced resource arrives).
 */
export class ReferenceReader {
  private readonly ctx: SyncContext;
  private readonly cache = new Map<string, Referenced | undefined>();

  constructor(ctx: SyncContext) {
    this.ctx = ctx;
  }

  /** The referenced resource, or undefined when the registry does not have it (or it is deleted). */
  async find(key: ResourceKey): Promise<Referenced | undefined> {
    const id = `${key.cluster}/${key.kind}/${key.namespace}/${key.name}`;
    if (this.cache.has(id)) return this.cache.get(id);
    const record = await this.ctx.registry.get(key);
    let found: Referenced | undefined;
    // A resource whose delete waits for its dependents is still there for them.
    if (record && !record.deleted) {
      const doc = await resolveDocument(record.change.data, this.ctx.sealer);
      found = {
        key,
        spec: withDefaults(key.kind, doc.spec),
        status: record.status?.status,
        // A failed (or waiting) delete leaves the last applied state in APIM: still usable.
        synced:
          record.status?.outcome === 'Synced' ||
          (record.status?.outcome === 'DeleteFailed' && Boolean(record.appliedHash)),
        record,
      };
    }
    this.cache.set(id, found);
    return found;
  }

  /**
   * The referenced resource; throws a recoverable {@link MissingReferenceError} naming `field` when it is
   * absent, or {@link UnsyncedReferenceError} when `mustBeSynced` and its last sync did not succeed.
   */
  async require(field: string, key: ResourceKey, mustBeSynced = true): Promise<Referenced> {
    const found = await this.find(key);
    if (!found) throw new MissingReferenceError(field, describeKey(key));
    if (mustBeSynced && !found.synced) {
      const reason =
        found.status?.conditions.find((c) => c.type === 'Accepted')?.reason ?? 'not processed yet';
      throw new UnsyncedReferenceError(field, describeKey(key), reason);
    }
    return found;
  }
}
