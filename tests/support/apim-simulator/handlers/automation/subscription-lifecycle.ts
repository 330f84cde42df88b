import type { JsonObject } from '../../json.ts';
import type { ResourceStore, StoredResource } from '../../store/resource-store.ts';
import { KIND } from './kind-names.ts';

/** Lifecycle status of a subscription, kept in `StoredResource.internal.status`. */
export type SubscriptionStatus = 'PENDING' | 'ACCEPTED' | 'PAUSED' | 'CLOSED' | 'REJECTED';

/** Server-side state of a stored subscription. */
export interface SubscriptionInternal extends JsonObject {
  status: SubscriptionStatus;
  startingAt: string;
  applicationHrid: string;
  planHrid: string;
}

/** The server-side state of a stored subscription. */
export function subscriptionInternal(resource: StoredResource): SubscriptionInternal {
  return resource.internal as SubscriptionInternal;
}

/**
 * APIM's closing of a subscription: an accepted or paused one is closed (its API keys revoked), a pending
 * one rejected, a closed or rejected one left alone. The subscription itself remains.
 */
export function closed(resource: StoredResource): StoredResource {
  const internal = subscriptionInternal(resource);
  const next: Record<SubscriptionStatus, SubscriptionStatus> = {
    ACCEPTED: 'CLOSED',
    PAUSED: 'CLOSED',
    PENDING: 'REJECTED',
    CLOSED: 'CLOSED',
    REJECTED: 'REJECTED',
  };
  return { ...resource, internal: { ...internal, status: next[internal.status] } };
}

/** Subscriptions of the environment whose application is `applicationHrid`. */
export function subscriptionsOfApplication(
  store: ResourceStore,
  environmentId: string,
  applicationHrid: string,
): StoredResource[] {
  return store
    .list(KIND.subscription, environmentId)
    .filter((subscription) => subscriptionInternal(subscription).applicationHrid === applicationHrid);
}

/**
 * What restoring an archived application does to its subscriptions: the closed ones become pending
 * again (they need to be accepted anew, which re-importing them does).
 */
export function reopenSubscriptionsOfApplication(
  store: ResourceStore,
  environmentId: string,
  applicationHrid: string,
): void {
  for (const subscription of subscriptionsOfApplication(store, environmentId, applicationHrid)) {
    const internal = subscriptionInternal(subscription);
    if (internal.status === 'CLOSED' || internal.status === 'REJECTED') {
      store.put({ ...subscription, internal: { ...internal, status: 'PENDING' } });
    }
  }
}
