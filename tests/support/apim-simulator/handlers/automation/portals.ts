import { topLevelId } from '../../ids/hrid-to-uuid.ts';
import { type JsonObject, objectItems, stringMember } from '../../json.ts';
import type { HridResourceKind } from '../hrid-resource-kind.ts';
import { KIND } from './kind-names.ts';
import { navigationPathErrors } from './navigation-paths.ts';
import { establishedPortalErrors } from './portal-scope.ts';

/**
 * Next-gen portals through the automation API, as APIM 4.12 handles them:
 * - the id derives from organization + hrid + environment; portals have no crossId;
 * - navigation entries with a blank path are dropped, the others keep only `path` and `displayName`,
 *   and every answer carries the resulting `navigation` (empty when none was sent);
 * - each navigation path must be well formed (severe errors on `navigation[i].path`);
 * - one portal per environment: another hrid once a portal exists is a severe error;
 * - severe errors fail an import with their messages joined by ", "; `errors` appear (unsorted) only
 *   when there are some.
 */
export const portalsKind: HridResourceKind = {
  kind: KIND.portal,
  operations: { createOrUpdate: 'createOrUpdatePortal', get: 'getPortal', delete: 'deletePortal' },
  sanitize: (spec) => ({ ...spec, navigation: navigationOf(spec) }),
  identify: (context, spec) => ({
    id: topLevelId(context.organizationId, context.environment.id, String(spec.hrid)),
  }),
  validate: (context, candidate) => ({
    severe: [
      ...establishedPortalErrors(context, candidate.hrid, 'hrid'),
      ...objectItems(candidate.spec, 'navigation').flatMap((entry, index) =>
        navigationPathErrors(String(entry.path), `navigation[${index}].path`),
      ),
    ],
    warning: [],
  }),
  present: (resource) => ({
    ...resource.spec,
    id: resource.id,
    organizationId: resource.organizationId,
    environmentId: resource.environmentId,
  }),
  importFailure: (severe) => severe.join(', '),
  importErrors: 'when-any',
  sortsErrors: false,
};

function navigationOf(spec: JsonObject): JsonObject[] {
  return objectItems(spec, 'navigation')
    .filter((entry) => (stringMember(entry, 'path') ?? '').trim() !== '')
    .map((entry) => {
      const displayName = stringMember(entry, 'displayName');
      return { path: entry.path, ...(displayName === undefined ? {} : { displayName }) };
    });
}
