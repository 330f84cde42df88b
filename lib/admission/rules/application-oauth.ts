import { list, record, text } from '../accessors.ts';
import { type AdmissionIssue, admissionError, fieldPath } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';

/** What APIM allows per OAuth application type (its `applications/types.json`). */
interface OAuthApplicationType {
  label: string;
  allowed: string[];
  mandatory: string[];
  requiresRedirectUris: boolean;
}

/** Keyed by the CRD's `settings.oauth.applicationType`. */
export const OAUTH_APPLICATION_TYPES: Record<string, OAuthApplicationType> = {
  BROWSER: {
    label: 'SPA',
    allowed: ['authorization_code', 'implicit'],
    mandatory: [],
    requiresRedirectUris: true,
  },
  WEB: {
    label: 'Web',
    allowed: ['authorization_code', 'refresh_token', 'implicit'],
    mandatory: ['authorization_code'],
    requiresRedirectUris: true,
  },
  NATIVE: {
    label: 'Native',
    allowed: ['authorization_code', 'refresh_token', 'password', 'implicit'],
    mandatory: ['authorization_code'],
    requiresRedirectUris: true,
  },
  BACKEND_TO_BACKEND: {
    label: 'Backend to backend',
    allowed: ['client_credentials'],
    mandatory: ['client_credentials'],
    requiresRedirectUris: false,
  },
};

/**
 * OAuth settings as APIM validates them: at least one grant type, the type's mandatory grant types,
 * no grant type the type does not allow, redirect URIs where the type needs them, each one a URL.
 */
export function oauthSettingsFitType({ spec }: AdmissionContext): AdmissionIssue[] {
  const oauth = record(spec.settings).oauth;
  if (oauth == null) return [];
  const settings = record(oauth);
  const at = (...rest: Array<string | number>) => fieldPath('spec', 'settings', 'oauth', ...rest);
  const typeName = text(settings.applicationType) ?? '';
  const type = OAUTH_APPLICATION_TYPES[typeName];
  if (!type) return []; // An unknown type is the schema's to report.
  const issues: AdmissionIssue[] = [];
  const grants = list(settings.grantTypes).filter((g): g is string => typeof g === 'string');
  if (grants.length === 0) {
    issues.push(
      admissionError(
        at('grantTypes'),
        `a ${typeName} application needs at least one of ${type.allowed.join(', ')}`,
      ),
    );
  } else {
    const missing = type.mandatory.filter((g) => !grants.includes(g));
    if (missing.length > 0)
      issues.push(admissionError(at('grantTypes'), `a ${typeName} application needs ${missing.join(', ')}`));
    const unknown = grants.filter((g) => !type.allowed.includes(g));
    if (unknown.length > 0) {
      issues.push(
        admissionError(
          at('grantTypes'),
          `${unknown.join(', ')} not allowed for a ${typeName} application (allowed: ${type.allowed.join(', ')})`,
        ),
      );
    }
  }
  const uris = list(settings.redirectUris);
  if (type.requiresRedirectUris && uris.length === 0)
    issues.push(admissionError(at('redirectUris'), `a ${typeName} application needs redirect URIs`));
  uris.forEach((uri, index) => {
    if (typeof uri === 'string' && !uri.includes('[[') && !URL.canParse(uri))
      issues.push(admissionError(at('redirectUris', index), `"${uri}" is not a URL`));
  });
  return issues;
}
