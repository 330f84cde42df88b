import type { ApiV2DefinitionSpec } from './api-v2-resource.ts';
import { type ApiV4ResolvedReferences, refKey } from './api-v4-references.ts';
import type { JsonObject } from './json-object.ts';

/**
 * References of an `ApiDefinition` resolved by the caller, keyed by `refKey` (`<namespace>/<name>`):
 * the same shapes as for v4 APIs. GKO resolves no SharedPolicyGroup for v2 APIs, so there is no such
 * entry. A key with no entry stays unresolved and is sent as the CR holds it.
 */
export type ApiV2ResolvedReferences = Pick<
  ApiV4ResolvedReferences,
  'resources' | 'groups' | 'consoleNotification'
>;

/**
 * Console notification settings as the Management API v1 takes them (GKO:
 * `ConsoleNotificationConfiguration` in `api/model/api/base/notification.go`).
 */
export interface ConsoleNotificationConfigurationV2 {
  /** The Notification's `console.apiEvents`. */
  hooks: string[];
  /** The Notification's `console.groups` followed by the names of its resolved `console.groupRefs`. */
  groups: string[];
  /** Always `PORTAL`. */
  config_type: string;
  /** Always `KUBERNETES`. */
  origin: string;
}

/**
 * Substitutes resolved references into a v2 spec, in place, as GKO's `createOrUpdateV2` does
 * (`controllers/apim/apidefinition/internal/{update,api_resources,groups,notification}.go`):
 *
 * - `resources[]` with a resolved `ref` become the ApiResource's resource (`ref` dropped);
 * - resolved group names are appended to `groups` (`groupRefs` is sent as is);
 * - `consoleNotificationConfiguration` is dropped without `notificationsRefs`, else replaced by the
 *   resolved Notification in the v1 shape (hooks, groups, config_type `PORTAL`, origin `KUBERNETES`).
 *
 * @example
 * const spec = { notificationsRefs: [{ name: 'n' }] };
 * applyV2ResolvedReferences(spec, 'default', { consoleNotification: { events: ['API_STARTED'], groups: [] } });
 * // spec.consoleNotificationConfiguration → { hooks: ['API_STARTED'], groups: [], config_type: 'PORTAL', origin: 'KUBERNETES' }
 */
export function applyV2ResolvedReferences(
  spec: ApiV2DefinitionSpec,
  namespace: string,
  resolved: ApiV2ResolvedReferences = {},
): void {
  const byRef = resolved.resources;
  if (spec.resources && byRef) {
    spec.resources = spec.resources.map((item) => {
      const resource = item.ref ? byRef[refKey(item.ref, namespace)] : undefined;
      return resource ? (structuredClone(resource) as JsonObject) : item;
    });
  }
  if (resolved.groups) spec.groups = [...(spec.groups ?? []), ...resolved.groups];
  if (!spec.notificationsRefs || spec.notificationsRefs.length === 0) {
    delete spec.consoleNotificationConfiguration;
  } else if (resolved.consoleNotification) {
    const configuration: ConsoleNotificationConfigurationV2 = {
      hooks: [...resolved.consoleNotification.events],
      groups: [...resolved.consoleNotification.groups],
      config_type: 'PORTAL',
      origin: 'KUBERNETES',
    };
    spec.consoleNotificationConfiguration = configuration;
  }
}
