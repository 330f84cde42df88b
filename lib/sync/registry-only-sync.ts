import { canonicalJson, payloadHash } from '../apim/payload/canonical-json.ts';
import type { ChangeData } from '../events/change-event.ts';
import type { ResourceKey } from '../resource-key.ts';
import { checkAdmission } from './admission-check.ts';
import type { KindSync } from './kind-sync.ts';
import { ReferenceReader } from './referenced.ts';
import { resolveDocument } from './resolution.ts';
import { validatedSpec } from './spec-validation.ts';
import { acceptedStatus } from './status.ts';

/** A kind that never calls APIM by itself: its content is folded into the resources that reference it. */
export interface RegistryOnlyKind {
  kind: string;
  /** What its content is used for, in the Accepted message. */
  usedBy: string;
  references(key: ResourceKey, data: ChangeData): ResourceKey[];
  deletionBlockedBy: readonly string[];
  /** What the resource contributes that comes from other resources (a Notification's group names). */
  resolvedContent?(key: ResourceKey, spec: Record<string, unknown>, refs: ReferenceReader): Promise<unknown>;
}

/**
 * ApiResource and Notification (GKO resolves them inside the API controllers): their function validates
 * the spec and runs the admission checks, the registry keeps the accepted spec, and a changed spec re-syncs
 * every API that references it, which then inlines the new content. Deleting one waits while APIs use it.
 */
export function registryOnlyKindSync(kind: RegistryOnlyKind): KindSync {
  return {
    kind: kind.kind,
    references: kind.references,
    deletionBlockedBy: kind.deletionBlockedBy,

    async apply({ key, data, previous, ctx }) {
      const doc = await resolveDocument(data, ctx.sealer);
      const spec = validatedSpec(kind.kind, doc.spec);
      const refs = new ReferenceReader(ctx);
      const warnings = await checkAdmission(
        kind.kind,
        key,
        data,
        spec,
        previous,
        refs,
        kind.references(key, data),
        ctx.now(),
      );
      const resolved = kind.resolvedContent ? await kind.resolvedContent(key, spec, refs) : null;
      // The sealed spec (placeholders, no secret values) and what it resolved to from other resources.
      const hash = payloadHash({ spec: data.spec, resolved });
      let changed = previous?.appliedHash !== hash || previous.status?.outcome !== 'Synced';
      if (!changed && previous && (data.sealed || previous.change.data.sealed)) {
        // Secret values are compared in memory only: a fresh seal of the same values looks different.
        const before = await resolveDocument(previous.change.data, ctx.sealer);
        changed = canonicalJson(before) !== canonicalJson(doc);
      }
      return {
        status: acceptedStatus(
          { warnings },
          data.metadata.generation,
          ctx.now(),
          `Accepted; ${kind.usedBy} (no APIM call of its own)`,
        ),
        ...(ctx.dryRun ? {} : { appliedHash: hash }),
        resyncDependents: changed && !ctx.dryRun,
      };
    },

    async remove() {
      return {
        result: 'never-synced',
        message: `a ${kind.kind} exists only in the cluster and the registry`,
      };
    },
  };
}
