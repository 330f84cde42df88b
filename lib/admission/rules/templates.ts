import { isRecord } from '../accessors.ts';
import { type AdmissionIssue, admissionError, fieldPath } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';

/** `[[ secret "name/key" ]]` / `[[ configmap "name/key" ]]`, with any Go string quoting. */
const SOURCE_CALL = /\b(secret|configmap)\s+(?:"([^"]*)"|`([^`]*)`)/g;

function templateIssues(value: string, field: string): AdmissionIssue[] {
  const issues: AdmissionIssue[] = [];
  let rest = value;
  while (true) {
    const open = rest.indexOf('[[');
    if (open < 0) break;
    const close = rest.indexOf(']]', open + 2);
    if (close < 0) {
      issues.push(admissionError(field, 'template opened with "[[" is never closed with "]]"'));
      break;
    }
    const action = rest.slice(open + 2, close);
    for (const match of action.matchAll(SOURCE_CALL)) {
      const [, source, doubleQuoted, backQuoted] = match;
      const argument = doubleQuoted ?? backQuoted ?? '';
      if (!/^[^/\s]+\/[^/\s]+$/.test(argument)) {
        issues.push(
          admissionError(field, `template ${source} "${argument}" must name its source as "name/key"`),
        );
      }
    }
    rest = rest.slice(close + 2);
  }
  return issues;
}

function walk(value: unknown, path: Array<string | number>, issues: AdmissionIssue[]): void {
  if (typeof value === 'string') {
    if (value.includes('[[')) issues.push(...templateIssues(value, fieldPath(...path)));
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      walk(item, [...path, index], issues);
    });
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) walk(item, [...path, key], issues);
  }
}

/**
 * Templates in the spec must compile: every `[[` is closed and every Secret or ConfigMap they read is
 * named `name/key`. Whether that Secret or ConfigMap exists is for the reference resolution to find
 * out, since neither the manifests nor the registry hold them.
 */
export function templatesCompile({ spec }: AdmissionContext): AdmissionIssue[] {
  const issues: AdmissionIssue[] = [];
  walk(spec, ['spec'], issues);
  return issues;
}
