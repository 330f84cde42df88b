import { createHash } from 'node:crypto';

/**
 * Java's `UUID.nameUUIDFromBytes`: an MD5-based (version 3) UUID computed without a namespace.
 * APIM derives every automation id with it, so reproducing it makes simulated ids equal to real ones.
 */
export function nameUuid(seed: string): string {
  const bytes = createHash('md5').update(seed, 'utf8').digest();
  // Version 3 and the IETF variant, exactly as java.util.UUID sets them.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x30;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Cross-environment id of a top-level resource: APIM seeds it with organization id + hrid, so the same
 * hrid promoted to another environment of the organization keeps its crossId.
 */
export function topLevelCrossId(organizationId: string, hrid: string): string {
  return nameUuid(organizationId + hrid);
}

/** Id of a top-level resource (API, application…): APIM seeds it with the crossId + environment id. */
export function topLevelId(organizationId: string, environmentId: string, hrid: string): string {
  return nameUuid(topLevelCrossId(organizationId, hrid) + environmentId);
}

/** Id of a resource scoped to an API (plan, page): seeded with the API crossId, environment id and own hrid. */
export function apiScopedId(
  organizationId: string,
  environmentId: string,
  apiHrid: string,
  hrid: string,
): string {
  return nameUuid(topLevelCrossId(organizationId, apiHrid) + environmentId + hrid);
}

/**
 * Id of a portal listing or portal documentation page: seeded with the portal's sub-resource cross id
 * (organization + `portal` + portal hrid), the environment id and the own hrid.
 */
export function portalScopedId(
  organizationId: string,
  environmentId: string,
  portalHrid: string,
  hrid: string,
): string {
  return nameUuid(nameUuid(`${organizationId}portal${portalHrid}`) + environmentId + hrid);
}

/**
 * Id of an API documentation page (next-gen portal): like `portalScopedId` with the literal `api`, which
 * keeps it apart from the ids of plans, pages and subscriptions of the same API.
 */
export function apiDocumentationId(
  organizationId: string,
  environmentId: string,
  apiHrid: string,
  hrid: string,
): string {
  return nameUuid(nameUuid(`${organizationId}api${apiHrid}`) + environmentId + hrid);
}
