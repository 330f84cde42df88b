import type { SimulatorCredentials } from './auth.ts';
import { type ApimVersion, DEFAULT_APIM_VERSION, defaultSpecRoot } from './openapi/spec-location.ts';
import type { EnvironmentFixture, Tenancy, UnknownContextStatus } from './tenancy.ts';

/** How to configure an `ApimSimulator`. Every member is optional. */
export interface ApimSimulatorOptions {
  /** Accepted credentials; defaults to bearer token `simulator-token` and basic `admin`/`admin`. */
  readonly credentials?: SimulatorCredentials;
  /** The organization that exists; `DEFAULT` like a fresh APIM. */
  readonly organizationId?: string;
  /** Environments that exist, as ids or fixtures; `['DEFAULT']` like a fresh APIM. */
  readonly environments?: ReadonlyArray<string | EnvironmentFixture>;
  /** Mount prefix APIM is served under (e.g. `/apim`); `/automation` and `/management/v2` sit below it. */
  readonly basePath?: string;
  /** Answer for unknown organizations/environments; 400 like APIM (see `UnknownContextStatus`). */
  readonly unknownContextStatus?: UnknownContextStatus;
  /** Which release's OpenAPI documents to serve; 4.12.17 by default. */
  readonly apimVersion?: ApimVersion;
  /** Folder holding `<version>/automation/open-api.yaml`…; `<repo>/../shared/apim-openapi` by default. */
  readonly specRoot?: string;
}

/** Options with defaults applied. */
export interface ResolvedOptions {
  readonly credentials: SimulatorCredentials;
  readonly tenancy: Tenancy;
  readonly basePath: string;
  readonly unknownContextStatus: UnknownContextStatus;
  readonly apimVersion: ApimVersion;
  readonly specRoot: string;
}

/** Raised for options that cannot describe an APIM installation. */
export class SimulatorOptionsError extends Error {
  override name = 'SimulatorOptionsError';
}

const DEFAULT_CREDENTIALS: SimulatorCredentials = {
  bearerToken: 'simulator-token',
  basic: { username: 'admin', password: 'admin' },
};

/** Applies defaults and normalizes the mount prefix (leading slash, no trailing slash). */
export function resolveOptions(options: ApimSimulatorOptions = {}): ResolvedOptions {
  const credentials = options.credentials ?? DEFAULT_CREDENTIALS;
  if (credentials.bearerToken === undefined && credentials.basic === undefined) {
    throw new SimulatorOptionsError('credentials must accept a bearer token, basic credentials or both');
  }
  const environments = (options.environments ?? ['DEFAULT']).map((env) =>
    typeof env === 'string' ? { id: env } : env,
  );
  if (environments.length === 0) {
    throw new SimulatorOptionsError('at least one environment must exist');
  }
  return {
    credentials,
    tenancy: { organizationId: options.organizationId ?? 'DEFAULT', environments },
    basePath: normalizeBasePath(options.basePath ?? ''),
    unknownContextStatus: options.unknownContextStatus ?? 400,
    apimVersion: options.apimVersion ?? DEFAULT_APIM_VERSION,
    specRoot: options.specRoot ?? defaultSpecRoot(),
  };
}

function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '');
  if (trimmed === '') {
    return '';
  }
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
