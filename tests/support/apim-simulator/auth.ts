import { type HttpErrorBody, httpError } from './http-errors.ts';

/** Credentials the simulated APIM accepts: a personal/service-account token, basic credentials, or both. */
export interface SimulatorCredentials {
  readonly bearerToken?: string;
  readonly basic?: { readonly username: string; readonly password: string };
}

/** Outcome of checking the `Authorization` header. */
export type AuthOutcome =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly status: 401;
      readonly body: HttpErrorBody;
      readonly headers: Record<string, string>;
    };

// Realm APIM's automation security configuration announces for HTTP basic.
const BASIC_CHALLENGE = 'Basic realm="Gravitee.io Management API"';

/** The scheme of an `Authorization` header (`Bearer`, `Basic`…), never its secret part. */
export function authScheme(header: string | undefined): string | undefined {
  const scheme = header?.trim().split(/\s+/)[0];
  return scheme ? scheme : undefined;
}

/**
 * Checks the `Authorization` header against the accepted credentials. APIM rejects in its Spring Security
 * chain: an unknown bearer token gets a bare 401 from its token filter, while missing or wrong basic
 * credentials go through the basic entry point, which adds a challenge. The servlet error body is not
 * guaranteed to be JSON, so the simulator answers with the spec's `HttpError` shape.
 */
export function authenticate(header: string | undefined, credentials: SimulatorCredentials): AuthOutcome {
  const scheme = authScheme(header)?.toLowerCase();
  const value = (header ?? '')
    .trim()
    .slice(scheme?.length ?? 0)
    .trim();
  if (scheme === 'bearer') {
    return credentials.bearerToken !== undefined && value === credentials.bearerToken
      ? { ok: true }
      : rejected(false);
  }
  if (scheme === 'basic' && credentials.basic && value === encodeBasic(credentials.basic)) {
    return { ok: true };
  }
  return rejected(true);
}

function rejected(challenge: boolean): AuthOutcome {
  return {
    ok: false,
    status: 401,
    body: httpError(401, 'Unauthorized'),
    headers: challenge ? { 'www-authenticate': BASIC_CHALLENGE } : {},
  };
}

function encodeBasic(basic: { readonly username: string; readonly password: string }): string {
  return Buffer.from(`${basic.username}:${basic.password}`, 'utf8').toString('base64');
}
