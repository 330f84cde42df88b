import { isTemplated, list, record, text } from '../accessors.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';

/** Claims of a Gravitee Cloud token the operator needs: organization, environments, geography. */
interface CloudClaims {
  org: string;
  envs: string[];
  geography: string;
}

function claimsOf(token: string): CloudClaims | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = record(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    const envs = list(claims.envs).filter((e): e is string => typeof e === 'string');
    const org = text(claims.org);
    const geography = text(claims.cpg);
    if (!org || !geography || envs.length === 0) return undefined;
    return { org, envs, geography };
  } catch {
    return undefined;
  }
}

/**
 * An inline Gravitee Cloud token must be a JWT carrying an organization (`org`), environments (`envs`)
 * and a geography (`cpg`). Without `environmentId` the token must hold a single environment; with it,
 * the token must hold that one. A token kept in a Secret is checked when the context is synced.
 */
export function cloudTokenFitsContext({ spec }: AdmissionContext): AdmissionIssue[] {
  const token = text(record(spec.cloud).token);
  if (!token || isTemplated(token)) return [];
  const claims = claimsOf(token);
  if (!claims)
    return [
      admissionError('spec.cloud.token', 'not a Gravitee Cloud token (a JWT with org, envs and cpg claims)'),
    ];
  const environmentId = text(spec.environmentId);
  if (environmentId === undefined && claims.envs.length > 1) {
    return [
      admissionError(
        'spec.environmentId',
        `the cloud token holds ${claims.envs.length} environments; choose one`,
      ),
    ];
  }
  if (environmentId !== undefined && !isTemplated(environmentId) && !claims.envs.includes(environmentId)) {
    return [
      admissionError(
        'spec.environmentId',
        `the cloud token does not hold environment "${environmentId}" (it holds ${claims.envs.join(', ')})`,
      ),
    ];
  }
  return [];
}
