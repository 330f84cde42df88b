import { registryOnlyKindSync } from '../registry-only-sync.ts';

/**
 * ApiResource: a reusable resource (cache, OAuth2 server, …) that APIs reference from `spec.resources[].ref`.
 * No APIM call of its own; APIs inline it, and a change re-syncs them.
 */
export const apiResourceSync = registryOnlyKindSync({
  kind: 'ApiResource',
  usedBy: 'inlined into the APIs that reference it',
  references: () => [],
  deletionBlockedBy: ['ApiV4Definition', 'ApiDefinition'],
});
