/**
 * What an admission rule reports: the field at fault, a sentence saying why, and how serious it is.
 */

/** `error` rejects the resource (a terminal failure in the functions, exit 1 in `gso validate`); `warning` is only reported. */
export type AdmissionSeverity = 'error' | 'warning';

/** The referenced object an issue is about, when the issue is that this object cannot be found. */
export interface MissingReference {
  kind: string;
  namespace: string;
  name: string;
}

/** One problem found by the admission rules. */
export interface AdmissionIssue {
  /** Dotted path of the offending field, array indexes in brackets: `spec.plans.gold.security.type`. */
  field: string;
  message: string;
  severity: AdmissionSeverity;
  /**
   * Set when the problem is a referenced object that the lookup does not know. Such an issue may heal by
   * itself once the object is created, so a caller may treat it as recoverable rather than terminal.
   */
  missingReference?: MissingReference;
}

/** An issue that rejects the resource. */
export function admissionError(
  field: string,
  message: string,
  missingReference?: MissingReference,
): AdmissionIssue {
  return missingReference
    ? { field, message, severity: 'error', missingReference }
    : { field, message, severity: 'error' };
}

/** An issue that is only reported. */
export function admissionWarning(field: string, message: string): AdmissionIssue {
  return { field, message, severity: 'warning' };
}

/** Renders a field path from segments: strings are joined with dots, numbers become `[n]`. */
export function fieldPath(...segments: Array<string | number>): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}
