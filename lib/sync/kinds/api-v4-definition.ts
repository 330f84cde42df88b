import type { ApiV4DefinitionResource } from '../../apim/payload/api-v4-resource.ts';
import { apiV4Hrid, toApiV4Spec } from '../../apim/payload/api-v4-spec.ts';
import { type ApiV4State, toApiV4Status } from '../../apim/payload/api-v4-state.ts';
import { mergeDefinitionContext } from '../../apim/payload/definition-context.ts';
import { TerminalError } from '../../errors/sync-errors.ts';
import { apiReferenceKeys, resolveApiReferences } from '../api-references.ts';
import { type AutomationKind, automationKindSync } from '../automation-sync.ts';
import { contextRefKey } from '../context-target.ts';

const KIND = 'ApiV4Definition';
const KIND_CONFIG_MAP_HINT = 'of the same name (written by the watcher)';

function resourceOf(key: { name: string; namespace: string }, uid: string, spec: Record<string, unknown>) {
  return {
    metadata: { name: key.name, namespace: key.namespace, uid },
    spec: spec as ApiV4DefinitionResource['spec'],
  } satisfies ApiV4DefinitionResource;
}

/**
 * ApiV4Definition: upsert through the Automation API keyed by HRID (`<namespace>-<name>`) on the APIM of
 * the referenced ManagementContext, its ApiResource, SharedPolicyGroup, Group and Notification references
 * resolved first. Without a context the API is DB-less: the watcher writes its gateway ConfigMap and no APIM
 * call is made. Deleting it waits while Subscriptions use it.
 */
export const apiV4DefinitionKind: AutomationKind = {
  kind: KIND,
  deletionBlockedBy: ['Subscription'],
  withoutContext(spec) {
    const context = mergeDefinitionContext(
      spec.definitionContext as ApiV4DefinitionResource['spec']['definitionContext'],
    );
    if (context.syncFrom !== 'KUBERNETES') {
      throw new TerminalError(
        'NoManagementContext',
        'spec.contextRef is required unless spec.definitionContext.syncFrom is KUBERNETES (DB-less API)',
      );
    }
    return `No ManagementContext: DB-less API, gateways deploy it from ConfigMap ${KIND_CONFIG_MAP_HINT}`;
  },

  references(key, data) {
    const context = contextRefKey(key, data);
    return [...(context ? [context] : []), ...apiReferenceKeys(key, data.spec)];
  },

  async request({ key, data, spec, refs }) {
    const resolved = await resolveApiReferences(key, spec, refs);
    const body = toApiV4Spec(resourceOf(key, data.metadata.uid, spec), { resolved });
    return {
      collection: 'apis',
      item: `apis/${encodeURIComponent(body.hrid)}`,
      body,
      ...(resolved.skippedGroups.length
        ? { note: `groups not found and skipped: ${resolved.skippedGroups.join(', ')}` }
        : {}),
    };
  },

  async complete(state, request, apim) {
    const body = request.body as { plans?: unknown[] };
    const planCount = Array.isArray(body.plans) ? body.plans.length : 0;
    if (Object.keys(toApiV4Status(state as ApiV4State).plans).length >= planCount) return state;
    // APIM's upsert answer echoes plans without their ids; its read model has them.
    const stored = await apim.read(request.item);
    return stored ? { ...state, plans: stored.plans } : state;
  },

  status(state) {
    const { errors, state: apiState, ...ids } = toApiV4Status(state as ApiV4State);
    return {
      ...ids,
      ...(apiState === 'STARTED' || apiState === 'STOPPED' ? { state: apiState } : {}),
      severe: errors.severe,
      warnings: errors.warning,
    };
  },

  async deletion({ key, data, spec }) {
    const hrid = apiV4Hrid(resourceOf(key, data.metadata.uid, spec));
    return { item: `apis/${encodeURIComponent(hrid)}` };
  },
};

export const apiV4DefinitionSync = automationKindSync(apiV4DefinitionKind);
