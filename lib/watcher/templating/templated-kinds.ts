/**
 * Kinds whose spec strings GKO compiles as templates before syncing: every reconciled kind except
 * `Notification`, whose controller only resolves group references.
 */
const UNTEMPLATED_KINDS = new Set(['Notification']);

/** True when GKO resolves `[[ … ]]` templates in this kind's spec. */
export function isTemplatedKind(kind: string): boolean {
  return !UNTEMPLATED_KINDS.has(kind);
}
