import type { ApiV4DefinitionResource } from '../apim/payload/api-v4-resource.ts';
import { apiV4Hrid, toApiV4Spec } from '../apim/payload/api-v4-spec.ts';
import { type ApiV4State, toApiV4Status } from '../apim/payload/api-v4-state.ts';
import { payloadHash } from '../apim/payload/canonical-json.ts';
import { type ApimTarget, targetFingerprint } from '../apim/target.ts';
import { kinds } from '../crds/kinds.ts';
import { describeIssues } from '../crds/validate.ts';
import { TerminalError } from '../errors/sync-errors.ts';
import type { ChangeData } from '../events/change-event.ts';
import type { ResourceKey } from '../resource-key.ts';
import { contextRefKey, referencedTarget } from './context-target.ts';
import type { ApplyInput, KindSync } from './kind-sync.ts';
import { wantsOrphan } from './orphan.ts';
import { resolveDocument } from './resolution.ts';
import { acceptedStatus } from './status.ts';

const KIND = 'ApiV4Definition';

function requireContext(key: ResourceKey, data: ChangeData): ResourceKey {
  const contextKey = contextRefKey(key, data);
  if (!contextKey) {
    throw new TerminalError(
      'NoManagementContext',
      'spec.contextRef is required to sync with APIM (a DB-less API without context is not handled by this release)',
    );
  }
  return contextKey;
}

/** Validates the spec against the CRD contract; a violation is terminal and names the field. */
function validSpec(spec: Record<string, unknown>): void {
  const parsed = kinds.ApiV4Definition.spec.safeParse(spec);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error)
      .slice(0, 5)
      .map((i) => `${i.path ? `spec.${i.path}` : 'spec'}: ${i.message}`)
      .join('; ');
    throw new TerminalError('InvalidSpec', issues);
  }
}

async function request(
  input: ApplyInput,
): Promise<{ target: ApimTarget; body: ReturnType<typeof toApiV4Spec> }> {
  const { key, data, ctx } = input;
  const { target } = await referencedTarget(requireContext(key, data), ctx.registry, ctx.sealer);
  const doc = await resolveDocument(data, ctx.sealer);
  validSpec(doc.spec);
  const resource: ApiV4DefinitionResource = {
    metadata: { name: key.name, namespace: key.namespace, uid: data.metadata.uid },
    spec: doc.spec as ApiV4DefinitionResource['spec'],
  };
  return { target, body: toApiV4Spec(resource) };
}

/**
 * ApiV4Definition: upsert through the Automation API keyed by HRID (`<namespace>-<name>`), on the APIM of
 * the referenced ManagementContext. An unchanged request (same target, same body) makes no APIM call.
 */
export const apiV4DefinitionSync: KindSync = {
  kind: KIND,

  references(key, data) {
    const contextKey = contextRefKey(key, data);
    return contextKey ? [contextKey] : [];
  },

  async apply(input) {
    const { data, previous, ctx } = input;
    const { target, body } = await request(input);
    const hash = payloadHash({ target: targetFingerprint(target), body });
    const generation = data.metadata.generation;
    const last = previous?.status;
    if (previous?.appliedHash === hash && last?.outcome === 'Synced') {
      const { conditions: _c, errors, processingStatus: _p, ...fields } = last.status;
      return {
        status: acceptedStatus(
          { ...fields, warnings: errors.warning },
          generation,
          ctx.now(),
          'Unchanged: APIM already has this definition',
        ),
        appliedHash: hash,
        resyncDependents: false,
      };
    }
    const apim = ctx.apim(target);
    const state = (await apim.putApi(body, { dryRun: false })) as ApiV4State;
    const fields = toApiV4Status(state);
    const planCount = Array.isArray(body.plans) ? body.plans.length : 0;
    if (Object.keys(fields.plans).length < planCount) {
      // APIM's upsert answer echoes plans without their ids; its read model has them.
      const stored = (await apim.getApi(body.hrid)) as ApiV4State | undefined;
      if (stored) fields.plans = toApiV4Status(stored).plans;
    }
    if (fields.errors.severe.length > 0) {
      throw new TerminalError(
        'ApimRejected',
        `APIM reported severe errors: ${fields.errors.severe.join('; ')}`,
      );
    }
    const { errors, state: apiState, ...ids } = fields;
    return {
      status: acceptedStatus(
        {
          ...ids,
          ...(apiState === 'STARTED' || apiState === 'STOPPED' ? { state: apiState } : {}),
          warnings: errors.warning,
        },
        generation,
        ctx.now(),
      ),
      appliedHash: hash,
      resyncDependents: false,
    };
  },

  async remove({ key, data, previous, ctx }) {
    if (wantsOrphan(data.metadata.annotations)) {
      return { result: 'orphaned', message: 'kept in APIM (deletion policy: orphan)' };
    }
    const everSynced = Boolean(previous?.appliedHash || previous?.status?.status.id);
    const contextKey = contextRefKey(key, data);
    if (!contextKey || !everSynced) return { result: 'never-synced', message: 'nothing was created in APIM' };
    const { target } = await referencedTarget(contextKey, ctx.registry, ctx.sealer);
    const hrid = apiV4Hrid({ metadata: { name: key.name, namespace: key.namespace }, spec: {} });
    const result = await ctx.apim(target).deleteApi(hrid);
    return { result, message: result === 'deleted' ? `API ${hrid} deleted` : `API ${hrid} was already gone` };
  },
};
