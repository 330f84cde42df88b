import type {
  ApiV4DefinitionSpec,
  ConsoleNotification,
  FlowInput,
  FlowStepInput,
  ResourceRef,
} from './api-v4-resource.ts';
import type { JsonObject } from './json-object.ts';

/** What a SharedPolicyGroup contributes to a flow step that references it. */
export interface ResolvedSharedPolicyGroup {
  /** `metadata.name` of the SharedPolicyGroup: GKO names the step after it. */
  name: string;
  /** `status.crossId` of the SharedPolicyGroup. */
  crossId: string;
  /** `spec.hrid` of the SharedPolicyGroup. */
  hrid: string;
}

/**
 * References resolved by the caller (registry look-ups, templates compiled), keyed by
 * {@link refKey}. The extension point for reference resolution: the mapping only substitutes.
 * A key with no entry stays unresolved and is sent as the CR holds it.
 */
export interface ApiV4ResolvedReferences {
  /** `spec` (enabled, name, type, configuration) of each ApiResource named by `resources[].ref`. */
  resources?: Record<string, JsonObject>;
  /** Each SharedPolicyGroup named by a flow step's `sharedPolicyGroupRef`. */
  sharedPolicyGroups?: Record<string, ResolvedSharedPolicyGroup>;
  /** `spec.name` of every Group named by `groupRefs` that exists (GKO skips missing ones). */
  groups?: string[];
  /** Settings from the first Notification of `notificationsRefs` with eventType api, target console. */
  consoleNotification?: ConsoleNotification;
}

/** Policy GKO puts on a step that stands for a shared policy group. */
export const SHARED_POLICY_GROUP_POLICY = 'shared-policy-group-policy';

const FLOW_PHASES = ['request', 'response', 'subscribe', 'publish', 'connect', 'interact'] as const;

/**
 * Key of a reference: `<namespace>/<name>`, the namespace defaulting to the referrer's.
 *
 * @example
 * refKey({ name: 'redis' }, 'default'); // 'default/redis'
 */
export function refKey(ref: ResourceRef, referrerNamespace: string): string {
  return `${ref.namespace || referrerNamespace}/${ref.name}`;
}

/**
 * Substitutes resolved references into a spec, in place, the way GKO's `createOrUpdateV4` does
 * (`controllers/apim/apidefinition/internal/{api_resources,api_shared_policy_groups,groups,notification}.go`):
 *
 * - `resources[]` with a resolved `ref` become the ApiResource's resource (`ref` dropped);
 * - a step with a resolved `sharedPolicyGroupRef` gets the group's name, the shared-policy-group policy
 *   and `{ sharedPolicyGroupId, hrid }` as configuration (the ref stays, its namespace filled in);
 * - resolved group names are appended to `groups` (`groupRefs` itself is sent as is);
 * - `consoleNotification` is dropped without `notificationsRefs`, else replaced by the resolved one.
 *
 * @example
 * const spec = { resources: [{ enabled: true, ref: { name: 'redis' } }] };
 * applyResolvedReferences(spec, 'default', { resources: { 'default/redis': { name: 'cache', type: 'cache-redis', configuration: {} } } });
 * // spec.resources → [{ name: 'cache', type: 'cache-redis', configuration: {} }]
 */
export function applyResolvedReferences(
  spec: ApiV4DefinitionSpec,
  namespace: string,
  resolved: ApiV4ResolvedReferences = {},
): void {
  if (spec.resources && resolved.resources) {
    const byRef = resolved.resources;
    spec.resources = spec.resources.map((item) => {
      const resource = item.ref ? byRef[refKey(item.ref, namespace)] : undefined;
      return resource ? structuredClone(resource) : item;
    });
  }
  if (resolved.sharedPolicyGroups) {
    const groups = resolved.sharedPolicyGroups;
    const flows = [
      ...(spec.flows ?? []),
      ...Object.values(spec.plans ?? {}).flatMap((plan) => plan.flows ?? []),
    ];
    for (const step of flows.flatMap(flowSteps)) applySharedPolicyGroup(step, namespace, groups);
  }
  if (resolved.groups) spec.groups = [...(spec.groups ?? []), ...resolved.groups];
  if (!spec.notificationsRefs || spec.notificationsRefs.length === 0) {
    delete spec.consoleNotification;
  } else if (resolved.consoleNotification) {
    spec.consoleNotification = structuredClone(resolved.consoleNotification);
  }
}

function flowSteps(flow: FlowInput): FlowStepInput[] {
  return FLOW_PHASES.flatMap((phase) => flow[phase] ?? []);
}

function applySharedPolicyGroup(
  step: FlowStepInput,
  namespace: string,
  groups: Record<string, ResolvedSharedPolicyGroup>,
): void {
  const ref = step.sharedPolicyGroupRef;
  if (!ref) return;
  const group = groups[refKey(ref, namespace)];
  if (!group) return;
  ref.namespace = ref.namespace || namespace;
  step.name = group.name;
  step.policy = SHARED_POLICY_GROUP_POLICY;
  step.configuration = { sharedPolicyGroupId: group.crossId, hrid: group.hrid };
}
