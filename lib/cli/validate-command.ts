import { admissionIssues } from '../admission/admission-issues.ts';
import type { AdmissionIssue } from '../admission/issue.ts';
import type { LookedUpResource, ResourceLookup } from '../admission/lookup.ts';
import { kindByName } from '../crds/kinds.ts';
import { validateResource } from '../crds/validate.ts';
import {
  describeDocument,
  isGravitee,
  loadManifests,
  type ManifestDocument,
} from '../manifests/load-manifests.ts';
import { syncs } from '../sync/syncs.ts';

/** One problem found by `gso validate`: where, which resource, which field, what. */
export interface ValidationProblem {
  file: string;
  document: number;
  resource: string;
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

const DEFAULT_NAMESPACE = 'default';

function meta(doc: Record<string, unknown>) {
  return (doc.metadata ?? {}) as { name?: string; namespace?: string };
}

function asResource(doc: Record<string, unknown>): LookedUpResource & { kind: string } {
  return {
    ...doc,
    kind: String(doc.kind),
    metadata: (doc.metadata ?? {}) as LookedUpResource['metadata'],
  };
}

/**
 * The manifests seen as a cluster: what `kubectl apply` of all of them would create. A resource defined
 * twice is the last definition, as the last apply wins.
 */
export function manifestLookup(documents: ManifestDocument[]): ResourceLookup {
  const byKey = new Map<string, LookedUpResource>();
  const byKind = new Map<string, Map<string, LookedUpResource>>();
  for (const { doc } of documents) {
    const { name, namespace } = meta(doc);
    if (!name) continue;
    const kind = String(doc.kind);
    const key = `${namespace ?? DEFAULT_NAMESPACE}/${name}`;
    const resource = asResource(doc);
    byKey.set(`${kind}/${key}`, resource);
    const ofKind = byKind.get(kind) ?? new Map<string, LookedUpResource>();
    ofKind.set(key, resource);
    byKind.set(kind, ofKind);
  }
  return {
    get: (kind, namespace, name) => byKey.get(`${kind}/${namespace}/${name}`),
    list: (kind) => [...(byKind.get(kind)?.values() ?? [])],
  };
}

/** An admission issue in CLI words: a missing reference is one the manifests do not contain. */
function admissionMessage(issue: AdmissionIssue): string {
  const missing = issue.missingReference;
  return missing
    ? `${missing.kind} ${missing.namespace}/${missing.name} is not among the manifests`
    : issue.message;
}

/**
 * Checks manifests like the API server and the functions would: schema of every gravitee.io resource,
 * then GKO's admission rules, with the given manifests standing for the cluster (a Subscription's API
 * and Application, a contextRef's ManagementContext… must be among them). A secretRef Secret absent from
 * the set is only a warning: it may exist in the cluster.
 */
export function validateDocuments(documents: ManifestDocument[]): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const lookup = manifestLookup(documents);
  const secrets = new Set<string>();
  for (const { doc } of documents) {
    const m = meta(doc);
    if (doc.kind === 'Secret' && doc.apiVersion === 'v1')
      secrets.add(`${m.namespace ?? DEFAULT_NAMESPACE}/${m.name}`);
  }
  const handled = new Set(syncs.map((sync) => sync.kind));
  for (const { file, index, doc } of documents) {
    if (!isGravitee(doc)) continue;
    const resource = describeDocument(doc);
    const at = { file, document: index + 1, resource };
    const kind = String(doc.kind);
    if (!kindByName(kind)) {
      problems.push({
        ...at,
        field: 'kind',
        message: `${kind} is not a kind this operator knows`,
        severity: 'warning',
      });
      continue;
    }
    if (!handled.has(kind)) {
      problems.push({
        ...at,
        field: 'kind',
        message: `${kind} is not handled by this release`,
        severity: 'warning',
      });
    }
    const result = validateResource(doc);
    if (!result.ok) {
      for (const issue of result.issues)
        problems.push({ ...at, field: issue.path, message: issue.message, severity: 'error' });
      continue;
    }
    for (const issue of admissionIssues(asResource(doc), lookup)) {
      problems.push({
        ...at,
        field: issue.field,
        message: admissionMessage(issue),
        severity: issue.severity,
      });
    }
    const ns = meta(doc).namespace ?? DEFAULT_NAMESPACE;
    const spec = (doc.spec ?? {}) as Record<string, unknown>;
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
