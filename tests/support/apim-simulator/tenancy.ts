import { type HttpErrorBody, httpError } from './http-errors.ts';

/** An environment the simulated APIM knows. APIM resolves environments by id or by one of their hrids. */
export interface EnvironmentFixture {
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly hrids?: readonly string[];
}

/** The organization and environments that exist. */
export interface Tenancy {
  readonly organizationId: string;
  readonly environments: readonly EnvironmentFixture[];
}

/**
 * How an unknown organization or environment is answered. `400` is what APIM does: its context filter
 * runs before authentication and answers `400 Invalid organization or environment`. `404` answers with
 * APIM's `EnvironmentNotFoundException`/`OrganizationNotFoundException` payloads instead.
 */
export type UnknownContextStatus = 400 | 404;

/** The resolved request context, or the error to answer with. */
export type ContextResolution =
  | { readonly ok: true; readonly organizationId: string; readonly environment: EnvironmentFixture }
  | { readonly ok: false; readonly status: number; readonly body: HttpErrorBody };

/**
 * Resolves `orgId`/`envId` path parameters. Returns `undefined` when the route names no environment.
 * Without `orgId` (e.g. `/management/v2/environments/{envId}`) the environment's organization applies.
 */
export function resolveContext(
  tenancy: Tenancy,
  pathParams: Readonly<Record<string, string>>,
  unknownStatus: UnknownContextStatus,
): ContextResolution | undefined {
  const { orgId, envId } = pathParams;
  if (envId === undefined) {
    return undefined;
  }
  if (orgId !== undefined && orgId !== tenancy.organizationId) {
    return unknownContext(unknownStatus, 'Organization', 'organization', orgId);
  }
  const environment = tenancy.environments.find((env) => env.id === envId || env.hrids?.includes(envId));
  if (!environment) {
    return unknownContext(unknownStatus, 'Environment', 'environment', envId);
  }
  return { ok: true, organizationId: tenancy.organizationId, environment };
}

function unknownContext(
  status: UnknownContextStatus,
  label: string,
  parameter: string,
  value: string,
): ContextResolution {
  if (status === 400) {
    return { ok: false, status, body: httpError(400, 'Invalid organization or environment') };
  }
  return {
    ok: false,
    status,
    body: httpError(404, `${label} [${value}] cannot be found.`, {
      technicalCode: `${parameter}.notFound`,
      parameters: { [parameter]: value },
    }),
  };
}
