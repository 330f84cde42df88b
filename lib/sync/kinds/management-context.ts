import { contextTargetOf, MANAGEMENT_CONTEXT } from '../context-target.ts';
import type { KindSync } from '../kind-sync.ts';
import { resolveDocument } from '../resolution.ts';
import { validatedSpec } from '../spec-validation.ts';
import { acceptedStatus } from '../status.ts';

/**
 * ManagementContext: nothing to write in APIM. Applying one checks that its environment exists and its
 * credentials are accepted (Management API v2 environment probe), then re-syncs the resources that use it.
 */
export const managementContextSync: KindSync = {
  kind: MANAGEMENT_CONTEXT,

  references: () => [],
  // Every kind that syncs with APIM reaches it through a context: deleting it first would strand them.
  deletionBlockedBy: [
    'ApiV4Definition',
    'ApiDefinition',
    'Application',
    'Group',
    'SharedPolicyGroup',
    'Dictionary',
    'Portal',
  ],

  async apply({ key, data, ctx }) {
    const doc = await resolveDocument(data, ctx.sealer);
    validatedSpec(MANAGEMENT_CONTEXT, doc.spec);
    const target = contextTargetOf(doc, key.namespace);
    const environment = await ctx.apim(target).probeEnvironment();
    const as = target.auth ? `with ${target.auth.type} credentials` : 'without credentials';
    const status = acceptedStatus(
      {},
      data.metadata.generation,
      ctx.now(),
      `APIM environment ${environment.name ?? environment.id ?? target.environmentId} of organization ${target.organizationId} reachable at ${target.baseUrl} ${as}`,
    );
    return { status, resyncDependents: true };
  },

  async remove() {
    return { result: 'never-synced', message: 'a ManagementContext exists only in the cluster' };
  },
};
