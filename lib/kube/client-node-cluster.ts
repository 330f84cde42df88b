import {
  CoordinationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
  makeInformer,
  PatchStrategy,
  setHeaderOptions,
  type V1ConfigMap,
  type V1Lease,
  V1MicroTime,
  type V1ObjectMeta,
} from '@kubernetes/client-node';
import {
  type ClusterApi,
  type ClusterConfigMap,
  ClusterConflictError,
  type ClusterLease,
  type ClusterObject,
  type EventType,
  type LeaseApi,
  type LeaseSpec,
  type NamespacedObjectMeta,
  type ResourceType,
  type WatchHandle,
  type WatchHandlers,
} from '../ports/cluster.ts';
import { WatchCatchUp } from './watch-catch-up.ts';

const FIELD_MANAGER = 'gravitee-serverless-operator';

function statusCode(error: unknown): number | undefined {
  const e = error as { code?: number; statusCode?: number };
  return e?.code ?? e?.statusCode;
}

/**
 * {@link ClusterApi} over the official `@kubernetes/client-node`: informers for watches (list + watch with
 * resourceVersion resumption and 410 relists), CustomObjectsApi for finalizers and the status subresource,
 * CoreV1Api for Secrets, ConfigMaps and Events, CoordinationV1Api for the leader-election Lease.
 */
export class ClientNodeCluster implements ClusterApi, LeaseApi {
  private readonly kubeConfig: KubeConfig;
  private readonly custom: CustomObjectsApi;
  private readonly core: CoreV1Api;
  private readonly coordination: CoordinationV1Api;
  private readonly component: string;
  private readonly stopCatchUpMs: number;

  /**
   * @param options.component the Events' reporting component
   * @param options.stopCatchUpMs how long stopping a watch may wait for changes already sent (default 5 s)
   */
  constructor(kubeConfig: KubeConfig, options: { component?: string; stopCatchUpMs?: number } = {}) {
    this.kubeConfig = kubeConfig;
    this.custom = kubeConfig.makeApiClient(CustomObjectsApi);
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.coordination = kubeConfig.makeApiClient(CoordinationV1Api);
    this.component = options.component ?? 'gravitee-serverless-operator';
    this.stopCatchUpMs = options.stopCatchUpMs ?? 5_000;
  }

  async watch(
    type: ResourceType,
    namespace: string | undefined,
    handlers: WatchHandlers,
  ): Promise<WatchHandle> {
    const { group, version, plural } = type;
    const path = namespace
      ? `/apis/${group}/${version}/namespaces/${namespace}/${plural}`
      : `/apis/${group}/${version}/${plural}`;
    const list = () =>
      (namespace
        ? this.custom.listNamespacedCustomObject({ group, version, namespace, plural })
        : this.custom.listClusterCustomObject({ group, version, plural })) as Promise<
        KubernetesListObject<KubernetesObject>
      >;
    const informer = makeInformer<KubernetesObject>(this.kubeConfig, path, list);
    const catchUp = new WatchCatchUp();
    // While failed, nothing arrives: a stop then has nothing to wait for.
    let connected = false;
    informer.on('add', (o) => {
      catchUp.delivered(o);
      handlers.onUpsert(o as ClusterObject);
    });
    informer.on('update', (o) => {
      catchUp.delivered(o);
      handlers.onUpsert(o as ClusterObject);
    });
    informer.on('delete', (o) => {
      catchUp.deleted(o);
      handlers.onDelete(o as ClusterObject);
    });
    informer.on('error', (e) => {
      connected = false;
      handlers.onError(e);
    });
    await informer.start();
    connected = true;
    return {
      restart: async () => {
        await informer.start();
        connected = true;
      },
      stop: async () => {
        if (connected) await catchUp.wait(list, () => informer.list(), this.stopCatchUpMs);
        await informer.stop();
      },
      list: () => informer.list() as ClusterObject[],
    };
  }

  async get(type: ResourceType, namespace: string, name: string): Promise<ClusterObject | undefined> {
    try {
      return (await this.custom.getNamespacedCustomObject({
        group: type.group,
        version: type.version,
        namespace,
        plural: type.plural,
        name,
      })) as ClusterObject;
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw error;
    }
  }

  async replaceFinalizers(
    type: ResourceType,
    object: ClusterObject,
    finalizers: string[],
  ): Promise<ClusterObject> {
    // JSON patch guarded by a resourceVersion test: a concurrent writer makes it fail instead of being overwritten.
    const patch = [
      { op: 'test', path: '/metadata/resourceVersion', value: object.metadata.resourceVersion },
      { op: object.metadata.finalizers ? 'replace' : 'add', path: '/metadata/finalizers', value: finalizers },
    ];
    try {
      return (await this.custom.patchNamespacedCustomObject(
        {
          group: type.group,
          version: type.version,
          namespace: object.metadata.namespace,
          plural: type.plural,
          name: object.metadata.name,
          body: patch,
          fieldManager: FIELD_MANAGER,
        },
        setHeaderOptions('Content-Type', PatchStrategy.JsonPatch),
      )) as ClusterObject;
    } catch (error) {
      const code = statusCode(error);
      if (code === 409 || code === 422) {
        throw new ClusterConflictError(
          `${type.kind} ${object.metadata.namespace}/${object.metadata.name} changed since resourceVersion ${object.metadata.resourceVersion}`,
          { cause: error },
        );
      }
      throw error;
    }
  }

  async patchStatus(type: ResourceType, namespace: string, name: string, status: Record<string, unknown>) {
    await this.custom.patchNamespacedCustomObjectStatus(
      {
        group: type.group,
        version: type.version,
        namespace,
        plural: type.plural,
        name,
        body: { status },
        fieldManager: FIELD_MANAGER,
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
  }

  async readSecret(namespace: string, name: string): Promise<Record<string, string> | undefined> {
    try {
      const secret = await this.core.readNamespacedSecret({ namespace, name });
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(secret.data ?? {}))
        out[k] = Buffer.from(v, 'base64').toString('utf8');
      for (const [k, v] of Object.entries(secret.stringData ?? {})) out[k] = v;
      return out;
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw error;
    }
  }

  async readConfigMap(namespace: string, name: string): Promise<Record<string, string> | undefined> {
    try {
      const configMap = await this.core.readNamespacedConfigMap({ namespace, name });
      return { ...(configMap.data ?? {}) };
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw error;
    }
  }

  async recordEvent(
    type: ResourceType,
    object: ClusterObject,
    event: { type: EventType; reason: string; message: string; action: string },
  ): Promise<void> {
    const now = new Date();
    const { namespace, name, uid, resourceVersion } = object.metadata;
    await this.core.createNamespacedEvent({
      namespace,
      body: {
        metadata: { generateName: `${name}.`, namespace },
        involvedObject: {
          apiVersion: `${type.group}/${type.version}`,
          kind: type.kind,
          name,
          namespace,
          uid,
          resourceVersion,
        },
        type: event.type,
        reason: event.reason,
        action: event.action,
        message: event.message.slice(0, 1024),
        source: { component: this.component },
        reportingComponent: this.component,
        reportingInstance: process.env.HOSTNAME ?? this.component,
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
      },
    });
  }

  async getConfigMap(namespace: string, name: string): Promise<ClusterConfigMap | undefined> {
    try {
      return toClusterConfigMap(await this.core.readNamespacedConfigMap({ namespace, name }));
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw error;
    }
  }

  async listConfigMaps(namespace: string | undefined, labels: Record<string, string>) {
    const labelSelector = Object.entries(labels)
      .map(([key, value]) => `${key}=${value}`)
      .join(',');
    const list = namespace
      ? await this.core.listNamespacedConfigMap({ namespace, labelSelector })
      : await this.core.listConfigMapForAllNamespaces({ labelSelector });
    return list.items.map(toClusterConfigMap);
  }

  async applyConfigMap(configMap: ClusterConfigMap): Promise<ClusterConfigMap> {
    const { namespace, name, resourceVersion } = configMap.metadata;
    const body: V1ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', ...structuredClone(configMap) };
    try {
      const stored = resourceVersion
        ? await this.core.replaceNamespacedConfigMap({ namespace, name, body, fieldManager: FIELD_MANAGER })
        : await this.core.createNamespacedConfigMap({ namespace, body, fieldManager: FIELD_MANAGER });
      return toClusterConfigMap(stored);
    } catch (error) {
      const code = statusCode(error);
      // 409: exists on create or changed since resourceVersion; 404: deleted since it was read.
      if (code === 409 || (code === 404 && resourceVersion)) {
        throw new ClusterConflictError(
          `ConfigMap ${namespace}/${name} ${resourceVersion ? `changed since resourceVersion ${resourceVersion}` : 'already exists'}`,
          { cause: error },
        );
      }
      throw error;
    }
  }

  async deleteConfigMap(
    namespace: string,
    name: string,
    preconditions: { uid?: string; resourceVersion?: string } = {},
  ): Promise<boolean> {
    try {
      await this.core.deleteNamespacedConfigMap({ namespace, name, body: { preconditions } });
      return true;
    } catch (error) {
      const code = statusCode(error);
      if (code === 404) return false;
      if (code === 409) {
        throw new ClusterConflictError(`ConfigMap ${namespace}/${name} changed before it could be deleted`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  async getLease(namespace: string, name: string): Promise<ClusterLease | undefined> {
    try {
      return toClusterLease(await this.coordination.readNamespacedLease({ namespace, name }));
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw error;
    }
  }

  async createLease(lease: ClusterLease): Promise<ClusterLease> {
    const { namespace, name } = lease.metadata;
    try {
      return toClusterLease(
        await this.coordination.createNamespacedLease({
          namespace,
          body: toV1Lease(lease),
          fieldManager: FIELD_MANAGER,
        }),
      );
    } catch (error) {
      if (statusCode(error) === 409) {
        throw new ClusterConflictError(`Lease ${namespace}/${name} already exists`, { cause: error });
      }
      throw error;
    }
  }

  async replaceLease(lease: ClusterLease): Promise<ClusterLease> {
    const { namespace, name, resourceVersion } = lease.metadata;
    // Without a resourceVersion the PUT would be unconditional and could overwrite another holder.
    if (!resourceVersion)
      throw new Error(`Lease ${namespace}/${name}: a replace needs the resourceVersion read`);
    try {
      return toClusterLease(
        await this.coordination.replaceNamespacedLease({
          namespace,
          name,
          body: toV1Lease(lease),
          fieldManager: FIELD_MANAGER,
        }),
      );
    } catch (error) {
      const code = statusCode(error);
      // 409: changed since resourceVersion; 404: deleted since it was read.
      if (code === 409 || code === 404) {
        throw new ClusterConflictError(
          `Lease ${namespace}/${name} changed since resourceVersion ${resourceVersion}`,
          {
            cause: error,
          },
        );
      }
      throw error;
    }
  }
}

/** A MicroTime as client-node hands it over: the raw string, or a Date when it was parsed. */
function timeString(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value instanceof Date ? value.toISOString() : String(value);
}

function toClusterLease(lease: V1Lease): ClusterLease {
  const meta = lease.metadata ?? {};
  const spec = lease.spec ?? {};
  const out: LeaseSpec = {};
  if (spec.holderIdentity !== undefined) out.holderIdentity = spec.holderIdentity;
  if (spec.leaseDurationSeconds !== undefined) out.leaseDurationSeconds = spec.leaseDurationSeconds;
  const acquireTime = timeString(spec.acquireTime as Date | string | undefined);
  if (acquireTime !== undefined) out.acquireTime = acquireTime;
  const renewTime = timeString(spec.renewTime as Date | string | undefined);
  if (renewTime !== undefined) out.renewTime = renewTime;
  if (spec.leaseTransitions !== undefined) out.leaseTransitions = spec.leaseTransitions;
  return {
    metadata: namespacedMetadata(meta),
    spec: out,
  };
}

/** The identity, version and labels of a namespaced object, without the fields client-node leaves undefined. */
function namespacedMetadata(meta: V1ObjectMeta): NamespacedObjectMeta {
  return {
    name: meta.name ?? '',
    namespace: meta.namespace ?? '',
    ...(meta.uid ? { uid: meta.uid } : {}),
    ...(meta.resourceVersion ? { resourceVersion: meta.resourceVersion } : {}),
    ...(meta.labels ? { labels: meta.labels } : {}),
    ...(meta.annotations ? { annotations: meta.annotations } : {}),
  };
}

/** The API server parses Lease times as RFC 3339 with exactly six fractional digits (`MicroTime`). */
function toV1Lease(lease: ClusterLease): V1Lease {
  const { acquireTime, renewTime, ...spec } = lease.spec;
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: structuredClone(lease.metadata),
    spec: {
      ...spec,
      ...(acquireTime ? { acquireTime: new V1MicroTime(acquireTime) } : {}),
      ...(renewTime ? { renewTime: new V1MicroTime(renewTime) } : {}),
    },
  };
}

function toClusterConfigMap(configMap: V1ConfigMap): ClusterConfigMap {
  const meta = configMap.metadata ?? {};
  return {
    metadata: {
      ...namespacedMetadata(meta),
      ...(meta.ownerReferences ? { ownerReferences: meta.ownerReferences } : {}),
      ...(meta.finalizers ? { finalizers: meta.finalizers } : {}),
    },
    ...(configMap.data ? { data: configMap.data } : {}),
  };
}
