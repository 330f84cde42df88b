import type { ApiV4ResolvedReferences } from '../apim/payload/api-v4-references.ts';
import { namespacedHrid } from '../apim/payload/hrid.ts';
import type { JsonObject } from '../apim/payload/json-object.ts';
import { UnsyncedReferenceError } from '../errors/sync-errors.ts';
import type { ResourceKey } from '../resource-key.ts';
import { describeKey, type NamedRef, type ReferenceReader, refKeyOf } from './referenced.ts';

const FLOW_PHASES = ['request', 'response', 'subscribe', 'publish', 'connect', 'interact'] as const;

type Spec = Record<string, unknown>;

const list = (value: unknown): Spec[] =>
  Array.isArray(value) ? value.filter((v): v is Spec => v !== null && typeof v === 'object') : [];

/** Every `resources[].ref` of an API spec. */
function resourceRefs(spec: Spec): Array<{ field: string; ref: NamedRef }> {
  return list(spec.resources).flatMap((item, i) =>
    item.ref ? [{ field: `spec.resources[${i}].ref`, ref: item.ref as NamedRef }] : [],
  );
}

/** Every `sharedPolicyGroupRef` of the API's flows and its plans' flows. */
function sharedPolicyGroupRefs(spec: Spec): Array<{ field: string; ref: NamedRef }> {
  const out: Array<{ field: string; ref: NamedRef }> = [];
  const visit = (flows: unknown, at: string) => {
    list(flows).forEach((flow, f) => {
      for (const phase of FLOW_PHASES) {
        list(flow[phase]).forEach((step, s) => {
          if (step.sharedPolicyGroupRef) {
            out.push({
              field: `${at}[${f}].${phase}[${s}].sharedPolicyGroupRef`,
              ref: step.sharedPolicyGroupRef as NamedRef,
            });
          }
        });
      }
    });
  };
  visit(spec.flows, 'spec.flows');
  const plans = spec.plans && typeof spec.plans === 'object' ? (spec.plans as Record<string, Spec>) : {};
  for (const [name, plan] of Object.entries(plans)) visit(plan?.flows, `spec.plans.${name}.flows`);
  return out;
}

const refsOf = (value: unknown, field: string) =>
  list(value).map((ref, i) => ({ field: `${field}[${i}]`, ref: ref as NamedRef }));

/**
 * Resources an API (v4 or v2) references besides its context: ApiResources, SharedPolicyGroups, Groups and
 * Notifications. Stored in the registry so a change to any of them re-syncs the API.
 */
export function apiReferenceKeys(key: ResourceKey, spec: Spec): ResourceKey[] {
  const keys = [
    ...resourceRefs(spec).map(({ ref }) => refKeyOf(key, 'ApiResource', ref)),
    ...sharedPolicyGroupRefs(spec).map(({ ref }) => refKeyOf(key, 'SharedPolicyGroup', ref)),
    ...refsOf(spec.groupRefs, 'spec.groupRefs').map(({ ref }) => refKeyOf(key, 'Group', ref)),
    ...refsOf(spec.notificationsRefs, 'spec.notificationsRefs').map(({ ref }) =>
      refKeyOf(key, 'Notification', ref),
    ),
  ];
  return keys.filter((k): k is ResourceKey => k !== undefined);
}

/**
 * Resolves an API's references the way GKO does before it calls APIM: ApiResources and SharedPolicyGroups
 * must exist (and a SharedPolicyGroup must be synced, its crossId is sent); missing Groups are skipped; the
 * first Notification for API events on the console becomes the console notification, its group refs
 * resolved to names. Keys are `<namespace>/<name>`, as the payload mapping expects.
 */
export async function resolveApiReferences(
  key: ResourceKey,
  spec: Spec,
  refs: ReferenceReader,
): Promise<ApiV4ResolvedReferences & { skippedGroups: string[] }> {
  const resolved: ApiV4ResolvedReferences & { skippedGroups: string[] } = { skippedGroups: [] };
  for (const { field, ref } of resourceRefs(spec)) {
    const refKey = refKeyOf(key, 'ApiResource', ref);
    if (!refKey) continue;
    const found = await refs.require(field, refKey);
    resolved.resources ??= {};
    resolved.resources[`${refKey.namespace}/${refKey.name}`] = found.spec as JsonObject;
  }
  for (const { field, ref } of sharedPolicyGroupRefs(spec)) {
    const refKey = refKeyOf(key, 'SharedPolicyGroup', ref);
    if (!refKey) continue;
    const found = await refs.require(field, refKey);
    const crossId = found.status?.crossId;
    // The step is sent with the group's crossId: without it APIM would get a step pointing nowhere.
    if (!crossId) throw new UnsyncedReferenceError(field, describeKey(refKey), 'no crossId in its status');
    resolved.sharedPolicyGroups ??= {};
    resolved.sharedPolicyGroups[`${refKey.namespace}/${refKey.name}`] = {
      name: refKey.name,
      crossId,
      hrid:
        typeof found.spec.hrid === 'string' && found.spec.hrid !== ''
          ? found.spec.hrid
          : namespacedHrid(refKey.namespace, refKey.name),
    };
  }
  const groups = await groupNames(key, spec.groupRefs, refs, resolved.skippedGroups);
  if (groups.length > 0) resolved.groups = groups;
  for (const { field, ref } of refsOf(spec.notificationsRefs, 'spec.notificationsRefs')) {
    const refKey = refKeyOf(key, 'Notification', ref);
    if (!refKey) continue;
    const found = await refs.require(field, refKey);
    if (found.spec.eventType !== 'api' || found.spec.target !== 'console') continue;
    const console = (found.spec.console ?? {}) as Spec;
    const extra = await groupNames(refKey, console.groupRefs, refs, resolved.skippedGroups);
    const named = Array.isArray(console.groups)
      ? console.groups.filter((g): g is string => typeof g === 'string')
      : [];
    resolved.consoleNotification = {
      events: Array.isArray(console.apiEvents)
        ? console.apiEvents.filter((e): e is string => typeof e === 'string')
        : [],
      groups: [...named, ...extra],
    };
    break;
  }
  return resolved;
}

/** `spec.name` of each referenced Group that exists; missing ones are skipped (and listed), as in GKO. */
async function groupNames(
  from: ResourceKey,
  value: unknown,
  refs: ReferenceReader,
  skipped: string[],
): Promise<string[]> {
  const names: string[] = [];
  for (const { ref } of refsOf(value, 'groupRefs')) {
    const refKey = refKeyOf(from, 'Group', ref);
    if (!refKey) continue;
    const found = await refs.find(refKey);
    const name = typeof found?.spec.name === 'string' ? found.spec.name : undefined;
    if (!name) {
      skipped.push(`${refKey.namespace}/${refKey.name}`);
      continue;
    }
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
