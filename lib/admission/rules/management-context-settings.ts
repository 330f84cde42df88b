import { isTemplated, record, text } from '../accessors.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import type { AdmissionContext } from '../rule.ts';

/** Whether the context targets Gravitee Cloud: a cloud token, inline or through a Secret. */
export function isCloudContext(spec: Record<string, unknown>): boolean {
  const cloud = record(spec.cloud);
  return text(cloud.token) !== undefined || text(record(cloud.secretRef).name) !== undefined;
}

function blank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/**
 * Without Gravitee Cloud, a context needs an http(s) `baseUrl`, an `organizationId`, an `environmentId`
 * and `auth` (with Cloud they come from the token).
 */
export function selfHostedContextIsComplete({ spec }: AdmissionContext): AdmissionIssue[] {
  if (isCloudContext(spec)) return [];
  const issues: AdmissionIssue[] = [];
  const baseUrl = spec.baseUrl;
  if (blank(baseUrl))
    issues.push(admissionError('spec.baseUrl', 'required unless the context uses Gravitee Cloud'));
  else if (typeof baseUrl === 'string' && !isTemplated(baseUrl) && !/^https?:\/\/.+$/.test(baseUrl))
    issues.push(admissionError('spec.baseUrl', `"${baseUrl}" is not an http(s) URL`));
  if (blank(spec.organizationId))
    issues.push(admissionError('spec.organizationId', 'required unless the context uses Gravitee Cloud'));
  if (blank(spec.environmentId))
    issues.push(admissionError('spec.environmentId', 'required unless the context uses Gravitee Cloud'));
  if (spec.auth == null)
    issues.push(admissionError('spec.auth', 'required unless the context uses Gravitee Cloud'));
  return issues;
}
