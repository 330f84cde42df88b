import type { ResourceKey } from '../../resource-key.ts';
import type { KindInput } from '../automation-sync.ts';
import { contextRefKey } from '../context-target.ts';
import type { NamedRef } from '../referenced.ts';
import { describeKey, refKeyOf } from '../referenced.ts';

/** Kind of an API reference: `ApiDefinition` when it says so, else the v4 kind (GKO's default). */
export function apiKindOf(ref: NamedRef & { kind?: unknown }): 'ApiDefinition' | 'ApiV4Definition' {
  const kind = typeof ref.kind === 'string' ? ref.kind.toLowerCase() : '';
  return kind === 'apidefinition' || kind === 'apidefinitions' ? 'ApiDefinition' : 'ApiV4Definition';
}

/** Key of an API reference (`spec.api`, `spec.apiRef`, `spec.apis[].ref`), its kind defaulting to v4. */
export function apiRefKey(from: ResourceKey, ref: unknown): ResourceKey | undefined {
  const named = (ref ?? {}) as NamedRef & { kind?: unknown };
  return refKeyOf(from, apiKindOf(named), named);
}

/**
 * The context of a resource that lives under a parent (a listing under its portal, a subscription under its
 * API): the parent's own `contextRef`. Undefined when the parent is unknown.
 */
export async function parentContext(
  input: KindInput,
  parent: ResourceKey | undefined,
): Promise<ResourceKey | undefined> {
  if (!parent) return undefined;
  const found = await input.refs.find(parent);
  return found ? contextRefKey(parent, found.record.change.data) : undefined;
}

/** Key of `spec.portalRef` (listings, links and portal pages live under that Portal). */
export function portalRefKey(from: ResourceKey, spec: Record<string, unknown>): ResourceKey | undefined {
  return refKeyOf(from, 'Portal', spec.portalRef as NamedRef | undefined);
}

/**
 * Why there is nothing left to delete when the parent is already gone (APIM removed the child with it), or
 * undefined when the parent is still there and the child must be deleted.
 */
export async function goneWithParent(
  input: Pick<KindInput, 'refs'>,
  parent: ResourceKey | undefined,
  what: string,
): Promise<{ gone: string } | undefined> {
  if (!parent || (await input.refs.find(parent))) return undefined;
  return { gone: `its ${what} ${describeKey(parent)} is gone, and APIM removed it with it` };
}
