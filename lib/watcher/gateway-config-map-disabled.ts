import { mergeDefinitionContext } from '../apim/payload/definition-context.ts';
import type { Logger } from '../log/logger.ts';
import type { ClusterApi, ClusterObject, ResourceType } from '../ports/cluster.ts';

/**
 * True for an API that gateways are meant to read from its ConfigMap ("DB-less"): a v4 API whose
 * `definitionContext.syncFrom` is `KUBERNETES`, a v2 API with `local: true`.
 */
export function syncsFromKubernetes(kind: string, object: ClusterObject): boolean {
  const spec = object.spec ?? {};
  if (kind === 'ApiV4Definition') {
    const context = spec.definitionContext as { origin?: string; syncFrom?: string } | undefined;
    return mergeDefinitionContext(context).syncFrom === 'KUBERNETES';
  }
  return kind === 'ApiDefinition' && spec.local === true;
}

/** Reason of the Warning Event recorded on a DB-less API whose ConfigMap is not written. */
export const GATEWAY_CONFIG_MAP_DISABLED_REASON = 'GatewayConfigMapDisabled';

function disabledMessage(kind: string): string {
  const setting = kind === 'ApiV4Definition' ? 'definitionContext.syncFrom is KUBERNETES' : 'local is true';
  const alternative =
    kind === 'ApiV4Definition' ? 'set definitionContext.syncFrom to MANAGEMENT' : 'set local to false';
  return (
    `gateway ConfigMap not written: ${setting}, but the watcher runs with GSO_GATEWAY_CONFIGMAPS=false, so ` +
    'gateways that read APIs from Kubernetes will not deploy this API. Set GSO_GATEWAY_CONFIGMAPS=true on ' +
    'the watcher and grant it list/create/update/delete on configmaps, or ' +
    `${alternative} to let gateways read it from APIM`
  );
}

/**
 * What the watcher does with DB-less APIs when it must not write gateway ConfigMaps: it records a Warning
 * Event on the API saying so and how to enable it, once per generation (not on every status change or
 * resync), so the API is never silently left undeployed.
 */
export class DisabledGatewayConfigMapNotice {
  private readonly cluster: Pick<ClusterApi, 'recordEvent'>;
  private readonly logger: Logger;
  /** Generation last reported, per API uid. */
  private readonly reported = new Map<string, number>();

  constructor(cluster: Pick<ClusterApi, 'recordEvent'>, logger: Logger) {
    this.cluster = cluster;
    this.logger = logger;
  }

  /** Reports the API if it is DB-less and this generation was not reported yet; true when it did. */
  async onUpsert(type: ResourceType, object: ClusterObject): Promise<boolean> {
    const { uid, generation = 0, deletionTimestamp, namespace, name } = object.metadata;
    if (deletionTimestamp || !syncsFromKubernetes(type.kind, object)) return false;
    if (this.reported.get(uid) === generation) return false;
    const message = disabledMessage(type.kind);
    this.logger.warn('gateway ConfigMap not written: disabled by GSO_GATEWAY_CONFIGMAPS', {
      resource: `${type.kind}/${namespace}/${name}`,
      generation,
    });
    try {
      await this.cluster.recordEvent(type, object, {
        type: 'Warning',
        reason: GATEWAY_CONFIG_MAP_DISABLED_REASON,
        action: 'GatewayConfigMap',
        message,
      });
      this.reported.set(uid, generation);
      return true;
    } catch (error) {
      // Not remembered: the next change of the API tries again.
      this.logger.warn('could not record an event', { reason: GATEWAY_CONFIG_MAP_DISABLED_REASON, error });
      return false;
    }
  }

  /** The API is gone: forget it. */
  forget(object: ClusterObject): void {
    this.reported.delete(object.metadata.uid);
  }
}
