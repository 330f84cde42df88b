import {
  type AutomationAnswer,
  type AutomationBaseStatus,
  answerString,
  toAutomationBaseStatus,
} from './automation-status.ts';
import type { AutomationIdentity, CustomResourceInput, PreviousSyncState } from './custom-resource-input.ts';
import { namespacedHrid } from './hrid.ts';
import { dropEmpty, type JsonObject } from './json-object.ts';
import { optionalString } from './spec-fields.ts';

/**
 * Body of `PUT …/shared-policy-groups` (Automation schema `SharedPolicyGroupSpec`). Fields not named
 * here are the CR's, passed through as GKO serialises them.
 */
export interface SharedPolicyGroupAutomationSpec {
  hrid: string;
  crossId?: string;
  [key: string]: unknown;
}

/** APIM's answer (Automation schema `SharedPolicyGroupState`: spec plus `CrossIdStatus`). */
export interface SharedPolicyGroupAutomationState extends AutomationAnswer {
  crossId?: string | null;
}

/** The status fields of a `SharedPolicyGroup` that come from APIM. */
export interface SharedPolicyGroupStatusFields extends AutomationBaseStatus {
  /** Identifies the group across environments; API flow steps reference the group by it. */
  crossId?: string;
}

/**
 * How GKO addresses a shared policy group (GKO: `SharedPolicyGroup.PopulateIDs` in
 * `api/v1alpha1/sharedpolicygroups_types.go`, then `SharedPolicyGroup.createOrUpdate` in
 * `internal/apim/service/sharedpolicygroups.go`).
 *
 * A group GKO synced before 4.12 is known by its `status.crossId` (GKO's legacy id for this kind), which
 * also becomes the body's `crossId` unless the spec sets one. Every other group is known by
 * `<namespace>-<name>`.
 *
 * @example
 * sharedPolicyGroupIdentity({ metadata: { name: 'rate-limit', namespace: 'default' }, spec: {} });
 * // { hrid: 'default-rate-limit', hridContainsUuid: false }
 */
export function sharedPolicyGroupIdentity(
  resource: CustomResourceInput,
  previous: PreviousSyncState = {},
): AutomationIdentity {
  if (previous.crossId && !previous.automationApiManaged) {
    return { hrid: previous.crossId, hridContainsUuid: true };
  }
  return {
    hrid: namespacedHrid(resource.metadata.namespace, resource.metadata.name),
    hridContainsUuid: false,
  };
}

/**
 * The shared policy group's HRID (`hrid` of the body, `{hrid}` of `shared-policy-groups/{hrid}`). API
 * flow steps that reference the group carry this value too.
 *
 * @example
 * sharedPolicyGroupHrid({ metadata: { name: 'rate-limit', namespace: 'default' }, spec: {} }); // 'default-rate-limit'
 */
export function sharedPolicyGroupHrid(resource: CustomResourceInput, previous?: PreviousSyncState): string {
  return sharedPolicyGroupIdentity(resource, previous).hrid;
}

/** Automation collection of shared policy groups, relative to the environment root. */
export function sharedPolicyGroupCollectionPath(): string {
  return 'shared-policy-groups';
}

/**
 * Maps a `SharedPolicyGroup` to the body GKO sends (GKO: `CreateOrUpdate` in
 * `controllers/apim/sharedpolicygroups/internal/update.go`, which serialises `spec`).
 *
 * `contextRef` is left out (GKO serialises it, APIM ignores it); `hrid` is set as
 * {@link sharedPolicyGroupIdentity} decides; a legacy group keeps its `crossId`; `steps` (each with
 * `enabled`, CRD default `true`) pass through; an empty `steps` list is left out as Go's `omitempty` does.
 *
 * @example
 * toSharedPolicyGroupSpec({
 *   metadata: { name: 'rate-limit', namespace: 'default' },
 *   spec: { contextRef: { name: 'dev-ctx' }, name: 'rate-limit', apiType: 'PROXY', phase: 'REQUEST' },
 * });
 * // { name: 'rate-limit', apiType: 'PROXY', phase: 'REQUEST', hrid: 'default-rate-limit' }
 */
export function toSharedPolicyGroupSpec(
  resource: CustomResourceInput,
  previous: PreviousSyncState = {},
): SharedPolicyGroupAutomationSpec {
  const identity = sharedPolicyGroupIdentity(resource, previous);
  const body: JsonObject = structuredClone(resource.spec);
  delete body.contextRef;
  body.hrid = identity.hrid;
  if (identity.hridContainsUuid && optionalString(resource.spec, 'crossId', 'spec') === undefined) {
    body.crossId = identity.hrid;
  }
  return dropEmpty(body, ['hrid', 'steps']) as SharedPolicyGroupAutomationSpec;
}

/**
 * Maps APIM's answer to the shared policy group's status fields (GKO copies the answer's status part:
 * `id`, `crossId`, `organizationId`, `environmentId`, `errors`).
 *
 * @example
 * toSharedPolicyGroupStatus({ hrid: 'default-rate-limit', id: 's1', crossId: 'c1' });
 * // { id: 's1', crossId: 'c1', errors: { severe: [], warning: [] } }
 */
export function toSharedPolicyGroupStatus(
  answer: SharedPolicyGroupAutomationState,
): SharedPolicyGroupStatusFields {
  const status: SharedPolicyGroupStatusFields = toAutomationBaseStatus(answer);
  const crossId = answerString(answer, 'crossId');
  if (crossId !== undefined) status.crossId = crossId;
  return status;
}
