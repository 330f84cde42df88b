import type { ClusterObject } from '../ports/cluster.ts';
import { pointerSegment } from '../sync/resolution.ts';
import { type SpecSecrets, valueAt } from './spec-secrets.ts';
import { referenceProblem } from './templating/reference-problem.ts';
import type { ReferenceLookup } from './templating/reference-reader.ts';
import { specLocation } from './templating/spec-location.ts';

const INLINE_CONTEXT_SECRETS = [
  ['auth', 'bearerToken'],
  ['auth', 'credentials', 'username'],
  ['auth', 'credentials', 'password'],
  ['cloud', 'token'],
];

/** Keys read from a ManagementContext's referenced Secrets (GKO's key names). */
const CONTEXT_SECRET_KEYS: Record<string, string[]> = {
  auth: ['bearerToken', 'username', 'password'],
  cloud: ['cloudToken'],
};

/**
 * ManagementContext: inline credentials and cloud token (templated or not), and the values of the Secrets
 * named by `auth.secretRef` and `cloud.secretRef`, sealed under `/refs/secrets/<namespace>/<name>/<key>`.
 */
export async function collectManagementContextSecrets(
  object: ClusterObject,
  doc: SpecSecrets,
  lookup: ReferenceLookup,
): Promise<void> {
  for (const path of INLINE_CONTEXT_SECRETS) {
    const value = valueAt(doc.spec, path);
    // A well-formed template whose Secret is missing is no credential: it stays readable beside its problem.
    // Anything else is sealed, including text that fails to parse as a template (it may be a password).
    if (typeof value === 'string' && value !== '' && !doc.isUnresolved(path)) doc.sealField(path);
  }
  for (const [field, keys] of Object.entries(CONTEXT_SECRET_KEYS)) {
    const ref = valueAt(doc.spec, [field, 'secretRef']) as { name?: string; namespace?: string } | undefined;
    if (!ref?.name) continue;
    const reference = {
      kind: 'Secret' as const,
      namespace: ref.namespace ?? object.metadata.namespace,
      name: ref.name,
    };
    const result = await lookup.read(reference);
    if (result.status !== 'found') {
      const at = specLocation([field, 'secretRef']);
      doc.report(referenceProblem(at, result.status === 'not-found' ? 'NotFound' : 'Unreadable', reference));
      continue;
    }
    const data = result.data;
    const usable =
      field === 'cloud'
        ? data.cloudToken !== undefined
        : data.bearerToken !== undefined || (data.username !== undefined && data.password !== undefined);
    if (!usable) {
      // The Secret is there but holds none of the keys GKO reads: a spec (or Secret) change fixes it, so the
      // function reports it as terminal; a later Secret update re-forwards the context.
      const at = specLocation([field, 'secretRef']);
      const wanted = field === 'cloud' ? '"cloudToken"' : '"bearerToken", or "username" and "password"';
      doc.report({
        ...at,
        reason: 'KeyNotFound',
        reference,
        recoverable: false,
        message: `${at.field}: Secret ${reference.namespace}/${reference.name} has no ${wanted} key`,
      });
      continue;
    }
    for (const key of keys) {
      const value = data[key];
      if (value === undefined) continue;
      const { namespace, name } = reference;
      doc.sealReferencedValue(
        `/refs/secrets/${pointerSegment(namespace)}/${pointerSegment(name)}/${pointerSegment(key)}`,
        value,
      );
    }
  }
}
