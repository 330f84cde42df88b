import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../apim/payload/canonical-json.ts';
import type { Logger } from '../log/logger.ts';
import type { ManifestDocument } from '../manifests/load-manifests.ts';
import {
  type ClusterApi,
  type ClusterConfigMap,
  ClusterConflictError,
  type ClusterObject,
  type EventType,
  type ResourceType,
  type WatchHandle,
  type WatchHandlers,
} from '../ports/cluster.ts';

interface Watcher {
  type: ResourceType;
  namespace: string | undefined;
  handlers: WatchHandlers;
}

/** A Kubernetes Event as local mode records it. */
export interface RecordedEvent {
  kind: string;
  namespace: string;
  name: string;
  type: EventType;
  reason: string;
  message: string;
}

/**
 * A cluster made of manifest files, for `gso dev` without a cluster: each `load()` of the directory's
 * documents is applied like `kubectl apply` (generation bumps on spec change) and objects whose documents
 * disappeared are deleted (held by finalizers until the status writer releases them). Status, Events and
 * finalizers live in memory.
 */
export class ManifestCluster implements ClusterApi {
  private readonly objects = new Map<string, ClusterObject & { kind: string }>();
  private readonly secrets = new Map<string, Record<string, string>>();
  /** `data` of the ConfigMaps in the manifests, by `namespace/name`. */
  private readonly configMaps = new Map<string, Record<string, string>>();
  /** ConfigMaps the operator wrote (gateway ConfigMaps), kept across loads like objects of a cluster. */
  private readonly writtenConfigMaps = new Map<string, ClusterConfigMap>();
  private readonly watchers: Watcher[] = [];
  readonly events: RecordedEvent[] = [];
  private version = 0;
  private readonly logger: Logger;
  private readonly defaultNamespace: string;

  constructor(options: { logger: Logger; defaultNamespace?: string }) {
    this.logger = options.logger;
    this.defaultNamespace = options.defaultNamespace ?? 'default';
  }

  private nextVersion(): string {
    this.version += 1;
    return String(this.version);
  }

  /** Applies the documents found now; documents gone since the last load are deleted. */
  load(documents: ManifestDocument[]): void {
    const seen = new Set<string>();
    this.secrets.clear();
    this.configMaps.clear();
    for (const { doc } of documents) {
      const meta = (doc.metadata ?? {}) as {
        name?: string;
        namespace?: string;
        labels?: Record<string, string>;
        annotations?: Record<string, string>;
      };
      if (!meta.name || typeof doc.kind !== 'string') continue;
      const namespace = meta.namespace ?? this.defaultNamespace;
      if (doc.apiVersion === 'v1' && doc.kind === 'Secret') {
        const data: Record<string, string> = {};
        for (const [k, v] of Object.entries((doc.data ?? {}) as Record<string, string>))
          data[k] = Buffer.from(v, 'base64').toString('utf8');
        Object.assign(data, doc.stringData ?? {});
        this.secrets.set(`${namespace}/${meta.name}`, data);
        continue;
      }
      if (doc.apiVersion === 'v1' && doc.kind === 'ConfigMap') {
        // GKO reads only `data`; `binaryData` is not a templating source.
        const data: Record<string, string> = {};
        for (const [k, v] of Object.entries((doc.data ?? {}) as Record<string, unknown>)) data[k] = String(v);
        this.configMaps.set(`${namespace}/${meta.name}`, data);
        continue;
      }
      if (doc.apiVersion !== 'gravitee.io/v1alpha1') continue;
      const key = `${doc.kind}/${namespace}/${meta.name}`;
      seen.add(key);
      const spec = (doc.spec ?? {}) as Record<string, unknown>;
      const existing = this.objects.get(key);
      if (existing && !existing.metadata.deletionTimestamp) {
        const specChanged = canonicalJson(existing.spec) !== canonicalJson(spec);
        const metaChanged =
          canonicalJson(existing.metadata.annotations ?? {}) !== canonicalJson(meta.annotations ?? {}) ||
          canonicalJson(existing.metadata.labels ?? {}) !== canonicalJson(meta.labels ?? {});
        if (!specChanged && !metaChanged) continue;
        existing.spec = spec;
        existing.metadata.labels = meta.labels ?? {};
        existing.metadata.annotations = meta.annotations ?? {};
        if (specChanged) existing.metadata.generation = (existing.metadata.generation ?? 1) + 1;
        existing.metadata.resourceVersion = this.nextVersion();
        this.emit('upsert', existing);
        continue;
      }
      const object = {
        kind: doc.kind,
        apiVersion: 'gravitee.io/v1alpha1',
        metadata: {
          name: meta.name,
          namespace,
          uid: createHash('sha256')
            .update(`${key}/${this.version}`)
            .digest('hex')
            .slice(0, 32)
            .replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'),
          resourceVersion: this.nextVersion(),
          generation: 1,
          labels: meta.labels ?? {},
          annotations: meta.annotations ?? {},
          finalizers: [],
        },
        spec,
        status: {},
      };
      this.objects.set(key, object);
      this.emit('upsert', object);
    }
    for (const [key, object] of this.objects) {
      if (!seen.has(key) && !object.metadata.deletionTimestamp) this.deleteObject(key, object);
    }
  }

  private deleteObject(key: string, object: ClusterObject & { kind: string }): void {
    if ((object.metadata.finalizers ?? []).length === 0) {
      this.objects.delete(key);
      this.emit('delete', object);
      return;
    }
    object.metadata.deletionTimestamp = new Date().toISOString();
    object.metadata.resourceVersion = this.nextVersion();
    this.emit('upsert', object);
  }

  private emit(what: 'upsert' | 'delete', object: ClusterObject & { kind: string }): void {
    for (const w of this.watchers) {
      if (w.type.kind !== object.kind) continue;
      if (w.namespace && w.namespace !== object.metadata.namespace) continue;
      const copy = structuredClone(object);
      queueMicrotask(() => (what === 'upsert' ? w.handlers.onUpsert(copy) : w.handlers.onDelete(copy)));
    }
  }

  list(kind?: string): Array<ClusterObject & { kind: string }> {
    return [...this.objects.values()].filter((o) => !kind || o.kind === kind).map((o) => structuredClone(o));
  }

  async watch(
    type: ResourceType,
    namespace: string | undefined,
    handlers: WatchHandlers,
  ): Promise<WatchHandle> {
    const watcher: Watcher = { type, namespace, handlers };
    this.watchers.push(watcher);
    for (const object of this.objects.values()) {
      if (object.kind === type.kind && (!namespace || namespace === object.metadata.namespace)) {
        handlers.onUpsert(structuredClone(object));
      }
    }
    return {
      restart: async () => {},
      stop: async () => {
        const i = this.watchers.indexOf(watcher);
        if (i >= 0) this.watchers.splice(i, 1);
      },
      list: () => this.list(type.kind).filter((o) => !namespace || o.metadata.namespace === namespace),
    };
  }

  async get(type: ResourceType, namespace: string, name: string): Promise<ClusterObject | undefined> {
    const object = this.objects.get(`${type.kind}/${namespace}/${name}`);
    return object ? structuredClone(object) : undefined;
  }

  async replaceFinalizers(
    type: ResourceType,
    object: ClusterObject,
    finalizers: string[],
  ): Promise<ClusterObject> {
    const key = `${type.kind}/${object.metadata.namespace}/${object.metadata.name}`;
    const current = this.objects.get(key);
    if (!current || current.metadata.resourceVersion !== object.metadata.resourceVersion) {
      throw new ClusterConflictError(`${key} changed`);
    }
    current.metadata.finalizers = [...finalizers];
    current.metadata.resourceVersion = this.nextVersion();
    if (current.metadata.deletionTimestamp && finalizers.length === 0) {
      this.objects.delete(key);
      this.emit('delete', current);
    } else this.emit('upsert', current);
    return structuredClone(current);
  }

  async patchStatus(type: ResourceType, namespace: string, name: string, status: Record<string, unknown>) {
    const current = this.objects.get(`${type.kind}/${namespace}/${name}`);
    if (!current) return;
    current.status = { ...(current.status ?? {}), ...status };
    current.metadata.resourceVersion = this.nextVersion();
    this.emit('upsert', current);
  }

  async readSecret(namespace: string, name: string) {
    const data = this.secrets.get(`${namespace}/${name}`);
    return data ? { ...data } : undefined;
  }

  async readConfigMap(namespace: string, name: string) {
    const data = this.configMaps.get(`${namespace}/${name}`);
    return data ? { ...data } : undefined;
  }

  async recordEvent(
    type: ResourceType,
    object: ClusterObject,
    event: { type: EventType; reason: string; message: string; action: string },
  ): Promise<void> {
    const recorded = {
      kind: type.kind,
      namespace: object.metadata.namespace,
      name: object.metadata.name,
      ...event,
    };
    this.events.push(recorded);
    this.logger.info('event', recorded as unknown as Record<string, unknown>);
  }

  /** A written ConfigMap, else one from the manifests (data only: it belongs to the user). */
  async getConfigMap(namespace: string, name: string): Promise<ClusterConfigMap | undefined> {
    const key = `${namespace}/${name}`;
    const written = this.writtenConfigMaps.get(key);
    if (written) return structuredClone(written);
    const data = this.configMaps.get(key);
    return data ? { metadata: { name, namespace, resourceVersion: '0' }, data: { ...data } } : undefined;
  }

  async listConfigMaps(namespace: string | undefined, labels: Record<string, string>) {
    return [...this.writtenConfigMaps.values()]
      .filter((c) => !namespace || c.metadata.namespace === namespace)
      .filter((c) => Object.entries(labels).every(([k, v]) => c.metadata.labels?.[k] === v))
      .map((c) => structuredClone(c));
  }

  async applyConfigMap(configMap: ClusterConfigMap): Promise<ClusterConfigMap> {
    const { namespace, name, resourceVersion } = configMap.metadata;
    const key = `${namespace}/${name}`;
    const current = this.writtenConfigMaps.get(key);
    if (
      resourceVersion === undefined
        ? current || this.configMaps.has(key)
        : current?.metadata.resourceVersion !== resourceVersion
    ) {
      throw new ClusterConflictError(`ConfigMap ${key} changed`);
    }
    const stored = structuredClone(configMap);
    stored.metadata.uid = current?.metadata.uid ?? randomUUID();
    stored.metadata.resourceVersion = this.nextVersion();
    this.writtenConfigMaps.set(key, stored);
    // Keys only: a definition may hold values resolved from Secrets.
    this.logger.info('configmap written', { configMap: key, keys: Object.keys(stored.data ?? {}) });
    return structuredClone(stored);
  }

  async deleteConfigMap(
    namespace: string,
    name: string,
    preconditions: { uid?: string; resourceVersion?: string } = {},
  ): Promise<boolean> {
    const key = `${namespace}/${name}`;
    const current = this.writtenConfigMaps.get(key);
    if (!current) return false;
    const { uid, resourceVersion } = preconditions;
    if (
      (uid && uid !== current.metadata.uid) ||
      (resourceVersion && resourceVersion !== current.metadata.resourceVersion)
    ) {
      throw new ClusterConflictError(`ConfigMap ${key} changed`);
    }
    this.writtenConfigMaps.delete(key);
    this.logger.info('configmap deleted', { configMap: key });
    return true;
  }
}
