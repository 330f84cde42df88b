import { stringMember } from '../../json.ts';
import type { StoredResource } from '../../store/resource-store.ts';
import type { HandlerContext } from '../operation-handler.ts';
import { KIND } from './kind-names.ts';

/** Group references of a spec, resolved the way APIM does. */
export interface ResolvedGroups {
  /** The groups found, in the order they were referenced, without duplicates. */
  readonly groups: StoredResource[];
  /** APIM's warnings for references it could not resolve (they are dropped). */
  readonly warnings: string[];
}

/**
 * Resolves group references against the groups of the request's environment: APIM tries each reference
 * as a group id, then as an hrid, then as a group name; what matches nothing is dropped with a warning.
 */
export function resolveGroupReferences(
  context: HandlerContext,
  references: readonly string[],
): ResolvedGroups {
  const environmentId = context.environment.id;
  const groups = context.store.list(KIND.group, environmentId);
  const found: StoredResource[] = [];
  const warnings: string[] = [];
  for (const reference of references) {
    const group =
      groups.find((candidate) => candidate.id === reference) ??
      groups.find((candidate) => candidate.hrid === reference) ??
      groups.find((candidate) => stringMember(candidate.spec, 'name') === reference);
    if (!group) {
      warnings.push(`Group [${reference}] could not be found in environment [${environmentId}]`);
    } else if (!found.includes(group)) {
      found.push(group);
    }
  }
  return { groups: found, warnings };
}

/** The string members of `value` when it is an array, otherwise none. */
export function stringItems(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
