import {
  type AutomationAnswer,
  type AutomationBaseStatus,
  toAutomationBaseStatus,
} from './automation-status.ts';
import type { CustomResourceInput } from './custom-resource-input.ts';
import { namespacedHrid } from './hrid.ts';
import { pathSegment, refHrid } from './ref-hrid.ts';
import { InvalidSpecFieldError, optionalInteger, optionalRef, optionalString } from './spec-fields.ts';

/**
 * Body of `PUT …/portals/{portalHrid}/documentations` or `PUT …/apis/{apiHrid}/documentations`
 * (Automation schema `DocumentationSpec`).
 *
 * `area` is not in the 4.12.17 schema (APIM added `DocumentationArea` later). GKO sends it when set; an
 * APIM that does not know it ignores it, so a `HOMEPAGE` page lands in the top navbar there.
 */
export interface DocumentationAutomationSpec {
  hrid: string;
  name?: string;
  type?: string;
  content?: string;
  location?: string;
  order?: number;
  area?: string;
}

/** What a documentation page is attached to: a portal or a (v4) API, known by its HRID. */
export interface DocumentationParent {
  kind: 'portal' | 'api';
  hrid: string;
}

/** APIM's answer (Automation schema `DocumentationState`: spec, `BaseStatus`, `portalHrid` or `apiHrid`). */
export type DocumentationAutomationState = AutomationAnswer;

/** The status fields of a `Documentation` that come from APIM (GKO keeps `id`, `organizationId`, `environmentId`). */
export type DocumentationStatusFields = AutomationBaseStatus;

/**
 * The page's HRID: always `<namespace>-<name>` (GKO: `toDocumentationDTO` in
 * `internal/apim/service/documentations.go`).
 *
 * @example
 * documentationHrid({ metadata: { name: 'portal-homepage', namespace: 'default' }, spec: {} });
 * // 'default-portal-homepage'
 */
export function documentationHrid(resource: CustomResourceInput): string {
  return namespacedHrid(resource.metadata.namespace, resource.metadata.name);
}

/**
 * The parent of a page as GKO derives it (GKO: `resolveParent` in
 * `controllers/apim/docs/internal/update.go`, then `documentationsTarget`): the `<namespace>-<name>` of
 * the Portal of `spec.portalRef` or of the API of `spec.apiRef`, the namespace defaulting to the page's.
 * An API parent is addressed by that HRID even if the API itself is UUID-managed, as in GKO. The caller
 * still has to check that the parent exists and is synced.
 *
 * @throws InvalidSpecFieldError when both references or neither are set (GKO: illegal state).
 * @example
 * documentationParent({ metadata: { name: 'p', namespace: 'default' }, spec: { apiRef: { name: 'pets' } } });
 * // { kind: 'api', hrid: 'default-pets' }
 */
export function documentationParent(resource: CustomResourceInput): DocumentationParent {
  const { metadata, spec } = resource;
  const portalRef = optionalRef(spec, 'portalRef', 'spec');
  const apiRef = optionalRef(spec, 'apiRef', 'spec');
  if (portalRef && !apiRef) return { kind: 'portal', hrid: refHrid(portalRef, metadata.namespace) };
  if (apiRef && !portalRef) return { kind: 'api', hrid: refHrid(apiRef, metadata.namespace) };
  throw new InvalidSpecFieldError('spec.portalRef or spec.apiRef', 'set, but not both');
}

/**
 * Automation collection of a parent's documentation pages, relative to the environment root.
 *
 * @example
 * documentationCollectionPath({ kind: 'portal', hrid: 'default-default-portal' });
 * // 'portals/default-default-portal/documentations'
 * documentationCollectionPath({ kind: 'api', hrid: 'default-pets' }); // 'apis/default-pets/documentations'
 */
export function documentationCollectionPath(parent: DocumentationParent): string {
  const collection = parent.kind === 'portal' ? 'portals' : 'apis';
  return `${collection}/${pathSegment(parent.hrid)}/documentations`;
}

/**
 * Maps a `Documentation` to the body GKO sends (GKO: `toDocumentationDTO`): `hrid`, `name`, `type`,
 * `content`, `location`, `order`, `area`; the parent reference only selects the path. Empty strings are
 * left out as Go's `omitempty` does, so an unset `area` lets APIM apply its `TOP_NAVBAR` default.
 *
 * @example
 * toDocumentationSpec({
 *   metadata: { name: 'getting-started', namespace: 'default' },
 *   spec: { name: 'Getting Started', type: 'GRAVITEE_MARKDOWN', content: '# Hi', portalRef: { name: 'default-portal' } },
 * });
 * // { hrid: 'default-getting-started', name: 'Getting Started', type: 'GRAVITEE_MARKDOWN', content: '# Hi' }
 */
export function toDocumentationSpec(resource: CustomResourceInput): DocumentationAutomationSpec {
  const { spec } = resource;
  const body: DocumentationAutomationSpec = { hrid: documentationHrid(resource) };
  for (const field of ['name', 'type', 'content', 'location', 'area'] as const) {
    const value = optionalString(spec, field, 'spec');
    if (value) body[field] = value;
  }
  const order = optionalInteger(spec, 'order', 'spec');
  if (order !== undefined) body.order = order;
  return body;
}

/**
 * Maps APIM's answer to the page's status fields.
 *
 * @example
 * toDocumentationStatus({ hrid: 'default-getting-started', name: 'Getting Started', type: 'GRAVITEE_MARKDOWN', content: '# Hi', id: 'd1' });
 * // { id: 'd1', errors: { severe: [], warning: [] } }
 */
export function toDocumentationStatus(answer: DocumentationAutomationState): DocumentationStatusFields {
  return toAutomationBaseStatus(answer);
}
