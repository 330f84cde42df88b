import { topLevelId } from '../../ids/hrid-to-uuid.ts';
import type { JsonObject } from '../../json.ts';
import type { StoredResource } from '../../store/resource-store.ts';
import type { HridResourceKind, StateView } from '../hrid-resource-kind.ts';
import { KIND } from './kind-names.ts';
import { unknownMemberWarnings } from './member-references.ts';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Groups (of users) through the automation API, as APIM 4.12 handles them:
 * - the id derives from organization + hrid + environment; groups have no crossId;
 * - `hridContainsUUID=true` (GKO's legacy mode) makes the hrid an existing group id, which must be a UUID;
 * - members whose user cannot be found are dropped with a warning (listed once although APIM checks
 *   them for the API, application and integration roles), so `memberCount` counts only found members:
 *   always 0 here, as the simulator knows no users;
 * - imports always answer `errors` (an empty `severe` list included); dry runs only when there are some;
 * - a read answers `notifyMembers` (true unless the spec turned it off) and the members found.
 */
export const groupsKind: HridResourceKind = {
  kind: KIND.group,
  operations: { createOrUpdate: 'createOrUpdateGroup', get: 'getGroup', delete: 'deleteGroup' },
  uuidModeParam: 'hridContainsUUID',
  identify: (context, spec, existing) => {
    if (existing) {
      return { id: existing.id };
    }
    const hrid = String(spec.hrid);
    const legacy = context.query.get('hridContainsUUID') === 'true';
    return { id: legacy ? hrid : topLevelId(context.organizationId, context.environment.id, hrid) };
  },
  validate: (context, candidate) => ({
    severe: UUID_PATTERN.test(candidate.id) ? [] : ['property [id] must be a valid UUID'],
    warning: [...new Set(unknownMemberWarnings(candidate.spec, context.organizationId))],
  }),
  present: (resource, view) => ({
    ...groupSpec(resource, view),
    id: resource.id,
    organizationId: resource.organizationId,
    environmentId: resource.environmentId,
    // Members APIM could not resolve are not members; the simulator resolves none.
    memberCount: 0,
  }),
  importFailure: (severe) => `Unable to import because of errors [${severe.join(',')}]`,
};

function groupSpec(resource: StoredResource, view: StateView): JsonObject {
  if (view !== 'get') {
    return resource.spec;
  }
  const { members: _dropped, ...spec } = resource.spec;
  return { ...spec, notifyMembers: resource.spec.notifyMembers !== false, members: [] };
}
