import { KubeStatusError, makeStatus, type StatusCause } from './kube-status.ts';
import { groupResourceOf, type ResourceDefinition } from './resource-definition.ts';

/** The real server's optimistic-lock message (`registry.OptimisticLockErrorMsg`). */
export const OPTIMISTIC_LOCK_MESSAGE =
  'the object has been modified; please apply your changes to the latest version and try again';

/** One field error of a 422 Invalid response, as `field.Error` renders it. */
export interface FieldError {
  /** `FieldValueInvalid`, `FieldValueRequired`, `FieldValueForbidden`, … */
  type: string;
  field: string;
  /** What `field.Error.ErrorBody()` prints, e.g. `Required value: name or generateName is required`. */
  body: string;
}

function resourceDetails(definition: ResourceDefinition, name?: string) {
  return { group: definition.group, kind: definition.plural, ...(name ? { name } : {}) };
}

/** 404 `<resource> "<name>" not found` (apierrors.NewNotFound). */
export function notFound(definition: ResourceDefinition, name: string): KubeStatusError {
  return new KubeStatusError(
    makeStatus({
      code: 404,
      reason: 'NotFound',
      message: `${groupResourceOf(definition)} "${name}" not found`,
      details: resourceDetails(definition, name),
    }),
  );
}

/** 404 for a path no resource is served on (what the real server says for unknown resources). */
export function pathNotFound(): KubeStatusError {
  return new KubeStatusError(
    makeStatus({
      code: 404,
      reason: 'NotFound',
      message: 'the server could not find the requested resource',
      details: {},
    }),
  );
}

/** 409 AlreadyExists (apierrors.NewAlreadyExists). */
export function alreadyExists(definition: ResourceDefinition, name: string): KubeStatusError {
  return new KubeStatusError(
    makeStatus({
      code: 409,
      reason: 'AlreadyExists',
      message: `${groupResourceOf(definition)} "${name}" already exists`,
      details: resourceDetails(definition, name),
    }),
  );
}

/** 409 Conflict (apierrors.NewConflict); `cause` defaults to the optimistic-lock message. */
export function conflict(
  definition: ResourceDefinition,
  name: string,
  cause = OPTIMISTIC_LOCK_MESSAGE,
): KubeStatusError {
  return new KubeStatusError(
    makeStatus({
      code: 409,
      reason: 'Conflict',
      message: `Operation cannot be fulfilled on ${groupResourceOf(definition)} "${name}": ${cause}`,
      details: resourceDetails(definition, name),
    }),
  );
}

/**
 * 422 Invalid (apierrors.NewInvalid). `qualifiedKind` is what the server prints before the name:
 * usually the group-kind (`ManagementContext.gravitee.io`), but the group-resource for the
 * "resourceVersion must be specified" error, exactly as the real registry does.
 */
export function invalid(
  qualifiedKind: { group: string; kind: string },
  name: string,
  errors: readonly FieldError[],
): KubeStatusError {
  const printedKind = qualifiedKind.group
    ? `${qualifiedKind.kind}.${qualifiedKind.group}`
    : qualifiedKind.kind;
  const rendered = errors.map((e) => `${e.field}: ${e.body}`);
  const aggregate = rendered.length === 1 ? rendered[0] : `[${rendered.join(', ')}]`;
  const causes: StatusCause[] = errors.map((e) => ({ reason: e.type, message: e.body, field: e.field }));
  return new KubeStatusError(
    makeStatus({
      code: 422,
      reason: 'Invalid',
      message: `${printedKind} "${name}" is invalid: ${aggregate}`,
      details: { name, group: qualifiedKind.group, kind: qualifiedKind.kind, causes },
    }),
  );
}

/**
 * 422 with the generic message the server uses when a JSON patch cannot be applied (failed `test`,
 * missing path…): `NewGenericServerResponse(422, …)` drops the underlying reason.
 */
export function unprocessablePatch(): KubeStatusError {
  return new KubeStatusError(
    makeStatus({
      code: 422,
      reason: 'Invalid',
      message: 'the server rejected our request due to an error in our request',
      details: {},
    }),
  );
}

/** 410 Expired, as a watch from a compacted resourceVersion receives in its ERROR event. */
export function expired(message: string): KubeStatusError {
  return new KubeStatusError(makeStatus({ code: 410, reason: 'Expired', message }));
}

/** 400 BadRequest (apierrors.NewBadRequest). */
export function badRequest(message: string): KubeStatusError {
  return new KubeStatusError(makeStatus({ code: 400, reason: 'BadRequest', message }));
}

/** 401 as the authentication filter sends it. */
export function unauthorized(): KubeStatusError {
  return new KubeStatusError(makeStatus({ code: 401, reason: 'Unauthorized', message: 'Unauthorized' }));
}

/** 403 Forbidden (apierrors.NewForbidden). */
export function forbidden(definition: ResourceDefinition, name: string, cause: string): KubeStatusError {
  const subject = name ? `${groupResourceOf(definition)} "${name}"` : groupResourceOf(definition);
  return new KubeStatusError(
    makeStatus({
      code: 403,
      reason: 'Forbidden',
      message: `${subject} is forbidden: ${cause}`,
      details: resourceDetails(definition, name),
    }),
  );
}

/** 415 for a body or patch Content-Type the endpoint does not accept (negotiation.NewUnsupportedMediaTypeError). */
export function unsupportedMediaType(accepted: readonly string[]): KubeStatusError {
  return new KubeStatusError(
    makeStatus({
      code: 415,
      reason: 'UnsupportedMediaType',
      message: `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
    }),
  );
}

/** 405 for a verb the resource does not support (apierrors.NewMethodNotSupported). */
export function methodNotSupported(definition: ResourceDefinition, action: string): KubeStatusError {
  return new KubeStatusError(
    makeStatus({
      code: 405,
      reason: 'MethodNotAllowed',
      message: `${action} is not supported on resources of kind "${groupResourceOf(definition)}"`,
      details: { group: definition.group, kind: definition.plural },
    }),
  );
}

/** 500 for errors the real server does not wrap in a Status (reason `Unknown`, raw message). */
export function unknownInternal(message: string): KubeStatusError {
  return new KubeStatusError(makeStatus({ code: 500, reason: 'Unknown', message }));
}

/** 500 InternalError (apierrors.NewInternalError). */
export function internalError(message: string): KubeStatusError {
  return new KubeStatusError(
    makeStatus({
      code: 500,
      reason: 'InternalError',
      message: `Internal error occurred: ${message}`,
      details: { causes: [{ message }] },
    }),
  );
}
