import {
  type AutomationAnswer,
  type AutomationBaseStatus,
  toAutomationBaseStatus,
} from './automation-status.ts';
import type { CustomResourceInput } from './custom-resource-input.ts';
import { namespacedHrid } from './hrid.ts';
import { dropEmpty, type JsonObject } from './json-object.ts';
import { optionalObject, optionalObjectArray, requiredString } from './spec-fields.ts';

/**
 * Body of `PUT …/portals` (Automation schema `PortalSpec`).
 *
 * `structure` is not in the 4.12.17 schema: APIM added it later (with `navigation` deprecated and the two
 * mutually exclusive). GKO sends it anyway; an APIM that does not know it ignores it, so a portal written
 * with `structure` only gets no navigation there.
 */
export interface PortalAutomationSpec {
  hrid: string;
  name: string;
  structure?: { topNavbar?: JsonObject[] };
  navigation?: JsonObject[];
}

/** APIM's answer (Automation schema `PortalState`: spec plus `BaseStatus`). */
export type PortalAutomationState = AutomationAnswer;

/** The status fields of a `Portal` that come from APIM (GKO keeps `id`, `organizationId`, `environmentId`). */
export type PortalStatusFields = AutomationBaseStatus;

/**
 * The portal's HRID: always `<namespace>-<name>` (GKO: `Portals.createOrUpdate` in
 * `internal/apim/service/portals.go`). Listings, links and portal documentation pages live under it.
 *
 * @example
 * portalHrid({ metadata: { name: 'default-portal', namespace: 'default' }, spec: {} }); // 'default-default-portal'
 */
export function portalHrid(resource: CustomResourceInput): string {
  return namespacedHrid(resource.metadata.namespace, resource.metadata.name);
}

/** Automation collection of portals, relative to the environment root. */
export function portalCollectionPath(): string {
  return 'portals';
}

/**
 * Maps a `Portal` to the body GKO sends: its `portal.Type` (`name`, `structure`, `navigation`; not
 * `contextRef`) plus `hrid` (GKO: `model.PortalDTO`). Empty `navigation` and `structure.topNavbar` lists
 * are left out as Go's `omitempty` does.
 *
 * @example
 * toPortalSpec({
 *   metadata: { name: 'default-portal', namespace: 'default' },
 *   spec: { contextRef: { name: 'dev-ctx' }, name: 'Default Portal', navigation: [{ path: '/projects' }] },
 * });
 * // { hrid: 'default-default-portal', name: 'Default Portal', navigation: [{ path: '/projects' }] }
 */
export function toPortalSpec(resource: CustomResourceInput): PortalAutomationSpec {
  const { spec } = resource;
  const body: PortalAutomationSpec = {
    hrid: portalHrid(resource),
    name: requiredString(spec, 'name', 'spec'),
  };
  const structure = optionalObject(spec, 'structure', 'spec');
  if (structure) {
    const topNavbar = optionalObjectArray(structure, 'topNavbar', 'spec.structure');
    body.structure = dropEmpty({ topNavbar: structuredClone(topNavbar) }, ['topNavbar']);
  }
  const navigation = optionalObjectArray(spec, 'navigation', 'spec');
  if (navigation && navigation.length > 0) body.navigation = structuredClone(navigation);
  return body;
}

/**
 * Maps APIM's answer to the portal's status fields.
 *
 * @example
 * toPortalStatus({ hrid: 'default-default-portal', name: 'Default Portal', id: 'p1' });
 * // { id: 'p1', errors: { severe: [], warning: [] } }
 */
export function toPortalStatus(answer: PortalAutomationState): PortalStatusFields {
  return toAutomationBaseStatus(answer);
}
