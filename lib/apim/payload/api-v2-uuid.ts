import { xxh3Hash128 } from './api-v2-xxh3.ts';

/**
 * GKO's deterministic UUID (`uuid.FromStrings` in `internal/uuid/uuid.go`): the seeds are concatenated,
 * hashed with XXH3-128 and the 16 big-endian bytes of the hash (high half first) are printed as a UUID.
 * No version or variant bits are set, so the result is usually not an RFC 4122 UUID; APIM accepts it.
 *
 * Reproducing it exactly is what lets this operator take over v2 APIs, plans and pages GKO created:
 * the same resource gets the same ids.
 *
 * @example
 * uuidFromStrings('default/basic-api-example'); // '67aaa5c4-36f6-2dfe-162e-ea9246b9a846'
 */
export function uuidFromStrings(...seeds: string[]): string {
  const { hi, lo } = xxh3Hash128(Buffer.from(seeds.join(''), 'utf8'));
  const hex = hi.toString(16).padStart(16, '0') + lo.toString(16).padStart(16, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What GKO puts between the seeds of a derived id (`separator` in `api/v1alpha1`). */
export const ID_SEPARATOR = '/';
