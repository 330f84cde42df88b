import { buildChangeEvent, type ChangeEvent, changeOf } from '../events/change-event.ts';
import type { ChangePublisher } from '../ports/change-publisher.ts';
import type { Registry } from '../ports/registry.ts';
import { type ResourceKey, resourceKeyString } from '../resource-key.ts';
import type { KindSync } from './kind-sync.ts';
import { describeKey, isDeletion } from './referenced.ts';

/**
 * Live resources whose references keep `key` in APIM (deletion protection): dependents of the kinds the
 * sync lists in `deletionBlockedBy` that are not deleted yet, including ones whose own delete is waiting.
 */
export async function blockingDependents(
  key: ResourceKey,
  sync: KindSync,
  registry: Registry,
): Promise<ResourceKey[]> {
  const blockers = sync.deletionBlockedBy ?? [];
  if (blockers.length === 0) return [];
  const blocking: ResourceKey[] = [];
  for (const dependent of await registry.dependents(key)) {
    if (!blockers.includes(dependent.kind)) continue;
    const record = await registry.get(dependent);
    if (record && !record.deleted) blocking.push(dependent);
  }
  return blocking.sort((a, b) => resourceKeyString(a).localeCompare(resourceKeyString(b)));
}

/** The status message of a delete that waits for its dependents. */
export function stillReferencedMessage(key: ResourceKey, blocking: readonly ResourceKey[]): string {
  const shown = blocking.slice(0, 10).map(describeKey).join(', ');
  const more = blocking.length > 10 ? ` and ${blocking.length - 10} more` : '';
  return `${describeKey(key)} is still referenced by ${shown}${more}; it stays in APIM (finalizer kept) until they are deleted or stop referencing it`;
}

/** Keys in `before` that are not in `after`. */
export function releasedReferences(
  before: readonly ResourceKey[],
  after: readonly ResourceKey[],
): ResourceKey[] {
  const kept = new Set(after.map(resourceKeyString));
  return before.filter((key) => !kept.has(resourceKeyString(key)));
}

/**
 * Re-sends the waiting delete of every released resource whose deletion was blocked by references, so it
 * completes as soon as nothing references it any more. Returns how many were re-sent.
 */
export async function resumeBlockedDeletions(
  released: readonly ResourceKey[],
  cause: ChangeEvent,
  registry: Registry,
  changes: ChangePublisher,
  now: Date,
): Promise<number> {
  const events: ChangeEvent[] = [];
  for (const key of released) {
    const record = await registry.get(key);
    if (!record || record.deleted) continue;
    if (!isDeletion(record.change.data) && changeOf(record.change) !== 'deleted') continue;
    if (record.status?.outcome !== 'DeleteFailed') continue;
    events.push(buildChangeEvent('deleted', record.change.data, { time: now, salt: cause.id }));
  }
  if (events.length === 0) return 0;
  const failures = await changes.publish(events);
  if (failures.length > 0) {
    throw new Error(
      `could not resume ${failures.length} waiting deletions: ${failures.map((f) => f.message).join('; ')}`,
    );
  }
  return events.length;
}
