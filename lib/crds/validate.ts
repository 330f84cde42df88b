/**
 * Validation of manifests against the CRD contracts, with problems reported by field path so a
 * user can find the offending line (`spec.listeners[0].entrypoints[0].qos: …`).
 */
import type { z } from 'zod';
import { apiVersionOf, type KindDefinition, kindByName } from './kinds.ts';

/** One validation problem. */
export interface ValidationIssue {
  /** Dotted path of the offending field, array indexes in brackets (empty for the root). */
  path: string;
  message: string;
}

/** Outcome of {@link validateResource}. */
export type ValidationResult =
  | { ok: true; kind: KindDefinition; value: unknown }
  | { ok: false; kind: KindDefinition | undefined; issues: ValidationIssue[] };

/** Renders a zod issue path as `spec.plans.KeyLess.flows[0].enabled`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/**
 * Flattens a zod error into path/message pairs.
 *
 * Unknown keys are reported once per key with the key in the path (zod reports them on the
 * parent object), because that is the line the user has to fix.
 */
export function describeIssues(error: z.ZodError): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ path: formatPath([...issue.path, key]), message: 'unknown field' });
      }
      continue;
    }
    issues.push({ path: formatPath(issue.path), message: issue.message });
  }
  return issues;
}

/** Renders issues one per line, for logs and CLI output. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('\n');
}

/**
 * Validates a parsed manifest against the contract of its kind; on success `value` holds the
 * resource with CRD defaults applied, the way the API server would store it.
 */
export function validateResource(document: unknown): ValidationResult {
  const head = (document ?? {}) as { apiVersion?: unknown; kind?: unknown };
  const kind = typeof head.kind === 'string' ? kindByName(head.kind) : undefined;
  if (kind === undefined) {
    return { ok: false, kind, issues: [{ path: 'kind', message: `unsupported kind ${String(head.kind)}` }] };
  }
  if (head.apiVersion !== apiVersionOf(kind)) {
    return {
      ok: false,
      kind,
      issues: [
        { path: 'apiVersion', message: `expected ${apiVersionOf(kind)}, got ${String(head.apiVersion)}` },
      ],
    };
  }
  const parsed = kind.resource.safeParse(document);
  return parsed.success
    ? { ok: true, kind, value: parsed.data }
    : { ok: false, kind, issues: describeIssues(parsed.error) };
}
