import { apiV4DefinitionSync } from './api-v4-definition-sync.ts';
import type { KindSync } from './kind-sync.ts';
import { managementContextSync } from './management-context-sync.ts';

/** The sync logic of every kind that has a function. */
export const syncs: KindSync[] = [managementContextSync, apiV4DefinitionSync];

export function syncFor(kind: string): KindSync {
  const found = syncs.find((s) => s.kind === kind);
  if (!found) throw new Error(`no function handles kind ${kind}`);
  return found;
}
