import { validateResource } from '../crds/validate.ts';
import {
  describeDocument,
  isGravitee,
  loadManifests,
  type ManifestDocument,
} from '../manifests/load-manifests.ts';

/** One problem found by `gso validate`: where, which resource, which field, what. */
export interface ValidationProblem {
  file: string;
  document: number;
  resource: string;
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

const SUPPORTED = new Set(['ManagementContext', 'ApiV4Definition']);

function meta(doc: Record<string, unknown>) {
  return (doc.metadata ?? {}) as { name?: string; namespace?: string };
}

/**
 * Checks manifests like the API server and the functions would: schema of every supported gravitee.io
 * resource, then references between them (a contextRef must name a ManagementContext in the set; a
 * secretRef Secret absent from the set is only a warning, it may exist in the cluster).
 */
export function validateDocuments(documents: ManifestDocument[]): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const contexts = new Set<string>();
  const secrets = new Set<string>();
  for (const { doc } of documents) {
    const m = meta(doc);
    const ns = m.namespace ?? 'default';
    if (doc.kind === 'ManagementContext' && isGravitee(doc)) contexts.add(`${ns}/${m.name}`);
    if (doc.kind === 'Secret' && doc.apiVersion === 'v1') secrets.add(`${ns}/${m.name}`);
  }
  for (const { file, index, doc } of documents) {
    if (!isGravitee(doc)) continue;
    const resource = describeDocument(doc);
    const at = { file, document: index + 1, resource };
    if (!SUPPORTED.has(String(doc.kind))) {
      problems.push({
        ...at,
        field: 'kind',
        message: `${String(doc.kind)} is not handled by this release`,
        severity: 'warning',
      });
      continue;
    }
    const result = validateResource(doc);
    if (!result.ok) {
      for (const issue of result.issues)
        problems.push({ ...at, field: issue.path, message: issue.message, severity: 'error' });
      continue;
    }
    const ns = meta(doc).namespace ?? 'default';
    const spec = (doc.spec ?? {}) as Record<string, unknown>;
    const contextRef = spec.contextRef as { name?: string; namespace?: string } | undefined;
    if (contextRef?.name) {
      const target = `${contextRef.namespace ?? ns}/${contextRef.name}`;
      if (!contexts.has(target)) {
        problems.push({
          ...at,
          field: 'spec.contextRef',
          message: `ManagementContext ${target} is not among the manifests`,
          severity: 'error',
        });
      }
    }
    for (const field of ['auth', 'cloud']) {
      const ref = (spec[field] as { secretRef?: { name?: string; namespace?: string } } | undefined)
        ?.secretRef;
      if (ref?.name && !secrets.has(`${ref.namespace ?? ns}/${ref.name}`)) {
        problems.push({
          ...at,
          field: `spec.${field}.secretRef`,
          message: `Secret ${ref.namespace ?? ns}/${ref.name} is not among the manifests (it must exist in the cluster)`,
          severity: 'warning',
        });
      }
    }
  }
  return problems;
}

export function formatProblem(p: ValidationProblem): string {
  return `${p.severity === 'error' ? 'error' : 'warning'}: ${p.file} (document ${p.document}): ${p.resource}: ${p.field}: ${p.message}`;
}

export function runValidate(paths: string[], out: (line: string) => void): number {
  const documents = loadManifests(paths);
  const problems = validateDocuments(documents);
  for (const p of problems) out(formatProblem(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const checked = documents.filter((d) => isGravitee(d.doc)).length;
  out(`${checked} gravitee.io resources checked: ${errors} errors, ${problems.length - errors} warnings`);
  return errors > 0 ? 1 : 0;
}
