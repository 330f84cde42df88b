/** Where a value comes from: one key of a Secret or ConfigMap. */
export interface ValueReference {
  kind: 'Secret' | 'ConfigMap';
  namespace: string;
  name: string;
  /** Absent when the whole object is meant (a ManagementContext `secretRef`). */
  key?: string;
}

/**
 * Why a reference could not be resolved.
 * - `NotFound`: the Secret or ConfigMap does not exist.
 * - `KeyNotFound`: it exists without the key (templating also counts an empty value as missing, as GKO does).
 *   Recoverable: GKO fails a template with a missing key without requeueing, but re-reconciles when the
 *   Secret changes; here the watcher re-forwards when it changes, and the function may retry meanwhile.
 * - `Unreadable`: reading it failed (forbidden, API server unreachable).
 * - `InvalidTemplate`: the string is not a template the operator can evaluate.
 * - `InvalidReference`: a reference field the operator cannot follow (e.g. an unknown certificate ref kind).
 */
export type ReferenceProblemReason =
  | 'NotFound'
  | 'KeyNotFound'
  | 'Unreadable'
  | 'InvalidTemplate'
  | 'InvalidReference';

/**
 * A reference the watcher could not resolve while building a change. It names the field and the reference,
 * never a value. The watcher still forwards the change; the function fails it with `ResolvedRefs=False`.
 */
export interface ReferenceProblem {
  /** JSON pointer of the field in the change's document, e.g. `/spec/plans/KeyLess/security`. */
  pointer: string;
  /** The same field for people, e.g. `spec.settings.tls.clientCertificates[0].ref`. */
  field: string;
  reason: ReferenceProblemReason;
  /** The Secret/ConfigMap concerned, when the problem is about one. */
  reference?: ValueReference;
  /**
   * True when the cluster can fix it without a spec change (the Secret or key appears, access is granted):
   * GKO requeues those. False when only a spec change can (malformed template).
   */
  recoverable: boolean;
  /** `<field>: <what went wrong>`, e.g. `spec.plans.KeyLess.security: Secret default/tokens not found`. */
  message: string;
}

/** `Secret default/tokens` or `key "tls.crt" of ConfigMap default/certs`. */
export function describeReference(reference: ValueReference, withKey = false): string {
  const object = `${reference.kind} ${reference.namespace}/${reference.name}`;
  return withKey && reference.key !== undefined ? `key "${reference.key}" of ${object}` : object;
}

/** A problem about one reference, with GKO's recoverability for its reason. */
export function referenceProblem(
  at: { pointer: string; field: string },
  reason: Exclude<ReferenceProblemReason, 'InvalidTemplate'>,
  reference: ValueReference,
): ReferenceProblem {
  const what =
    reason === 'NotFound'
      ? `${describeReference(reference)} not found`
      : reason === 'KeyNotFound'
        ? `${describeReference(reference, true)} not found`
        : reason === 'Unreadable'
          ? `${describeReference(reference)} could not be read`
          : `${describeReference(reference)} cannot be referenced here`;
  return {
    ...at,
    reason,
    reference,
    recoverable: reason !== 'InvalidReference',
    message: `${at.field}: ${what}`,
  };
}

/** A string the operator cannot evaluate as a template; only a spec change fixes it. */
export function invalidTemplateProblem(
  at: { pointer: string; field: string },
  detail: string,
): ReferenceProblem {
  return {
    ...at,
    reason: 'InvalidTemplate',
    recoverable: false,
    message: `${at.field}: invalid template: ${detail}`,
  };
}
