import {
  type AutomationAnswer,
  type AutomationBaseStatus,
  toAutomationBaseStatus,
} from './automation-status.ts';
import type { CustomResourceInput } from './custom-resource-input.ts';
import { namespacedHrid } from './hrid.ts';
import { pathSegment, refHrid } from './ref-hrid.ts';
import { optionalInteger, optionalString, requiredRef } from './spec-fields.ts';

/**
 * Body of `PUT …/portals/{portalHrid}/links`.
 *
 * This endpoint is used by GKO but is not in the APIM 4.12.17 Automation OpenAPI document. Its schema
 * comes from APIM's source (`gravitee-apim-rest-api-automation-rest/src/main/resources/open-api.yaml`
 * and `PortalLinksResource`, gravitee-api-management at 2b94b4c9, 2026-08-21): `PortalLinkSpec` with
 * `hrid` (pattern `Hrid`), `name`, `href` (all required), `location` (string) and `order` (integer);
 * the answer `PortalLinkState` adds `BaseStatus` and `portalHrid`. An APIM release without the
 * endpoint has no route for it: the PUT fails there whatever the body.
 */
export interface PortalLinkAutomationSpec {
  hrid: string;
  name?: string;
  href?: string;
  location?: string;
  order?: number;
}

/** APIM's answer (`PortalLinkState`: spec, `BaseStatus` and `portalHrid`). */
export type PortalLinkAutomationState = AutomationAnswer;

/** The status fields of a `PortalLink` that come from APIM (GKO keeps `id`, `organizationId`, `environmentId`). */
export type PortalLinkStatusFields = AutomationBaseStatus;

/**
 * The link's HRID: always `<namespace>-<name>` (GKO: `toPortalLinkDTO` in
 * `internal/apim/service/portallinks.go`).
 *
 * @example
 * portalLinkHrid({ metadata: { name: 'default-portal-link', namespace: 'default' }, spec: {} });
 * // 'default-default-portal-link'
 */
export function portalLinkHrid(resource: CustomResourceInput): string {
  return namespacedHrid(resource.metadata.namespace, resource.metadata.name);
}

/**
 * HRID of the portal the link belongs to, as GKO derives it from `spec.portalRef` (namespace defaulting
 * to the link's). The caller still has to check that this Portal exists and is synced.
 *
 * @example
 * portalLinkPortalHrid({ metadata: { name: 'l', namespace: 'default' }, spec: { portalRef: { name: 'default-portal' } } });
 * // 'default-default-portal'
 */
export function portalLinkPortalHrid(resource: CustomResourceInput): string {
  return refHrid(requiredRef(resource.spec, 'portalRef', 'spec'), resource.metadata.namespace);
}

/**
 * Automation collection of a portal's links, relative to the environment root.
 *
 * @example
 * portalLinkCollectionPath('default-default-portal'); // 'portals/default-default-portal/links'
 */
export function portalLinkCollectionPath(portalHrid: string): string {
  return `portals/${pathSegment(portalHrid)}/links`;
}

/**
 * Maps a `PortalLink` to the body GKO sends (GKO: `toPortalLinkDTO`): `hrid`, `name`, `href`,
 * `location`, `order`; `portalRef` only selects the path. Empty strings are left out as Go's `omitempty`
 * does.
 *
 * @example
 * toPortalLinkSpec({
 *   metadata: { name: 'docs-link', namespace: 'default' },
 *   spec: { portalRef: { name: 'default-portal' }, name: 'Docs', href: 'https://docs.example.com', order: 1 },
 * });
 * // { hrid: 'default-docs-link', name: 'Docs', href: 'https://docs.example.com', order: 1 }
 */
export function toPortalLinkSpec(resource: CustomResourceInput): PortalLinkAutomationSpec {
  const { spec } = resource;
  const body: PortalLinkAutomationSpec = { hrid: portalLinkHrid(resource) };
  const name = optionalString(spec, 'name', 'spec');
  const href = optionalString(spec, 'href', 'spec');
  const location = optionalString(spec, 'location', 'spec');
  const order = optionalInteger(spec, 'order', 'spec');
  if (name) body.name = name;
  if (href) body.href = href;
  if (location) body.location = location;
  if (order !== undefined) body.order = order;
  return body;
}

/**
 * Maps APIM's answer to the link's status fields.
 *
 * @example
 * toPortalLinkStatus({ hrid: 'default-docs-link', name: 'Docs', href: 'https://docs.example.com', id: 'k1' });
 * // { id: 'k1', errors: { severe: [], warning: [] } }
 */
export function toPortalLinkStatus(answer: PortalLinkAutomationState): PortalLinkStatusFields {
  return toAutomationBaseStatus(answer);
}
