import { topLevelCrossId, topLevelId } from '../../ids/hrid-to-uuid.ts';
import { stringMember } from '../../json.ts';
import type { HridResourceKind } from '../hrid-resource-kind.ts';
import { KIND } from './kind-names.ts';

/** Members an update replaces only when it sends them; APIM keeps the stored value otherwise. */
const KEPT_WHEN_OMITTED = ['name', 'description', 'prerequisiteMessage', 'steps'] as const;

/**
 * Shared policy groups through the automation API, as APIM 4.12 handles them:
 * - crossId from organization + hrid (or the `crossId` sent, for promotion), id from crossId + environment;
 * - an empty name is a severe error ("Name is required.");
 * - an update never changes `apiType` nor `phase`, and keeps `description`, `prerequisiteMessage` and
 *   `steps` it does not send; a creation stores `steps: []` when none are sent; the import answer still
 *   echoes the spec as sent;
 * - an import answer carries no `errors`; a dry run only when there are some;
 * - a delete accepts `dryRun`: the hrid must exist (404 otherwise) and nothing is deleted.
 */
export const sharedPolicyGroupsKind: HridResourceKind = {
  kind: KIND.sharedPolicyGroup,
  operations: {
    createOrUpdate: 'createOrUpdatePolicyGroup',
    get: 'getPolicyGroup',
    delete: 'deletePolicyGroup',
  },
  identify: (context, spec, existing) => {
    if (existing) {
      return { id: existing.id, ...(existing.crossId ? { crossId: existing.crossId } : {}) };
    }
    const hrid = String(spec.hrid);
    return {
      id: topLevelId(context.organizationId, context.environment.id, hrid),
      crossId: stringMember(spec, 'crossId') ?? topLevelCrossId(context.organizationId, hrid),
    };
  },
  validate: (_context, candidate) => ({
    severe: (stringMember(candidate.spec, 'name') ?? '') === '' ? ['Name is required.'] : [],
    warning: [],
  }),
  persist: (_context, candidate, existing) => {
    if (!existing) {
      return { ...candidate, spec: { steps: [], ...candidate.spec } };
    }
    const spec = { ...existing.spec };
    for (const member of KEPT_WHEN_OMITTED) {
      if (candidate.spec[member] !== undefined) {
        spec[member] = candidate.spec[member];
      }
    }
    return { ...candidate, spec };
  },
  present: (resource) => {
    const { crossId: _sentCrossId, ...spec } = resource.spec;
    return {
      ...spec,
      id: resource.id,
      ...(resource.crossId ? { crossId: resource.crossId } : {}),
      organizationId: resource.organizationId,
      environmentId: resource.environmentId,
    };
  },
  importFailure: (severe) => `Unable to import because of errors [${severe.join(',')}]`,
  importErrors: 'never',
};
