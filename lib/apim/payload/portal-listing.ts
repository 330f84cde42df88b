import {
  type AutomationAnswer,
  type AutomationBaseStatus,
  toAutomationBaseStatus,
} from './automation-status.ts';
import type { CustomResourceInput } from './custom-resource-input.ts';
import { namespacedHrid } from './hrid.ts';
import { pathSegment, refHrid } from './ref-hrid.ts';
import { optionalInteger, optionalObjectArray, optionalString, requiredRef } from './spec-fields.ts';

/** One API placed in the portal's navigation (Automation schema `PortalListingApiEntry`). */
export interface PortalListingApiEntry {
  apiHrid: string;
  location?: string;
  order?: number;
}

/** Body of `PUT …/portals/{portalHrid}/listings` (Automation schema `PortalListingSpec`). */
export interface PortalListingAutomationSpec {
  hrid: string;
  apis?: PortalListingApiEntry[];
}

/** APIM's answer (Automation schema `PortalListingState`: spec, `BaseStatus` and `portalHrid`). */
export type PortalListingAutomationState = AutomationAnswer;

/** The status fields of a `PortalListing` that come from APIM (GKO keeps `id`, `organizationId`, `environmentId`). */
export type PortalListingStatusFields = AutomationBaseStatus;

/**
 * The listing's HRID: always `<namespace>-<name>` (GKO: `toPortalListingDTO` in
 * `internal/apim/service/portallistings.go`).
 *
 * @example
 * portalListingHrid({ metadata: { name: 'default-portal-listing', namespace: 'default' }, spec: {} });
 * // 'default-default-portal-listing'
 */
export function portalListingHrid(resource: CustomResourceInput): string {
  return namespacedHrid(resource.metadata.namespace, resource.metadata.name);
}

/**
 * HRID of the portal the listing belongs to, as GKO derives it: the `<namespace>-<name>` of the Portal
 * that `spec.portalRef` resolves to (namespace defaulting to the listing's). The caller still has to
 * check that this Portal exists and is synced.
 *
 * @example
 * portalListingPortalHrid({ metadata: { name: 'l', namespace: 'default' }, spec: { portalRef: { name: 'default-portal' } } });
 * // 'default-default-portal'
 */
export function portalListingPortalHrid(resource: CustomResourceInput): string {
  return refHrid(requiredRef(resource.spec, 'portalRef', 'spec'), resource.metadata.namespace);
}

/**
 * Automation collection of a portal's listings, relative to the environment root.
 *
 * @example
 * portalListingCollectionPath('default-default-portal'); // 'portals/default-default-portal/listings'
 */
export function portalListingCollectionPath(portalHrid: string): string {
  return `portals/${pathSegment(portalHrid)}/listings`;
}

/**
 * Maps a `PortalListing` to the body GKO sends (GKO: `toPortalListingDTO`).
 *
 * Each `apis[]` entry becomes `{ apiHrid, location, order }` where `apiHrid` is the `<namespace>-<name>`
 * of its `ref` (namespace defaulting to the listing's), exactly as GKO computes it: no look-up is
 * involved, the API is expected to be HRID-managed. An empty `location` and an empty `apis` list are left
 * out as Go's `omitempty` does.
 *
 * @example
 * toPortalListingSpec({
 *   metadata: { name: 'listing', namespace: 'default' },
 *   spec: { portalRef: { name: 'default-portal' }, apis: [{ ref: { name: 'echo' }, location: '/apis', order: 1 }] },
 * });
 * // { hrid: 'default-listing', apis: [{ apiHrid: 'default-echo', location: '/apis', order: 1 }] }
 */
export function toPortalListingSpec(resource: CustomResourceInput): PortalListingAutomationSpec {
  const { metadata, spec } = resource;
  const entries = optionalObjectArray(spec, 'apis', 'spec') ?? [];
  const apis = entries.map((entry, index): PortalListingApiEntry => {
    const path = `spec.apis[${index}]`;
    const out: PortalListingApiEntry = {
      apiHrid: refHrid(requiredRef(entry, 'ref', path), metadata.namespace),
    };
    const location = optionalString(entry, 'location', path);
    const order = optionalInteger(entry, 'order', path);
    if (location) out.location = location;
    if (order !== undefined) out.order = order;
    return out;
  });
  const body: PortalListingAutomationSpec = { hrid: portalListingHrid(resource) };
  if (apis.length > 0) body.apis = apis;
  return body;
}

/**
 * Maps APIM's answer to the listing's status fields.
 *
 * @example
 * toPortalListingStatus({ hrid: 'default-listing', apis: [], id: 'l1', portalHrid: 'default-default-portal' });
 * // { id: 'l1', errors: { severe: [], warning: [] } }
 */
export function toPortalListingStatus(answer: PortalListingAutomationState): PortalListingStatusFields {
  return toAutomationBaseStatus(answer);
}
