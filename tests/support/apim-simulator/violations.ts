/**
 * What went wrong: a request the spec rejects, a response the spec rejects, a route the specs do not
 * describe, an operation described but not simulated yet, or a bug inside the simulator itself.
 */
export type ViolationKind = 'request' | 'response' | 'unknown-route' | 'unimplemented' | 'simulator-error';

/** One exchange that did not conform to the OpenAPI documents (or could not be simulated). */
export interface Violation {
  readonly kind: ViolationKind;
  readonly method: string;
  /** Request path as received, including any mount prefix, without the query string. */
  readonly path: string;
  readonly operationId?: string;
  /** Status the simulator answered with, when it answered. */
  readonly status?: number;
  /** Human-readable problems, typically `<instance path> <schema message>`. */
  readonly problems: readonly string[];
}

/** One line per violation, suitable for assertion messages. */
export function describeViolation(violation: Violation): string {
  const operation = violation.operationId ? ` (${violation.operationId})` : '';
  const status = violation.status === undefined ? '' : ` → ${violation.status}`;
  return `[${violation.kind}] ${violation.method} ${violation.path}${operation}${status}: ${violation.problems.join('; ')}`;
}

/** Thrown by `assertNoViolations()` so a test fails with every non-conforming exchange listed. */
export class SpecViolationError extends Error {
  override name = 'SpecViolationError';
  readonly violations: readonly Violation[];

  constructor(violations: readonly Violation[]) {
    super(
      `The APIM simulator saw ${violations.length} spec violation(s):\n${violations.map(describeViolation).join('\n')}`,
    );
    this.violations = violations;
  }
}
