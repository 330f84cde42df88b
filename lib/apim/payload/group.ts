import {
  type AutomationAnswer,
  type AutomationBaseStatus,
  toAutomationBaseStatus,
} from './automation-status.ts';
import type { AutomationIdentity, CustomResourceInput, PreviousSyncState } from './custom-resource-input.ts';
import { namespacedHrid } from './hrid.ts';
import { dropEmpty, type JsonObject } from './json-object.ts';
import { optionalString } from './spec-fields.ts';

/**
 * Body of `PUT …/groups` (Automation schema `GroupSpec`): `name`, `notifyMembers`, `members` as the CR
 * holds them, plus `hrid` (and `id` for a legacy group).
 */
export interface GroupAutomationSpec {
  hrid: string;
  id?: string;
  [key: string]: unknown;
}

/** APIM's answer (Automation schema `GroupState`: spec, `BaseStatus` and `memberCount`). */
export interface GroupAutomationState extends AutomationAnswer {
  memberCount?: number | null;
}

/** The status fields of a `Group` that come from APIM. */
export interface GroupStatusFields extends AutomationBaseStatus {
  /** Number of members APIM knows in the group (GKO's `status.members`, always written). */
  members: number;
}

/** How APIM knows the group; `id` is the UUID GKO also puts in the body, when it has one. */
export interface GroupIdentity extends AutomationIdentity {
  id?: string;
}

/**
 * Decides how GKO addresses a group (GKO: `Group.PopulateIDs` in `api/v1alpha1/group_types.go`, then
 * `Env.importGroup` in `internal/apim/service/env.go`).
 *
 * Before the resource is HRID-managed, a UUID wins: `status.id` of a group GKO synced before 4.12, else
 * a `spec.id` written by the user. Once HRID-managed, the HRID is used even if `spec.id` is set (the id
 * still travels in the body).
 *
 * @example
 * groupIdentity({ metadata: { name: 'developers', namespace: 'default' }, spec: {} });
 * // { hrid: 'default-developers', hridContainsUuid: false }
 */
export function groupIdentity(
  resource: CustomResourceInput,
  previous: PreviousSyncState = {},
): GroupIdentity {
  const specId = optionalString(resource.spec, 'id', 'spec') ?? '';
  const hrid = namespacedHrid(resource.metadata.namespace, resource.metadata.name);
  if (previous.automationApiManaged) {
    return specId ? { hrid, hridContainsUuid: false, id: specId } : { hrid, hridContainsUuid: false };
  }
  const id = previous.id || specId;
  if (id) return { hrid: id, hridContainsUuid: true, id };
  return { hrid, hridContainsUuid: false };
}

/**
 * The group's HRID (`hrid` of the body, `{hrid}` of `groups/{hrid}`).
 *
 * @example
 * groupHrid({ metadata: { name: 'developers', namespace: 'default' }, spec: {} }); // 'default-developers'
 */
export function groupHrid(resource: CustomResourceInput, previous?: PreviousSyncState): string {
  return groupIdentity(resource, previous).hrid;
}

/** Automation collection of groups, relative to the environment root. */
export function groupCollectionPath(): string {
  return 'groups';
}

/**
 * Maps a `Group` to the body GKO sends (GKO serialises `spec` without its `contextRef`: `group.Type`).
 *
 * `notifyMembers` (CRD default `true`) and `members` (each with `roles`, CRD default `{}`) are sent as
 * the API server stored them; empty `id` and `hrid` are left out.
 *
 * @example
 * toGroupSpec({
 *   metadata: { name: 'developers', namespace: 'default' },
 *   spec: { contextRef: { name: 'dev-ctx' }, name: 'developers', notifyMembers: true, members: [] },
 * });
 * // { name: 'developers', notifyMembers: true, members: [], hrid: 'default-developers' }
 */
export function toGroupSpec(
  resource: CustomResourceInput,
  previous?: PreviousSyncState,
): GroupAutomationSpec {
  const identity = groupIdentity(resource, previous);
  const body: JsonObject = structuredClone(resource.spec);
  delete body.contextRef;
  body.hrid = identity.hrid;
  if (identity.id) body.id = identity.id;
  else delete body.id;
  return dropEmpty(body, ['id', 'hrid']) as GroupAutomationSpec;
}

/**
 * Maps APIM's answer to the group's status fields (GKO: `CreateOrUpdate` in
 * `controllers/apim/group/internal/update.go` keeps `id` and `memberCount` as `members`).
 *
 * GKO takes `organizationId` and `environmentId` from the management context; APIM answers the same
 * values, so they are read from the answer here.
 *
 * @example
 * toGroupStatus({ hrid: 'default-developers', id: 'g1', memberCount: 1 });
 * // { id: 'g1', members: 1, errors: { severe: [], warning: [] } }
 */
export function toGroupStatus(answer: GroupAutomationState): GroupStatusFields {
  const memberCount = answer.memberCount;
  const members =
    typeof memberCount === 'number' && Number.isInteger(memberCount) && memberCount > 0 ? memberCount : 0;
  return { ...toAutomationBaseStatus(answer), members };
}
