import type { ResourceDefinition } from './resource-definition.ts';
import type { ResourceRegistry } from './resource-registry.ts';

/** What a request path addresses, before any resource lookup. */
export type ApiPath =
  | { type: 'health' }
  | { type: 'version' }
  | { type: 'coreVersions' }
  | { type: 'groups' }
  | { type: 'group'; group: string }
  | { type: 'resources'; group: string; version: string }
  | { type: 'resource'; group: string; version: string; segments: string[] }
  | { type: 'unknown' };

/** A resolved resource URL: the collection (no `name`), one object, or one of its subresources. */
export interface ResourceTarget {
  definition: ResourceDefinition;
  namespace?: string;
  name?: string;
  subresource?: string;
}

const HEALTH = new Set(['healthz', 'readyz', 'livez']);

/** Splits `/api/v1/...` and `/apis/<group>/<version>/...` paths (segments URL-decoded). */
export function parseApiPath(pathname: string): ApiPath {
  const parts = pathname
    .split('/')
    .filter((p) => p !== '')
    .map(decodeURIComponent);
  const [root, a, b, ...rest] = parts;
  if (root && HEALTH.has(root)) return { type: 'health' };
  if (root === 'version' && parts.length === 1) return { type: 'version' };
  if (root === 'api') {
    if (a === undefined) return { type: 'coreVersions' };
    const segments = [b, ...rest].filter((s): s is string => s !== undefined);
    return segments.length === 0
      ? { type: 'resources', group: '', version: a }
      : { type: 'resource', group: '', version: a, segments };
  }
  if (root === 'apis') {
    if (a === undefined) return { type: 'groups' };
    if (b === undefined) return { type: 'group', group: a };
    return rest.length === 0
      ? { type: 'resources', group: a, version: b }
      : { type: 'resource', group: a, version: b, segments: rest };
  }
  return { type: 'unknown' };
}

/**
 * Resolves resource segments the way the real router does: `namespaces/<ns>/<plural>[/<name>[/<sub>]]`
 * for namespaced types, `<plural>[/<name>[/<sub>]]` for cluster-scoped types and for cluster-wide
 * lists of namespaced types. Returns undefined for paths no route serves.
 */
export function resolveResourceTarget(
  registry: ResourceRegistry,
  group: string,
  version: string,
  segments: readonly string[],
): ResourceTarget | undefined {
  const [first, second, third, fourth, fifth, ...extra] = segments;
  if (first === 'namespaces' && second !== undefined && third !== undefined) {
    const namespaced = registry.find(group, version, third);
    if (namespaced?.namespaced && extra.length === 0) {
      return {
        definition: namespaced,
        namespace: second,
        ...(fourth !== undefined ? { name: fourth } : {}),
        ...(fifth !== undefined ? { subresource: fifth } : {}),
      };
    }
  }
  if (first === undefined || segments.length > 3) return undefined;
  const definition = registry.find(group, version, first);
  if (!definition) return undefined;
  // A namespaced type is only reachable cluster-wide as a collection (list/watch across namespaces).
  if (definition.namespaced && second !== undefined) return undefined;
  return {
    definition,
    ...(second !== undefined ? { name: second } : {}),
    ...(third !== undefined ? { subresource: third } : {}),
  };
}
