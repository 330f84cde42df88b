import type { ClusterObject } from '../ports/cluster.ts';
import { type SpecSecrets, valueAt } from './spec-secrets.ts';
import { referenceProblem, type ValueReference } from './templating/reference-problem.ts';
import type { ReferenceLookup } from './templating/reference-reader.ts';
import { specLocation } from './templating/spec-location.ts';

const CERTIFICATES = ['settings', 'tls', 'clientCertificates'] as const;

/** GKO's certificate ref kinds (the CRD's enum) and the object kind each reads. */
const REF_KINDS: Record<string, ValueReference['kind']> = { secrets: 'Secret', configmaps: 'ConfigMap' };

const asString = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Application client certificates given by `ref` (GKO 4.10+): reads the referenced Secret or ConfigMap key
 * (CRD defaults: kind `secrets`, key `tls.crt`, namespace of the Application) and seals it into the entry's
 * `content`, keeping `ref`, so the function finds every certificate inline. A ref wins over an inline
 * `content`, as in GKO. A missing object or key is a recoverable problem (GKO's ResolveRefError); unlike
 * templating, an empty value is a value.
 */
export async function collectClientCertificates(
  object: ClusterObject,
  doc: SpecSecrets,
  lookup: ReferenceLookup,
): Promise<void> {
  const certificates = valueAt(doc.spec, CERTIFICATES);
  if (!Array.isArray(certificates)) return;
  for (const [index, certificate] of certificates.entries()) {
    const ref = valueAt(certificate, ['ref']) as Record<string, unknown> | undefined;
    if (!ref || typeof ref !== 'object') continue;
    const refPath = [...CERTIFICATES, index, 'ref'];
    // A ref field holding an unresolved template is already reported; its text names no real object.
    if (['kind', 'name', 'key', 'namespace'].some((field) => doc.isUnresolved([...refPath, field]))) continue;
    const at = specLocation(refPath);
    const refKind = asString(ref.kind) ?? 'secrets';
    const reference: ValueReference = {
      kind: REF_KINDS[refKind] ?? 'Secret',
      namespace: asString(ref.namespace) ?? object.metadata.namespace,
      name: asString(ref.name) ?? '',
      key: asString(ref.key) ?? 'tls.crt',
    };
    if (!REF_KINDS[refKind] || !reference.name) {
      doc.report({
        ...at,
        reason: 'InvalidReference',
        recoverable: false,
        message: `${at.field}: ${reference.name ? `unsupported kind "${refKind}" (secrets or configmaps)` : 'name is required'}`,
      });
      continue;
    }
    const result = await lookup.read(reference);
    if (result.status !== 'found') {
      doc.report(referenceProblem(at, result.status === 'not-found' ? 'NotFound' : 'Unreadable', reference));
      continue;
    }
    const content = result.data[reference.key ?? ''];
    if (content === undefined) {
      doc.report(referenceProblem(at, 'KeyNotFound', reference));
      continue;
    }
    doc.sealField([...CERTIFICATES, index, 'content'], content);
  }
}
