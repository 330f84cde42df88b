import { payloadHash } from '../apim/payload/canonical-json.ts';
import type { ApimTarget } from '../apim/target.ts';
import { targetFingerprint } from '../apim/target.ts';
import { TerminalError } from '../errors/sync-errors.ts';
import type { ChangeData } from '../events/change-event.ts';
import type { ResourceStatus } from '../events/status-event.ts';
import type { ApimPort, ApimState } from '../ports/apim.ts';
import type { ResourceRecord } from '../registry/resource-record.ts';
import type { ResourceKey } from '../resource-key.ts';
import { checkAdmission } from './admission-check.ts';
import { contextRefKey, referencedTarget } from './context-target.ts';
import type { ApplyInput, ApplyResult, KindSync, RemoveResult, SyncContext } from './kind-sync.ts';
import { wantsOrphan } from './orphan.ts';
import { ReferenceReader } from './referenced.ts';
import { resolveDocument } from './resolution.ts';
import { validatedSpec } from './spec-validation.ts';
import { acceptedStatus } from './status.ts';

/** What a kind's sync works from: the change, the registry's view of references, the sync context. */
export interface KindInput {
  key: ResourceKey;
  data: ChangeData;
  previous: ResourceRecord | undefined;
  refs: ReferenceReader;
  ctx: SyncContext;
}

/** One Automation API upsert: where it goes, what it sends, and the item it creates. */
export interface AutomationRequest {
  /** Collection path relative to the environment root (`applications`, `apis/{apiHrid}/subscriptions`). */
  collection: string;
  /** Item path of the resource (`applications/{hrid}`), for reads and the delete. */
  item: string;
  body: object;
  /** Sends the request another way than the Automation upsert (v2 APIs: Management API v1 import). */
  send?: (apim: ApimPort, options: { dryRun: boolean }) => Promise<ApimState>;
  /** False for collections APIM cannot dry-run (subscriptions): the PUT carries no `dryRun` parameter. */
  dryRunSupported?: boolean;
  /** Worth telling on the Accepted condition (skipped optional references…), synced or unchanged. */
  note?: string;
}

/** Status fields a kind takes from APIM's answer (ids, counts), plus APIM's warnings. */
export type KindStatusFields = Omit<ResourceStatus, 'errors' | 'processingStatus' | 'conditions'> & {
  severe?: string[];
  warnings?: string[];
};

/** The kind-specific part of a sync through the Automation API. */
export interface AutomationKind {
  kind: string;
  /** Resources the spec references (context included), stored so their changes re-sync this one. */
  references(key: ResourceKey, data: ChangeData): ResourceKey[];
  deletionBlockedBy?: readonly string[];
  /**
   * The ManagementContext whose APIM holds this resource; by default the spec's own `contextRef`. Kinds that
   * live under a parent (Subscription under its API) take the parent's. Undefined → not synced with APIM.
   */
  context?(input: KindInput): Promise<ResourceKey | undefined>;
  /** Builds the upsert from the validated spec (defaults applied, secrets restored); resolves references. */
  request(input: KindInput & { spec: Record<string, unknown> }): Promise<AutomationRequest>;
  /**
   * Accepted message for a resource without a context, which then makes no APIM call (a DB-less API the
   * gateway reads from its ConfigMap). Absent: a context is required.
   */
  withoutContext?: (spec: Record<string, unknown>) => string;
  /** Completes APIM's upsert answer when it lacks something the status needs (v4 plan ids). */
  complete?(state: ApimState, request: AutomationRequest, apim: ApimPort): Promise<ApimState>;
  /** Status fields from APIM's answer; by default ids and APIM's errors. */
  status?(state: ApimState, request: AutomationRequest): KindStatusFields;
  /**
   * The item to delete in APIM, or `{ gone }` saying why there is nothing left to delete (its parent went
   * and took it along). By default the item of the request the spec builds.
   */
  deletion?(
    input: KindInput & { spec: Record<string, unknown> },
  ): Promise<
    { item: string; remove?: (apim: ApimPort) => Promise<'deleted' | 'not-found'> } | { gone: string }
  >;
}

const ID_FIELDS = ['id', 'crossId', 'organizationId', 'environmentId'] as const;

/** Ids and errors of an Automation API state document. */
export function defaultStatusFields(state: ApimState): KindStatusFields {
  const fields: KindStatusFields = {};
  for (const name of ID_FIELDS) {
    const value = state[name];
    if (typeof value === 'string' && value !== '') fields[name] = value;
  }
  const errors = (state.errors ?? {}) as { severe?: unknown; warning?: unknown };
  fields.severe = strings(errors.severe);
  fields.warnings = strings(errors.warning);
  return fields;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

async function contextOf(kind: AutomationKind, input: KindInput): Promise<ResourceKey | undefined> {
  return kind.context ? kind.context(input) : contextRefKey(input.key, input.data);
}

async function targetOf(kind: AutomationKind, input: KindInput): Promise<ApimTarget> {
  const contextKey = await contextOf(kind, input);
  if (!contextKey) {
    throw new TerminalError(
      'NoManagementContext',
      `spec.contextRef is required to sync a ${kind.kind} with APIM`,
    );
  }
  return (await referencedTarget(contextKey, input.ctx.registry, input.ctx.sealer)).target;
}

/** Accepted status carrying the last synced fields: nothing to write. */
export function unchangedResult(
  previous: ResourceRecord,
  generation: number,
  ctx: SyncContext,
  hash: string,
  note?: string,
): ApplyResult {
  const {
    conditions: _c,
    errors,
    processingStatus: _p,
    ...fields
  } = previous.status?.status ?? {
    errors: { severe: [], warning: [] },
  };
  return {
    status: acceptedStatus(
      { ...fields, warnings: errors.warning },
      generation,
      ctx.now(),
      `Unchanged: APIM already has this definition${note ? ` (${note})` : ''}`,
    ),
    appliedHash: hash,
    resyncDependents: false,
  };
}

/**
 * A {@link KindSync} for a kind synced through the Automation API: validate the spec, run the admission
 * checks, resolve the context and references, upsert by HRID (no call when target and body are unchanged),
 * map APIM's answer to the status; on delete, honour the orphan policy and treat 404 as done.
 */
export function automationKindSync(kind: AutomationKind): KindSync {
  return {
    kind: kind.kind,
    references: kind.references,
    ...(kind.deletionBlockedBy ? { deletionBlockedBy: kind.deletionBlockedBy } : {}),

    async apply({ key, data, previous, ctx }: ApplyInput): Promise<ApplyResult> {
      const refs = new ReferenceReader(ctx);
      const input: KindInput = { key, data, previous, refs, ctx };
      const doc = await resolveDocument(data, ctx.sealer);
      const spec = validatedSpec(kind.kind, doc.spec);
      const admissionWarnings = await checkAdmission(
        kind.kind,
        key,
        data,
        spec,
        previous,
        refs,
        kind.references(key, data),
        ctx.now(),
      );
      const generation = data.metadata.generation;
      if (kind.withoutContext !== undefined && !(await contextOf(kind, input))) {
        return {
          status: acceptedStatus(
            { warnings: admissionWarnings },
            generation,
            ctx.now(),
            kind.withoutContext(spec),
          ),
          resyncDependents: false,
        };
      }
      const target = await targetOf(kind, input);
      const request = await kind.request({ ...input, spec });
      const hash = payloadHash({
        target: targetFingerprint(target),
        collection: request.collection,
        body: request.body,
      });
      if (!ctx.dryRun && previous?.appliedHash === hash && previous.status?.outcome === 'Synced') {
        return unchangedResult(previous, generation, ctx, hash, request.note);
      }
      const dryRunSupported = request.dryRunSupported !== false;
      if (ctx.dryRun && !dryRunSupported) {
        return {
          status: acceptedStatus(
            {
              warnings: [
                ...admissionWarnings,
                `APIM has no dry run for ${request.collection}: not checked by APIM`,
              ],
            },
            generation,
            ctx.now(),
            'Checked locally only',
          ),
          resyncDependents: false,
        };
      }
      const apim = ctx.apim(target);
      let state = request.send
        ? await request.send(apim, { dryRun: ctx.dryRun })
        : await apim.upsert(request.collection, request.body, dryRunSupported ? { dryRun: ctx.dryRun } : {});
      if (kind.complete && !ctx.dryRun) state = await kind.complete(state, request, apim);
      const { severe = [], warnings = [], ...fields } = (kind.status ?? defaultStatusFields)(state, request);
      if (severe.length > 0) {
        throw new TerminalError('ApimRejected', `APIM reported severe errors: ${severe.join('; ')}`);
      }
      return {
        status: acceptedStatus(
          { ...fields, warnings: [...admissionWarnings, ...warnings] },
          generation,
          ctx.now(),
          `Synced with APIM${request.note ? ` (${request.note})` : ''}`,
        ),
        ...(ctx.dryRun ? {} : { appliedHash: hash }),
        resyncDependents: !ctx.dryRun,
      };
    },

    async remove({ key, data, previous, ctx }: ApplyInput): Promise<RemoveResult> {
      if (wantsOrphan(data.metadata.annotations)) {
        return { result: 'orphaned', message: 'kept in APIM (deletion policy: orphan)' };
      }
      if (!previous?.appliedHash && !previous?.status?.status.id) {
        return { result: 'never-synced', message: 'nothing was created in APIM' };
      }
      const refs = new ReferenceReader(ctx);
      const input: KindInput = { key, data, previous, refs, ctx };
      const doc = await resolveDocument(data, ctx.sealer);
      const spec = doc.spec;
      const deletion = kind.deletion
        ? await kind.deletion({ ...input, spec })
        : { item: (await kind.request({ ...input, spec })).item };
      if ('gone' in deletion) return { result: 'not-found', message: deletion.gone };
      if (kind.withoutContext !== undefined && !(await contextOf(kind, input))) {
        return { result: 'never-synced', message: 'no ManagementContext: nothing was created in APIM' };
      }
      const target = await targetOf(kind, input);
      const apim = ctx.apim(target);
      const result = await (deletion.remove ? deletion.remove(apim) : apim.remove(deletion.item));
      return {
        result,
        message: result === 'deleted' ? `${deletion.item} deleted` : `${deletion.item} was already gone`,
      };
    },
  };
}
