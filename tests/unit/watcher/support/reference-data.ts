import { join } from 'node:path';
import { loadManifests, type ManifestDocument } from '../../../../lib/manifests/load-manifests.ts';
import type { ClusterObject } from '../../../../lib/ports/cluster.ts';
import type { ReferenceReaders } from '../../../../lib/watcher/secret-collector.ts';
import { examplesRoot } from '../../crds/gko-reference.ts';

/** Secrets and ConfigMaps held in memory by `namespace/name`, with a journal of reads. */
export interface ReferenceData {
  secrets: Map<string, Record<string, string>>;
  configMaps: Map<string, Record<string, string>>;
  /** `Secret ns/name` / `ConfigMap ns/name`, one line per read. */
  reads: string[];
  /** Reads of these `Kind ns/name` fail as a forbidden API call would. */
  forbidden: Set<string>;
  readers: ReferenceReaders;
}

/** In-memory readers over Secrets and ConfigMaps, failing on the ones marked forbidden. */
export function referenceData(
  secrets: Record<string, Record<string, string>> = {},
  configMaps: Record<string, Record<string, string>> = {},
): ReferenceData {
  const data: ReferenceData = {
    secrets: new Map(Object.entries(secrets)),
    configMaps: new Map(Object.entries(configMaps)),
    reads: [],
    forbidden: new Set(),
    readers: {
      readSecret: async (namespace, name) => read('Secret', data.secrets, namespace, name),
      readConfigMap: async (namespace, name) => read('ConfigMap', data.configMaps, namespace, name),
    },
  };
  const read = (
    kind: string,
    store: Map<string, Record<string, string>>,
    namespace: string,
    name: string,
  ) => {
    const id = `${kind} ${namespace}/${name}`;
    data.reads.push(id);
    if (data.forbidden.has(id)) throw new Error(`${kind.toLowerCase()}s "${name}" is forbidden`);
    const found = store.get(`${namespace}/${name}`);
    return found ? { ...found } : undefined;
  };
  return data;
}

/** The documents of GKO example files, read in place (paths relative to the examples folder). */
export function gkoExampleDocuments(...files: string[]): ManifestDocument[] {
  return loadManifests(files.map((file) => join(examplesRoot, file)));
}

/** Secrets and ConfigMaps of example documents, decoded as the API server would serve them. */
export function referenceDataOf(documents: ManifestDocument[], namespace = 'default'): ReferenceData {
  const data = referenceData();
  for (const { doc } of documents) {
    const meta = doc.metadata as { name: string; namespace?: string };
    const id = `${meta.namespace ?? namespace}/${meta.name}`;
    if (doc.kind === 'Secret') {
      const decoded: Record<string, string> = {};
      for (const [k, v] of Object.entries((doc.data ?? {}) as Record<string, string>))
        decoded[k] = Buffer.from(v, 'base64').toString('utf8');
      data.secrets.set(id, { ...decoded, ...((doc.stringData ?? {}) as Record<string, string>) });
    } else if (doc.kind === 'ConfigMap') {
      data.configMaps.set(id, { ...((doc.data ?? {}) as Record<string, string>) });
    }
  }
  return data;
}

/** The first gravitee.io object of the documents, as the API server hands it to the watcher. */
export function clusterObjectOf(
  documents: ManifestDocument[],
  kind: string,
  namespace = 'default',
): ClusterObject & { kind: string } {
  const found = documents.find(({ doc }) => doc.kind === kind);
  if (!found) throw new Error(`no ${kind} in the documents`);
  const meta = found.doc.metadata as { name: string; annotations?: Record<string, string> };
  return {
    apiVersion: 'gravitee.io/v1alpha1',
    kind,
    metadata: {
      name: meta.name,
      namespace,
      uid: `uid-${meta.name}`,
      resourceVersion: '7',
      generation: 1,
      ...(meta.annotations ? { annotations: meta.annotations } : {}),
    },
    spec: structuredClone(found.doc.spec as Record<string, unknown>),
  };
}
