import { TerminalError } from '../errors/sync-errors.ts';

/** Credentials for APIM: a bearer token wins over basic credentials, as in GKO. */
export type ApimAuth =
  | { type: 'bearer'; token: string }
  | { type: 'basic'; username: string; password: string };

/** Where and as whom to call APIM, resolved from a ManagementContext and its secrets. */
export interface ApimTarget {
  baseUrl: string;
  /** Prefix of the Management API (default `/management`; `/apim/rest` for Gravitee Cloud). */
  managementPath: string;
  /** Prefix of the Automation API (default `/automation`; `/apim/automation` for Gravitee Cloud). */
  automationPath: string;
  organizationId: string;
  environmentId: string;
  auth?: ApimAuth;
}

/** The parts of a ManagementContext spec (secrets already unsealed) that decide the target. */
export interface ContextSettings {
  baseUrl?: string;
  path?: string;
  organizationId?: string;
  environmentId?: string;
  bearerToken?: string;
  username?: string;
  password?: string;
  cloudToken?: string;
}

const DEFAULT_MANAGEMENT_PATH = '/management';
const DEFAULT_AUTOMATION_PATH = '/automation';
const CLOUD_MANAGEMENT_PATH = '/apim/rest';
const CLOUD_AUTOMATION_PATH = '/apim/automation';

/** Claims of a Gravitee Cloud token that locate the control plane (read, not verified: APIM verifies). */
interface CloudClaims {
  org?: string;
  envs?: string[];
  cpg?: string;
}

function cloudClaims(token: string, field: string): Required<CloudClaims> {
  const payload = token.split('.')[1];
  let claims: CloudClaims;
  try {
    claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as CloudClaims;
  } catch (error) {
    throw new TerminalError('InvalidCloudToken', `${field} is not a JWT`, { cause: error });
  }
  if (!claims.org || !Array.isArray(claims.envs) || claims.envs.length === 0 || !claims.cpg) {
    throw new TerminalError(
      'InvalidCloudToken',
      `${field} lacks the org, envs or cpg claims of a Gravitee Cloud token`,
    );
  }
  return { org: claims.org, envs: claims.envs, cpg: claims.cpg };
}

/**
 * Resolves the APIM target of a context. A cloud token fixes organisation, environment and, unless
 * `baseUrl` is set, the cloud gate URL of its geography; it then authenticates as a bearer token.
 *
 * @example
 * resolveTarget({ baseUrl: 'http://apim:8083', organizationId: 'DEFAULT', environmentId: 'DEFAULT', bearerToken: 't' })
 * // { baseUrl: 'http://apim:8083', managementPath: '/management', automationPath: '/automation', … }
 */
export function resolveTarget(settings: ContextSettings): ApimTarget {
  if (settings.cloudToken) {
    const claims = cloudClaims(settings.cloudToken, 'spec.cloud');
    let environmentId = settings.environmentId;
    if (!environmentId) {
      if (claims.envs.length > 1) {
        throw new TerminalError(
          'AmbiguousEnvironment',
          `spec.environmentId is required: the cloud token covers ${claims.envs.length} environments`,
        );
      }
      environmentId = claims.envs[0] as string;
    } else if (!claims.envs.includes(environmentId)) {
      throw new TerminalError(
        'UnknownEnvironment',
        `spec.environmentId ${environmentId} is not one of the cloud token's environments (${claims.envs.join(', ')})`,
      );
    }
    return {
      baseUrl: trimSlash(settings.baseUrl || `https://${claims.cpg}.cloudgate.gravitee.io`),
      managementPath: settings.path ?? CLOUD_MANAGEMENT_PATH,
      automationPath: settings.path ?? CLOUD_AUTOMATION_PATH,
      organizationId: claims.org,
      environmentId,
      auth: { type: 'bearer', token: settings.cloudToken },
    };
  }
  if (!settings.baseUrl)
    throw new TerminalError('MissingBaseUrl', 'spec.baseUrl is required without spec.cloud');
  if (!settings.organizationId)
    throw new TerminalError('MissingOrganization', 'spec.organizationId is required');
  if (!settings.environmentId)
    throw new TerminalError('MissingEnvironment', 'spec.environmentId is required');
  let auth: ApimAuth | undefined;
  if (settings.bearerToken) auth = { type: 'bearer', token: settings.bearerToken };
  else if (settings.username !== undefined && settings.password !== undefined) {
    auth = { type: 'basic', username: settings.username, password: settings.password };
  }
  return {
    baseUrl: trimSlash(settings.baseUrl),
    managementPath: settings.path ?? DEFAULT_MANAGEMENT_PATH,
    automationPath: settings.path ?? DEFAULT_AUTOMATION_PATH,
    organizationId: settings.organizationId,
    environmentId: settings.environmentId,
    ...(auth ? { auth } : {}),
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

const seg = encodeURIComponent;

/** `…/automation/organizations/{org}/environments/{env}` for a target. */
export function automationRoot(target: ApimTarget): string {
  return `${target.baseUrl}${target.automationPath}/organizations/${seg(target.organizationId)}/environments/${seg(target.environmentId)}`;
}

/** `…/management/organizations/{org}/environments/{env}` (Management API v1, used for v2 API import). */
export function managementV1Root(target: ApimTarget): string {
  return `${target.baseUrl}${target.managementPath}/organizations/${seg(target.organizationId)}/environments/${seg(target.environmentId)}`;
}

/** `…/management/v2/organizations/{org}/environments/{env}` for a target. */
export function environmentUrl(target: ApimTarget): string {
  return `${target.baseUrl}${target.managementPath}/v2/organizations/${seg(target.organizationId)}/environments/${seg(target.environmentId)}`;
}

/** The non-secret identity of a target; part of the applied-request hash so a new target means a new write. */
export function targetFingerprint(target: ApimTarget): string {
  return `${automationRoot(target)}`;
}

/** `?dryRun=<bool>` for an upsert, or nothing when the collection takes no dry run. */
export function dryRunQuery(options: { dryRun?: boolean }): string {
  return options.dryRun === undefined ? '' : `?dryRun=${options.dryRun}`;
}
