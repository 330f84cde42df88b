import { MissingReferenceError } from '../../errors/sync-errors.ts';
import {
  type AutomationAnswer,
  type AutomationErrors,
  answerString,
  automationErrors,
  UnexpectedAnswerError,
} from './automation-status.ts';
import type { AutomationIdentity, CustomResourceInput, PreviousSyncState } from './custom-resource-input.ts';
import { namespacedHrid, nameToValidHrid } from './hrid.ts';
import { dropEmpty, type JsonObject } from './json-object.ts';
import { pathSegment } from './ref-hrid.ts';
import { toRfc3339Seconds } from './rfc3339.ts';
import {
  optionalObject,
  optionalObjectArray,
  optionalString,
  optionalStringMap,
  requiredString,
} from './spec-fields.ts';

/** A custom API key of an API-key plan subscription. */
export interface SubscriptionApiKey {
  key: string;
  expireAt?: string;
}

/**
 * Body of `PUT …/apis/{apiHrid}/subscriptions` (Automation schema `SubscriptionSpec`).
 *
 * GKO's request struct also carries `apiHrid`, `status` and `startingAt` (and `endingAt: ""` when the
 * spec has none): it is the same struct GKO reads answers into. APIM's `SubscriptionSpec` has none of the
 * first three and takes an empty `endingAt` as no date, so they are left out here: the body carries
 * exactly what APIM reads, with the values GKO gives it.
 */
export interface SubscriptionAutomationSpec {
  hrid: string;
  applicationHrid: string;
  planHrid: string;
  endingAt?: string;
  metadata?: Record<string, string>;
  apiKeys?: SubscriptionApiKey[];
  consumerConfiguration?: JsonObject;
}

/**
 * What a subscription points at, resolved by the caller (registry look-ups). See
 * {@link subscriptionReferences} for how GKO derives each value.
 */
export interface SubscriptionReferences {
  /** The API: its HRID, or its UUID for an API GKO synced before 4.12. Also the `{apiHrid}` of the path. */
  api: AutomationIdentity;
  /** The application: its HRID, or its UUID for an application GKO synced before 4.12. */
  application: AutomationIdentity;
  /** The plan: `nameToValidHrid(spec.plan)` for an HRID-managed API, else the plan's UUID. */
  planHrid: string;
}

/** An API or application as a subscription sees it: where it lives and what its status records. */
export interface SubscriptionTarget {
  namespace: string;
  name: string;
  /** Its current status (`id`, `automationApiManaged`; an API's `plans` key → plan UUID). */
  previous?: PreviousSyncState & { plans?: Record<string, string> };
}

/** APIM's answer (Automation schema `SubscriptionState`: spec, `BaseStatus`, `apiHrid`, `startingAt`). */
export interface SubscriptionAutomationState extends AutomationAnswer {
  startingAt?: string | null;
  endingAt?: string | null;
}

/**
 * The status fields of a `Subscription` that come from APIM, plus the errors APIM reported (not a
 * status field of GKO's Subscription CRD; the caller decides what they mean).
 */
export interface SubscriptionStatusFields {
  id?: string;
  /** When the subscription started, RFC 3339 to the second. */
  startedAt?: string;
  /** When it ends, as APIM wrote it. */
  endingAt?: string;
  errors: AutomationErrors;
}

/**
 * Decides how GKO addresses a subscription (GKO: `setSubscriptionID` in
 * `controllers/apim/subscription/internal/update.go`): `<namespace>-<name>`, unless GKO created it
 * before 4.12 and recorded its UUID in `status.id` without being HRID-managed since.
 *
 * @example
 * subscriptionIdentity({ metadata: { name: 'echo-subscription', namespace: 'default' }, spec: {} });
 * // { hrid: 'default-echo-subscription', hridContainsUuid: false }
 */
export function subscriptionIdentity(
  resource: CustomResourceInput,
  previous: PreviousSyncState = {},
): AutomationIdentity {
  if (previous.id && !previous.automationApiManaged) return { hrid: previous.id, hridContainsUuid: true };
  return {
    hrid: namespacedHrid(resource.metadata.namespace, resource.metadata.name),
    hridContainsUuid: false,
  };
}

/**
 * The subscription's HRID (`hrid` of the body, `{hrid}` of `apis/{apiHrid}/subscriptions/{hrid}`).
 *
 * @example
 * subscriptionHrid({ metadata: { name: 'echo-subscription', namespace: 'default' }, spec: {} });
 * // 'default-echo-subscription'
 */
export function subscriptionHrid(resource: CustomResourceInput, previous?: PreviousSyncState): string {
  return subscriptionIdentity(resource, previous).hrid;
}

/**
 * Automation collection of an API's subscriptions, relative to the environment root; `apiHrid` is
 * {@link SubscriptionReferences.api}'s `hrid`.
 *
 * @example
 * subscriptionCollectionPath('default-api-v4-with-jwt-plan'); // 'apis/default-api-v4-with-jwt-plan/subscriptions'
 */
export function subscriptionCollectionPath(apiHrid: string): string {
  return `apis/${pathSegment(apiHrid)}/subscriptions`;
}

/**
 * The query flags GKO puts on the PUT (and, for the first two, on the DELETE): which of the subscription,
 * API and application identifiers are UUIDs rather than HRIDs.
 */
export function subscriptionQueryFlags(
  identity: AutomationIdentity,
  references: SubscriptionReferences,
): { hridContainsUUID: boolean; hridContainsApiUUID: boolean; hridContainsAppUUID: boolean } {
  return {
    hridContainsUUID: identity.hridContainsUuid,
    hridContainsApiUUID: references.api.hridContainsUuid,
    hridContainsAppUUID: references.application.hridContainsUuid,
  };
}

/**
 * Derives the references of a subscription from what the registry knows of its API and application
 * (GKO: `setApiIDAndPlan` and `setApplicationID` in `controllers/apim/subscription/internal/update.go`).
 *
 * An API or application is known by `<namespace>-<name>` unless it has a `status.id` and is not
 * HRID-managed (first synced by GKO < 4.12); then by that UUID, and the plan by the UUID recorded in
 * the API's `status.plans`. The caller checks beforehand that the API has the plan (GKO: "plan … not
 * found").
 *
 * @throws MissingReferenceError when a UUID-managed API has no recorded id for the plan (GKO would
 *   derive one; this operator waits for the API's own sync to record it).
 * @example
 * subscriptionReferences('JWT', { namespace: 'default', name: 'jwt-demo' }, { namespace: 'default', name: 'echo-client' });
 * // { api: { hrid: 'default-jwt-demo', hridContainsUuid: false },
 * //   application: { hrid: 'default-echo-client', hridContainsUuid: false }, planHrid: 'JWT' }
 */
export function subscriptionReferences(
  planKey: string,
  api: SubscriptionTarget,
  application: SubscriptionTarget,
): SubscriptionReferences {
  const apiIdentity = targetIdentity(api);
  let planHrid = nameToValidHrid(planKey);
  if (apiIdentity.hridContainsUuid) {
    const planId = api.previous?.plans?.[planKey];
    if (!planId) {
      throw new MissingReferenceError(
        'spec.plan',
        `plan ${planKey} of API ${api.namespace}/${api.name} (no id in its status)`,
      );
    }
    planHrid = planId;
  }
  return { api: apiIdentity, application: targetIdentity(application), planHrid };
}

/**
 * Maps a `Subscription` to the body GKO sends (GKO: `CreateOrUpdate` in
 * `controllers/apim/subscription/internal/update.go`, then `Subscription.ToAutomation` in
 * `internal/apim/model/subscription.go`).
 *
 * `api`, `application` and `plan` are replaced by the resolved `applicationHrid` and `planHrid` (the API
 * is in the path); `endingAt`, `metadata`, `apiKeys` (`key`, `expireAt`) and `consumerConfiguration`
 * are copied; empty ones are left out.
 *
 * @example
 * toSubscriptionSpec(
 *   { metadata: { name: 'echo-subscription', namespace: 'default' },
 *     spec: { api: { name: 'jwt-demo' }, application: { name: 'echo-client' }, plan: 'JWT' } },
 *   subscriptionReferences('JWT', { namespace: 'default', name: 'jwt-demo' }, { namespace: 'default', name: 'echo-client' }),
 * );
 * // { hrid: 'default-echo-subscription', applicationHrid: 'default-echo-client', planHrid: 'JWT' }
 */
export function toSubscriptionSpec(
  resource: CustomResourceInput,
  references: SubscriptionReferences,
  previous?: PreviousSyncState,
): SubscriptionAutomationSpec {
  const { spec } = resource;
  const body: SubscriptionAutomationSpec = {
    hrid: subscriptionHrid(resource, previous),
    applicationHrid: references.application.hrid,
    planHrid: references.planHrid,
  };
  const endingAt = optionalString(spec, 'endingAt', 'spec');
  if (endingAt) body.endingAt = endingAt;
  const metadata = optionalStringMap(spec, 'metadata', 'spec');
  if (metadata && Object.keys(metadata).length > 0) body.metadata = { ...metadata };
  const apiKeys = (optionalObjectArray(spec, 'apiKeys', 'spec') ?? []).map((apiKey, index) => {
    const path = `spec.apiKeys[${index}]`;
    const out: SubscriptionApiKey = { key: requiredString(apiKey, 'key', path) };
    const expireAt = optionalString(apiKey, 'expireAt', path);
    if (expireAt !== undefined) out.expireAt = expireAt;
    return out;
  });
  if (apiKeys.length > 0) body.apiKeys = apiKeys;
  const consumerConfiguration = optionalObject(spec, 'consumerConfiguration', 'spec');
  if (consumerConfiguration)
    body.consumerConfiguration = dropEmpty(structuredClone(consumerConfiguration), ['channel']);
  return body;
}

/**
 * Maps APIM's answer to the subscription's status fields (GKO: end of `CreateOrUpdate` in
 * `controllers/apim/subscription/internal/update.go`): `id`, `startedAt` (APIM's `startingAt` parsed as
 * RFC 3339 and written back to the second) and `endingAt` as APIM wrote it.
 *
 * When APIM gives no `startingAt`, `startedAt` is left out; GKO fails the reconcile there, although APIM
 * has accepted the subscription.
 *
 * @throws UnexpectedAnswerError when `startingAt` is not RFC 3339 (GKO fails the reconcile too).
 * @example
 * toSubscriptionStatus({ hrid: 'default-sub', applicationHrid: 'default-app', planHrid: 'JWT', id: 's1',
 *   startingAt: '2025-03-01T10:00:00.123Z', endingAt: '2040-12-25T09:12:28Z' });
 * // { id: 's1', startedAt: '2025-03-01T10:00:00Z', endingAt: '2040-12-25T09:12:28Z', errors: { severe: [], warning: [] } }
 */
export function toSubscriptionStatus(answer: SubscriptionAutomationState): SubscriptionStatusFields {
  const status: SubscriptionStatusFields = { errors: automationErrors(answer) };
  const id = answerString(answer, 'id');
  if (id !== undefined) status.id = id;
  const startingAt = answerString(answer, 'startingAt');
  if (startingAt !== undefined) {
    const startedAt = toRfc3339Seconds(startingAt);
    if (startedAt === undefined)
      throw new UnexpectedAnswerError(
        'startingAt',
        `${JSON.stringify(startingAt)}, not an RFC 3339 date-time`,
      );
    status.startedAt = startedAt;
  }
  const endingAt = answerString(answer, 'endingAt');
  if (endingAt !== undefined) status.endingAt = endingAt;
  return status;
}

function targetIdentity(target: SubscriptionTarget): AutomationIdentity {
  const previous = target.previous ?? {};
  if (previous.id && !previous.automationApiManaged) return { hrid: previous.id, hridContainsUuid: true };
  return { hrid: namespacedHrid(target.namespace, target.name), hridContainsUuid: false };
}
