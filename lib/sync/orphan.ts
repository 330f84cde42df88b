/**
 * Annotation that keeps the APIM object when the resource is deleted (the finalizer is still released).
 * Value `orphan`; anything else (or absent) deletes.
 */
export const DELETION_POLICY_ANNOTATION = 'gravitee.io/deletion-policy';

export function wantsOrphan(annotations: Record<string, string> | undefined): boolean {
  return annotations?.[DELETION_POLICY_ANNOTATION]?.toLowerCase() === 'orphan';
}
