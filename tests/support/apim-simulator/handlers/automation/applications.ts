import { ApimHttpError, httpError } from '../../http-errors.ts';
import { topLevelId } from '../../ids/hrid-to-uuid.ts';
import { isJsonObject, type JsonObject, stringMember } from '../../json.ts';
import type { StoredResource } from '../../store/resource-store.ts';
import type { HridResourceKind, StatusErrors } from '../hrid-resource-kind.ts';
import type { HandlerContext } from '../operation-handler.ts';
import { clientCertificateErrors } from './client-certificates.ts';
import { resolveGroupReferences, stringItems } from './group-references.ts';
import { KIND } from './kind-names.ts';
import { unknownMemberWarnings } from './member-references.ts';
import { reopenSubscriptionsOfApplication } from './subscription-lifecycle.ts';

/** Lifecycle status of an application, kept in `StoredResource.internal.status`. */
export type ApplicationStatus = 'ACTIVE' | 'ARCHIVED';

/**
 * Applications through the automation API, as APIM 4.12 handles them:
 * - the id derives from organization + hrid + environment; applications have no crossId;
 * - groups are referenced by id, hrid or name; unknown ones are dropped with a warning, and a read
 *   answers the hrids of the groups kept (a deleted group disappears from them);
 * - members whose user cannot be found are dropped with a warning (every member here: no users exist);
 * - a simple application's `clientId` must be unique among the active applications of the environment;
 *   OAuth settings need dynamic client registration, which is off (APIM's default); TLS client
 *   certificates are checked (see `client-certificates.ts`); `app` and `oauth` together pass validation
 *   (only `app` is checked) but fail the import;
 * - a delete archives: the application stays readable with `status: ARCHIVED` and its subscriptions are
 *   closed; importing it again restores it (its closed subscriptions become pending) unless the spec
 *   says `status: ARCHIVED`, which APIM refuses for an archived application;
 * - imports always answer `errors` (an empty `severe` list included); dry runs only when there are some.
 */
export const applicationsKind: HridResourceKind = {
  kind: KIND.application,
  operations: {
    createOrUpdate: 'createOrUpdateApplications',
    get: 'getApplication',
    delete: 'deleteApplication',
  },
  identify: (context, spec, existing) => ({
    id: existing?.id ?? topLevelId(context.organizationId, context.environment.id, String(spec.hrid)),
  }),
  validate: (context, candidate) => {
    const groups = resolveGroupReferences(context, stringItems(candidate.spec.groups));
    const settings = settingsErrors(context, candidate);
    return {
      severe: settings.severe,
      warning: [
        ...groups.warnings,
        ...unknownMemberWarnings(candidate.spec, context.organizationId),
        ...settings.warning,
      ],
    };
  },
  persist: (context, candidate, existing) => {
    const settings = candidate.spec.settings;
    if (isJsonObject(settings) && isJsonObject(settings.app) && isJsonObject(settings.oauth)) {
      throw new ApimHttpError(
        httpError(400, 'Application is defined with a missing type or multiple types (app / oauth)', {
          technicalCode: 'application.invalid',
        }),
      );
    }
    if (existing && applicationStatus(existing) === 'ARCHIVED') {
      restore(context, existing, candidate);
    }
    const groups = resolveGroupReferences(context, stringItems(candidate.spec.groups)).groups;
    return {
      ...candidate,
      internal: { status: 'ACTIVE', groups: groups.map((group) => group.hrid) },
    };
  },
  present: (resource, view) => ({
    ...(view === 'get' ? exported(resource) : resource.spec),
    id: resource.id,
    organizationId: resource.organizationId,
    environmentId: resource.environmentId,
  }),
  importFailure: (severe) => `Unable to import because of errors [${severe.join(',')}]`,
  retire: (resource) => ({ ...resource, internal: { ...resource.internal, status: 'ARCHIVED' } }),
  cascades: [
    {
      // Deleting a group removes it from every application of the environment.
      deletedKind: KIND.group,
      apply: (context, group) => {
        for (const application of context.store.list(KIND.application, group.environmentId)) {
          const groups = stringItems(application.internal?.groups);
          if (groups.includes(group.hrid)) {
            context.store.put({
              ...application,
              internal: { ...application.internal, groups: groups.filter((hrid) => hrid !== group.hrid) },
            });
          }
        }
      },
    },
  ],
};

/** The lifecycle status of a stored application. */
export function applicationStatus(resource: StoredResource): ApplicationStatus {
  return resource.internal?.status === 'ARCHIVED' ? 'ARCHIVED' : 'ACTIVE';
}

/**
 * An import of an archived application restores it when the spec asks for an active one (`status`
 * defaults to ACTIVE); asking to keep it archived is a change APIM refuses.
 */
function restore(context: HandlerContext, existing: StoredResource, candidate: StoredResource): void {
  if (candidate.spec.status === 'ARCHIVED') {
    const name = stringMember(existing.spec, 'name') ?? existing.hrid;
    throw new ApimHttpError(
      httpError(400, `Application [${name}] is archived and cannot be modified.`, {
        technicalCode: 'application.archived',
        parameters: { application: name },
      }),
    );
  }
  reopenSubscriptionsOfApplication(context.store, existing.environmentId, existing.hrid);
}

function settingsErrors(context: HandlerContext, candidate: StoredResource): StatusErrors {
  const settings = candidate.spec.settings;
  const errors: StatusErrors = { severe: [], warning: [] };
  if (!isJsonObject(settings)) {
    return errors;
  }
  if (isJsonObject(settings.app)) {
    errors.severe.push(...clientIdErrors(context, candidate, stringMember(settings.app, 'clientId') ?? ''));
  } else if (isJsonObject(settings.oauth)) {
    errors.severe.push(
      `configuring OAuth requires client registration to be enabled on environment [${context.environment.id}]`,
    );
  }
  const tls = clientCertificateErrors(settings.tls);
  errors.severe.push(...tls.severe);
  errors.warning.push(...tls.warning);
  return errors;
}

function clientIdErrors(context: HandlerContext, candidate: StoredResource, clientId: string): string[] {
  if (clientId === '') {
    return [];
  }
  const owner = context.store
    .list(KIND.application, candidate.environmentId)
    .filter((application) => application.id !== candidate.id && applicationStatus(application) === 'ACTIVE')
    .find((application) => simpleClientId(application) === clientId);
  if (!owner) {
    return [];
  }
  const name = stringMember(owner.spec, 'name') ?? owner.hrid;
  return [
    `client id [${clientId}] is already defined for application [${name}] with id [${owner.id}] on environment [${candidate.environmentId}]`,
  ];
}

/** The client id of a simple application, if it has one. */
export function simpleClientId(application: StoredResource): string | undefined {
  const settings = application.spec.settings;
  return isJsonObject(settings) && isJsonObject(settings.app)
    ? stringMember(settings.app, 'clientId')
    : undefined;
}

/** The stored application as a read exports it: lifecycle status, groups kept, no unresolved members. */
function exported(resource: StoredResource): JsonObject {
  const { members: _dropped, ...spec } = resource.spec;
  const groups = stringItems(resource.internal?.groups);
  return {
    ...spec,
    ...(groups.length > 0 || spec.groups !== undefined ? { groups } : {}),
    status: applicationStatus(resource),
  };
}
