import {
  type AdmissionResource,
  admissionIssues,
  type LookedUpResource,
} from '../admission/admission-issues.ts';
import { MissingReferenceError, TerminalError } from '../errors/sync-errors.ts';
import type { ChangeData } from '../events/change-event.ts';
import { SEALED_PLACEHOLDER } from '../events/sealed.ts';
import type { ResourceRecord } from '../registry/resource-record.ts';
import { type ResourceKey, resourceKeyString } from '../resource-key.ts';
import type { ReferenceReader } from './referenced.ts';

function asAdmissionResource(
  kind: string,
  data: ChangeData,
  spec: Record<string, unknown>,
): AdmissionResource {
  const { name, namespace, annotations, deletionTimestamp } = data.metadata;
  return {
    kind,
    apiVersion: data.apiVersion,
    metadata: {
      name,
      namespace,
      ...(annotations ? { annotations } : {}),
      ...(deletionTimestamp ? { deletionTimestamp } : {}),
    },
    spec,
  };
}

/**
 * The spec as the user wrote it, where the watcher changed it: a client certificate given by `ref` arrives
 * with the referenced value sealed into `content`, which the rules would read as "both set".
 */
function asWritten(kind: string, data: ChangeData, spec: Record<string, unknown>): Record<string, unknown> {
  if (kind !== 'Application') return spec;
  const sent = (data.spec.settings as { tls?: { clientCertificates?: unknown } } | undefined)?.tls
    ?.clientCertificates;
  if (!Array.isArray(sent)) return spec;
  const copy = structuredClone(spec);
  const certificates = (copy.settings as { tls?: { clientCertificates?: unknown } } | undefined)?.tls
    ?.clientCertificates;
  if (!Array.isArray(certificates)) return spec;
  sent.forEach((certificate, i) => {
    const entry = certificate as { ref?: unknown; content?: unknown };
    if (entry.ref && entry.content === SEALED_PLACEHOLDER)
      delete (certificates[i] as { content?: unknown }).content;
  });
  return copy;
}

/**
 * GKO's admission webhook checks, run in the function before anything reaches APIM (there is no webhook):
 * a violation is a terminal failure naming the field; a reference the rules cannot find is a recoverable
 * missing reference. The rules see the resource, its previous accepted spec (immutable fields) and the
 * resources it references, read from the registry. Returns the warnings, which go into the status.
 */
export async function checkAdmission(
  kind: string,
  key: ResourceKey,
  data: ChangeData,
  spec: Record<string, unknown>,
  previous: ResourceRecord | undefined,
  refs: ReferenceReader,
  references: readonly ResourceKey[],
  now: Date,
): Promise<string[]> {
  const known = new Map<string, LookedUpResource>();
  for (const ref of references) {
    const found = await refs.find(ref);
    if (!found) continue;
    const { metadata } = found.record.change.data;
    known.set(resourceKeyString(ref), {
      metadata: {
        name: metadata.name,
        namespace: metadata.namespace,
        ...(metadata.annotations ? { annotations: metadata.annotations } : {}),
        ...(metadata.deletionTimestamp ? { deletionTimestamp: metadata.deletionTimestamp } : {}),
      },
      spec: found.spec,
      ...(found.status ? { status: found.status } : {}),
    });
  }
  const lookup = {
    get: (refKind: string, namespace: string, name: string) =>
      known.get(resourceKeyString({ cluster: key.cluster, kind: refKind, namespace, name })),
  };
  const before =
    previous && previous.generation < data.metadata.generation
      ? asAdmissionResource(kind, previous.change.data, previous.change.data.spec)
      : undefined;
  const issues = admissionIssues(
    asAdmissionResource(kind, data, asWritten(kind, data, spec)),
    lookup,
    before,
    {
      now,
    },
  );
  const errors = issues.filter((issue) => issue.severity === 'error');
  const missing = errors.find((issue) => issue.missingReference);
  if (missing?.missingReference) {
    const { kind: refKind, namespace, name } = missing.missingReference;
    throw new MissingReferenceError(missing.field, `${refKind} ${namespace}/${name}`);
  }
  if (errors.length > 0) {
    throw new TerminalError(
      'AdmissionRejected',
      errors
        .slice(0, 5)
        .map((issue) => `${issue.field}: ${issue.message}`)
        .join('; '),
    );
  }
  return issues
    .filter((issue) => issue.severity === 'warning')
    .map((issue) => `${issue.field}: ${issue.message}`);
}
