/**
 * Human-readable ids (HRIDs) as GKO builds them for the APIM Automation API.
 *
 * GKO source: `internal/hrid/format.go` (gravitee-kubernetes-operator).
 */

/** Characters a map key may hold that an HRID may not; GKO turns each one into `-`. */
const FORBIDDEN_IN_HRID = /[ .]/g;

/**
 * Turns a `plans` or `pages` map key into the HRID APIM knows the plan or page by.
 *
 * Only spaces and dots are replaced, exactly as GKO does: other characters are kept so that the HRIDs
 * of resources GKO already synced stay the same when this operator takes over.
 *
 * @example
 * nameToValidHrid('JWT Plan. With A Non-Hrid Names'); // 'JWT-Plan--With-A-Non-Hrid-Names'
 */
export function nameToValidHrid(key: string): string {
  return key.replace(FORBIDDEN_IN_HRID, '-');
}

/**
 * HRID of a namespaced custom resource: `<namespace>-<name>`.
 *
 * Not sanitised, as in GKO: a name with dots yields an HRID that APIM's pattern rejects, and APIM's
 * answer (a 400) is what the user sees, the same as with GKO.
 *
 * @example
 * namespacedHrid('default', 'api-v4'); // 'default-api-v4'
 */
export function namespacedHrid(namespace: string, name: string): string {
  return `${namespace}-${name}`;
}
