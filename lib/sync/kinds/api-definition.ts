import { apiV2Id } from '../../apim/payload/api-v2-identity.ts';
import { toApiV2ImportBody } from '../../apim/payload/api-v2-import-body.ts';
import type { ApiV2DefinitionResource, ApiV2PreviousStatus } from '../../apim/payload/api-v2-resource.ts';
import { type ApiV2ImportAnswer, toApiV2Status } from '../../apim/payload/api-v2-status.ts';
import { TerminalError } from '../../errors/sync-errors.ts';
import type { ResourceRecord } from '../../registry/resource-record.ts';
import type { ResourceKey } from '../../resource-key.ts';
import { apiReferenceKeys, resolveApiReferences } from '../api-references.ts';
import { type AutomationKind, automationKindSync } from '../automation-sync.ts';
import { contextRefKey } from '../context-target.ts';

const KIND = 'ApiDefinition';

function resourceOf(key: ResourceKey, uid: string, spec: Record<string, unknown>): ApiV2DefinitionResource {
  return {
    metadata: { name: key.name, namespace: key.namespace, uid },
    spec: spec as ApiV2DefinitionResource['spec'],
  };
}

/** Ids APIM answered last time: they win over derived ones, as in GKO. */
function previousIds(previous: ResourceRecord | undefined): ApiV2PreviousStatus {
  const status = previous?.status?.status;
  return {
    ...(status?.id ? { id: status.id } : {}),
    ...(status?.crossId ? { crossId: status.crossId } : {}),
    ...(status?.plans ? { plans: status.plans } : {}),
  };
}

/**
 * ApiDefinition (v2 API): imported through the Management API v1 (`PUT apis/import-crd`, dry run supported),
 * deleted with `DELETE apis/{id}?closePlans=true`, on the APIM of the referenced ManagementContext. References
 * (ApiResource, Group, Notification) are resolved first. Without a context it is DB-less (`local: true`
 * gateways read its ConfigMap). Deleting it waits while Subscriptions use it.
 */
export const apiDefinitionKind: AutomationKind = {
  kind: KIND,
  deletionBlockedBy: ['Subscription'],
  withoutContext(spec) {
    if (spec.local !== true) {
      throw new TerminalError(
        'NoManagementContext',
        'spec.contextRef is required unless spec.local is true (DB-less API)',
      );
    }
    return 'No ManagementContext: DB-less API, gateways deploy it from ConfigMap of the same name (written by the watcher)';
  },

  references(key, data) {
    const context = contextRefKey(key, data);
    return [...(context ? [context] : []), ...apiReferenceKeys(key, data.spec)];
  },

  async request({ key, data, spec, refs, previous }) {
    const {
      skippedGroups,
      sharedPolicyGroups: _none,
      ...resolved
    } = await resolveApiReferences(key, spec, refs);
    const body = toApiV2ImportBody(resourceOf(key, data.metadata.uid, spec), resolved, previousIds(previous));
    return {
      collection: 'apis/import-crd',
      item: `apis/${encodeURIComponent(body.id)}`,
      body,
      send: (apim, options) => apim.importV2Api(body, options),
      ...(skippedGroups.length ? { note: `groups not found and skipped: ${skippedGroups.join(', ')}` } : {}),
    };
  },

  status(state) {
    const { errors, state: apiState, ...ids } = toApiV2Status(state as ApiV2ImportAnswer);
    return {
      ...ids,
      ...(apiState === 'STARTED' || apiState === 'STOPPED' ? { state: apiState } : {}),
      severe: errors.severe,
      warnings: errors.warning,
    };
  },

  async deletion({ key, data, spec, previous }) {
    const id = apiV2Id(resourceOf(key, data.metadata.uid, spec), previousIds(previous));
    return { item: `apis/${encodeURIComponent(id)}`, remove: (apim) => apim.deleteV2Api(id) };
  },
};

export const apiDefinitionSync = automationKindSync(apiDefinitionKind);
