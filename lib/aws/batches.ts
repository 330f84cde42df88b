export interface PackOptions<T> {
  /** Most entries a request may carry (10 for SQS and EventBridge). */
  maxEntries: number;
  /** Most bytes a request may carry, as counted by `sizeOf`. */
  maxBytes: number;
  sizeOf: (item: T) => number;
  /**
   * When set, a batch holds at most one item per group and a group's items land in increasing batch
   * order. Sending the batches one after the other then keeps per-group order even if one entry has to be
   * resent: its successors of the same group have not been sent yet.
   */
  groupOf?: (item: T) => string;
}

/**
 * Packs items into request-sized batches, first fit, preserving order within a group. An item bigger than
 * `maxBytes` gets a batch of its own; callers reject such items before packing.
 *
 * @example
 * packBatches(events, { maxEntries: 10, maxBytes: 262_144, sizeOf: (e) => e.size, groupOf: (e) => e.group });
 */
export function packBatches<T>(items: readonly T[], options: PackOptions<T>): T[][] {
  const batches: { items: T[]; bytes: number }[] = [];
  const lastBatchOfGroup = new Map<string, number>();
  for (const item of items) {
    const size = options.sizeOf(item);
    const group = options.groupOf?.(item);
    // Without groups, fill batches in sequence; with groups, start after the group's previous batch.
    const start =
      group === undefined ? Math.max(0, batches.length - 1) : (lastBatchOfGroup.get(group) ?? -1) + 1;
    let index = start;
    while (index < batches.length) {
      const batch = batches[index];
      if (batch && batch.items.length < options.maxEntries && batch.bytes + size <= options.maxBytes) break;
      index++;
    }
    const batch = batches[index] ?? { items: [], bytes: 0 };
    if (index === batches.length) batches.push(batch);
    batch.items.push(item);
    batch.bytes += size;
    if (group !== undefined) lastBatchOfGroup.set(group, index);
  }
  return batches.map((batch) => batch.items);
}
