import { canonicalJson, sha256Hex } from '../apim/payload/canonical-json.ts';
import type { Logger } from '../log/logger.ts';
import {
  type ClusterApi,
  type ClusterConfigMap,
  ClusterConflictError,
  type ClusterObject,
  type OwnerReference,
  type ResourceType,
} from '../ports/cluster.ts';
import {
  GATEWAY_CONFIG_MAP_LABELS,
  type GatewayConfigMapKind,
  gatewayConfigMapIntent,
  hasGatewayConfigMap,
  isGatewayConfigMapOf,
} from './gateway-config-map.ts';
import { readGatewayConfigMapSources } from './gateway-config-map-sources.ts';

/** What a call to the writer did. */
export type GatewayConfigMapOutcome =
  /** Not an API kind. */
  | 'skipped'
  | 'created'
  | 'updated'
  /** Already as it should be (nothing written). */
  | 'unchanged'
  | 'deleted'
  /** Should not exist and does not. */
  | 'absent'
  /** Left as it is (see {@link GatewayConfigMapIntent} `hold`). */
  | 'held'
  /** A ConfigMap of that name belongs to someone else: not touched. */
  | 'refused'
  /** The API server failed; logged and reported on the API, retried on the next change or resync. */
  | 'failed';

export interface GatewayConfigMapWriterOptions {
  logger: Logger;
  /** Resource types the watcher knows: where referenced ManagementContexts, ApiResources, … are read. */
  kinds: readonly ResourceType[];
  /** GKO's `ENABLE_TEMPLATING`: false writes `[[ … ]]` strings as they are. Default true. */
  templating?: boolean;
  /** Attempts of a write that keeps losing races. Default 5. */
  maxAttempts?: number;
}

const keyOf = (namespace: string, name: string) => `${namespace}/${name}`;

function isGraviteeOwner(owner: OwnerReference): boolean {
  return owner.apiVersion.startsWith('gravitee.io/');
}

/** Digest of what the operator owns in a gateway ConfigMap: its labels, gravitee.io owner, data. */
function contentDigest(configMap: ClusterConfigMap): string {
  const labels = configMap.metadata.labels ?? {};
  return sha256Hex(
    canonicalJson({
      labels: Object.fromEntries(Object.keys(GATEWAY_CONFIG_MAP_LABELS).map((k) => [k, labels[k] ?? null])),
      owners: (configMap.metadata.ownerReferences ?? []).filter(isGraviteeOwner),
      data: configMap.data ?? {},
    }),
  );
}

/**
 * Keeps the gateway ConfigMaps of DB-less APIs in line with their resources, in the cluster, as GKO's
 * controller does: the watcher calls it on every upsert and delete of `ApiV4Definition` and
 * `ApiDefinition` objects (status changes included: with a context, the ConfigMap follows APIM's
 * acceptance).
 *
 * - Idempotent: the content last written or seen is remembered by digest, so an unchanged API costs no
 *   API call; `verify` (the periodic resync) re-reads and repairs a ConfigMap changed or deleted by hand.
 * - Conflict-safe: creates fail if someone created it first, replaces and deletes are conditional on the
 *   version read; a lost race re-reads and decides again.
 * - Careful: a ConfigMap of the same name without the gateway labels, or owned by another gravitee.io
 *   kind, is never overwritten or deleted (GKO would); a Warning Event on the API says so.
 * - Never throws: failures are logged and reported as a Warning Event on the API.
 */
export class GatewayConfigMapWriter {
  private readonly cluster: ClusterApi;
  private readonly options: GatewayConfigMapWriterOptions;
  /** ConfigMaps known to exist and be ours, with the digest of their content. */
  private readonly known = new Map<string, string>();
  /** Digest last refused per ConfigMap, so a refusal is reported once, not on every status change. */
  private readonly refused = new Map<string, string>();

  constructor(cluster: ClusterApi, options: GatewayConfigMapWriterOptions) {
    this.cluster = cluster;
    this.options = options;
  }

  /**
   * Learns the gateway ConfigMaps that exist (one list call per namespace, `undefined` = all), so that
   * ConfigMaps of APIs switched to MANAGEMENT or stopped while the watcher was away are removed too.
   */
  async prime(namespaces: ReadonlyArray<string | undefined>): Promise<void> {
    for (const namespace of namespaces) {
      try {
        for (const configMap of await this.cluster.listConfigMaps(namespace, {
          ...GATEWAY_CONFIG_MAP_LABELS,
        })) {
          this.known.set(
            keyOf(configMap.metadata.namespace, configMap.metadata.name),
            contentDigest(configMap),
          );
        }
      } catch (error) {
        this.options.logger.warn('could not list gateway ConfigMaps', {
          namespace: namespace ?? 'all',
          error,
        });
      }
    }
  }

  /** Brings the API's ConfigMap in line with the object (created, updated, deleted or left alone). */
  async onUpsert(
    type: ResourceType,
    object: ClusterObject,
    options: { verify?: boolean } = {},
  ): Promise<GatewayConfigMapOutcome> {
    const kind = type.kind;
    if (!hasGatewayConfigMap(kind)) return 'skipped';
    // Being deleted: the ConfigMap stays until the API is gone (GKO: garbage-collected with its owner).
    if (object.metadata.deletionTimestamp) return 'held';
    const key = keyOf(object.metadata.namespace, object.metadata.name);
    const verify = options.verify ?? false;
    try {
      let intent = gatewayConfigMapIntent(kind, object);
      if (intent.action === 'apply') {
        const sources = await readGatewayConfigMapSources(this.cluster, this.options.kinds, kind, object, {
          templating: this.options.templating ?? true,
        });
        if (sources.problems.length > 0) {
          this.options.logger.warn('gateway ConfigMap not written: unresolved references', {
            configMap: key,
            problems: sources.problems,
          });
          return 'held';
        }
        intent = gatewayConfigMapIntent(kind, sources.object, sources.inputs);
      }
      switch (intent.action) {
        case 'hold':
          return 'held';
        case 'delete':
          // Only ConfigMaps known to exist (written, or listed at start): no read per API and event.
          if (!this.known.has(key)) return 'absent';
          return await this.remove(kind, object, intent.reason);
        case 'apply':
          return await this.write(type, object, intent.configMap, verify);
      }
    } catch (error) {
      return this.fail(type, object, 'write', error);
    }
  }

  /** The API is gone: its ConfigMap goes too (the API server's garbage collector would, eventually). */
  async onDelete(type: ResourceType, object: ClusterObject): Promise<GatewayConfigMapOutcome> {
    const kind = type.kind;
    if (!hasGatewayConfigMap(kind)) return 'skipped';
    if (!this.known.has(keyOf(object.metadata.namespace, object.metadata.name))) return 'absent';
    try {
      return await this.remove(kind, object, 'api deleted');
    } catch (error) {
      return this.fail(type, object, 'delete', error);
    }
  }

  private async write(
    type: ResourceType,
    object: ClusterObject,
    desired: ClusterConfigMap,
    verify: boolean,
  ): Promise<GatewayConfigMapOutcome> {
    const kind = type.kind as GatewayConfigMapKind;
    const { namespace, name } = desired.metadata;
    const key = keyOf(namespace, name);
    const digest = contentDigest(desired);
    if (!verify && this.known.get(key) === digest) return 'unchanged';
    if (!verify && this.refused.get(key) === digest) return 'refused';
    for (let attempt = 1; attempt <= (this.options.maxAttempts ?? 5); attempt++) {
      const existing = await this.cluster.getConfigMap(namespace, name);
      try {
        if (!existing) {
          await this.cluster.applyConfigMap(desired);
          return this.written(key, digest, 'created');
        }
        if (!isGatewayConfigMapOf(existing, kind, name)) return await this.refuse(type, object, key, digest);
        if (contentDigest(existing) === digest) return this.written(key, digest, 'unchanged');
        await this.cluster.applyConfigMap({
          metadata: {
            ...existing.metadata,
            labels: { ...existing.metadata.labels, ...desired.metadata.labels },
            // Owners that are not gravitee.io objects (someone else's) are kept.
            ownerReferences: [
              ...(existing.metadata.ownerReferences ?? []).filter((o) => !isGraviteeOwner(o)),
              ...(desired.metadata.ownerReferences ?? []),
            ],
          },
          data: desired.data ?? {},
        });
        return this.written(key, digest, 'updated');
      } catch (error) {
        if (!(error instanceof ClusterConflictError)) throw error;
      }
    }
    throw new Error(`ConfigMap ${key} kept changing while it was written`);
  }

  private written(key: string, digest: string, outcome: 'created' | 'updated' | 'unchanged') {
    this.known.set(key, digest);
    this.refused.delete(key);
    if (outcome !== 'unchanged') this.options.logger.info(`gateway ConfigMap ${outcome}`, { configMap: key });
    return outcome;
  }

  private async remove(
    kind: string,
    object: ClusterObject,
    reason: string,
  ): Promise<GatewayConfigMapOutcome> {
    const { namespace, name, uid } = object.metadata;
    const key = keyOf(namespace, name);
    for (let attempt = 1; attempt <= (this.options.maxAttempts ?? 5); attempt++) {
      const existing = await this.cluster.getConfigMap(namespace, name);
      const ours =
        existing &&
        isGatewayConfigMapOf(existing, kind as GatewayConfigMapKind, name) &&
        // A successor of the same name (new uid) may already own it: leave it to that one.
        (existing.metadata.ownerReferences ?? []).filter(isGraviteeOwner).every((o) => o.uid === uid);
      if (!existing || !ours) {
        this.known.delete(key);
        return 'absent';
      }
      try {
        const { uid: cmUid, resourceVersion } = existing.metadata;
        const deleted = await this.cluster.deleteConfigMap(namespace, name, {
          ...(cmUid ? { uid: cmUid } : {}),
          ...(resourceVersion ? { resourceVersion } : {}),
        });
        this.known.delete(key);
        if (deleted) this.options.logger.info('gateway ConfigMap deleted', { configMap: key, reason });
        return deleted ? 'deleted' : 'absent';
      } catch (error) {
        if (!(error instanceof ClusterConflictError)) throw error;
      }
    }
    throw new Error(`ConfigMap ${key} kept changing while it was deleted`);
  }

  private async refuse(
    type: ResourceType,
    object: ClusterObject,
    key: string,
    digest: string,
  ): Promise<GatewayConfigMapOutcome> {
    this.known.delete(key);
    if (this.refused.get(key) === digest) return 'refused';
    this.refused.set(key, digest);
    const message = `ConfigMap ${key} exists and is not the gateway ConfigMap of this API (labels ${Object.entries(
      GATEWAY_CONFIG_MAP_LABELS,
    )
      .map(([k, v]) => `${k}=${v}`)
      .join(
        ', ',
      )}, owner ${type.kind} ${object.metadata.name}): left untouched, gateways will not deploy the API`;
    this.options.logger.warn('gateway ConfigMap refused', { configMap: key });
    await this.report(type, object, 'GatewayConfigMapConflict', message);
    return 'refused';
  }

  private async fail(
    type: ResourceType,
    object: ClusterObject,
    action: 'write' | 'delete',
    error: unknown,
  ): Promise<GatewayConfigMapOutcome> {
    const key = keyOf(object.metadata.namespace, object.metadata.name);
    // Unknown state now: the next change or resync reads it again.
    this.known.delete(key);
    this.options.logger.warn(`could not ${action} the gateway ConfigMap`, { configMap: key, error });
    const reason = error instanceof Error ? error.message : String(error);
    await this.report(
      type,
      object,
      'GatewayConfigMapFailed',
      `could not ${action} ConfigMap ${key}: ${reason}`,
    );
    return 'failed';
  }

  private async report(type: ResourceType, object: ClusterObject, reason: string, message: string) {
    await this.cluster
      .recordEvent(type, object, { type: 'Warning', reason, message, action: 'GatewayConfigMap' })
      .catch((error: unknown) => this.options.logger.warn('could not record an event', { reason, error }));
  }
}
