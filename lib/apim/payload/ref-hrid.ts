import { namespacedHrid } from './hrid.ts';
import type { ResourceRefInput } from './spec-fields.ts';

/**
 * HRID of the resource a reference points to: `<namespace>-<name>`, the namespace defaulting to the
 * referrer's (GKO: `refs.NamespacedName.HRID()` once the namespace is filled in).
 *
 * @example
 * refHrid({ name: 'default-portal' }, 'team-a'); // 'team-a-default-portal'
 * refHrid({ name: 'echo', namespace: 'apis' }, 'team-a'); // 'apis-echo'
 */
export function refHrid(ref: ResourceRefInput, referrerNamespace: string): string {
  return namespacedHrid(ref.namespace || referrerNamespace, ref.name);
}

/**
 * One path segment of an Automation API path. HRIDs and UUIDs need no escaping; a Kubernetes name with
 * dots does not either, but the segment is encoded anyway so a path can never be split by its values.
 */
export function pathSegment(value: string): string {
  return encodeURIComponent(value);
}
