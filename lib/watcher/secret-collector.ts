import type { ClusterObject } from '../ports/cluster.ts';
import { collectClientCertificates } from './client-certificate-secrets.ts';
import { collectManagementContextSecrets } from './management-context-secrets.ts';
import { type CollectedSecrets, SpecSecrets } from './spec-secrets.ts';
import { ReferenceLookup, type ReferenceReaders } from './templating/reference-reader.ts';
import { resolveSpecTemplates } from './templating/resolve-spec-templates.ts';
import { isTemplatedKind } from './templating/templated-kinds.ts';

export type { CollectedSecrets } from './spec-secrets.ts';
export type { ReferenceProblem, ValueReference } from './templating/reference-problem.ts';
export type { ConfigMapReader, ReferenceReaders, SecretReader } from './templating/reference-reader.ts';

/** How secrets are collected for one build: readers, and GKO's templating switch (on by default). */
export interface CollectOptions extends ReferenceReaders {
  /** GKO's `ENABLE_TEMPLATING`: false leaves `[[ … ]]` strings as they are. */
  templating?: boolean;
}

/** Per-kind knowledge of where secret material sits in a spec, applied after templating. */
type KindCollector = (object: ClusterObject, doc: SpecSecrets, lookup: ReferenceLookup) => Promise<void>;

const kindCollectors: Record<string, KindCollector> = {
  ManagementContext: collectManagementContextSecrets,
  Application: collectClientCertificates,
};

/**
 * Takes the secret material out of an object's spec, in GKO's order: templates first (any kind but
 * Notification), then the kind's own references (ManagementContext credentials and `secretRef`s,
 * Application certificate refs) on the rendered spec. Each Secret or ConfigMap is read once per call.
 *
 * @example
 * const collected = await collectSecrets('ApiV4Definition', object, { readSecret, readConfigMap });
 * // collected.spec has '<sealed>' where a template read a Secret; collected.values holds what to seal.
 */
export async function collectSecrets(
  kind: string,
  object: ClusterObject,
  options: CollectOptions,
): Promise<CollectedSecrets> {
  const doc = new SpecSecrets(object.spec);
  const lookup = new ReferenceLookup(options);
  if (options.templating !== false && isTemplatedKind(kind))
    await resolveSpecTemplates(doc, object.metadata.namespace, lookup);
  await kindCollectors[kind]?.(object, doc, lookup);
  return doc.collected(lookup.references());
}
