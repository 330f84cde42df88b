import type { z } from 'zod';
import { allKinds } from '../crds/kinds.ts';
import type { WatchedKind } from './watcher.ts';

/** The kinds the watcher follows, from the CRD registry. */
export function watchedKinds(): WatchedKind[] {
  return allKinds().map(({ kind, group, version, plural, finalizer }) => ({
    kind,
    group,
    version,
    plural,
    finalizer,
  }));
}

/** Top-level status fields of each kind's CRD: the status writer patches only these. */
export function statusFieldsByKind(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const def of allKinds()) {
    const shape = (def.status as unknown as { shape?: Record<string, z.ZodType> }).shape;
    out[def.kind] = shape ? Object.keys(shape) : ['conditions'];
  }
  return out;
}
