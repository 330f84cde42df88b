import { isTemplated, list, record, text } from '../accessors.ts';
import { type AdmissionIssue, admissionError, admissionWarning, fieldPath } from '../issue.ts';
import { parseRfc3339 } from '../rfc3339.ts';
import type { AdmissionContext } from '../rule.ts';

/** A PEM block: armour lines around base64 text. */
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\s+([A-Za-z0-9+/=\s]+?)\s*-----END \1-----/;

const TLS = ['spec', 'settings', 'tls'] as const;

/**
 * Client certificates for MTLS plans: the deprecated `clientCertificate` (warned about, must be PEM) or
 * the `clientCertificates` list, not both. Each list entry has either `content` or a `ref` to a
 * Secret/ConfigMap; inline contents are unique; `startsAt` comes before `endsAt`. Templated values are
 * only known after compilation and are not inspected.
 */
export function clientCertificatesAreValid({ spec }: AdmissionContext): AdmissionIssue[] {
  const tls = record(record(spec.settings).tls);
  const single = text(tls.clientCertificate);
  const certificates = list(tls.clientCertificates);
  if (single !== undefined && certificates.length > 0) {
    return [admissionError(fieldPath(...TLS), 'clientCertificate and clientCertificates cannot both be set')];
  }
  const issues: AdmissionIssue[] = [];
  if (single !== undefined) {
    const field = fieldPath(...TLS, 'clientCertificate');
    if (!isTemplated(single) && !PEM_BLOCK.test(single))
      issues.push(admissionError(field, 'not a PEM certificate'));
    issues.push(admissionWarning(field, 'clientCertificate is deprecated, use clientCertificates'));
  }
  const contents = new Map<string, number>();
  certificates.forEach((item, index) => {
    const certificate = record(item);
    const at = (name?: string) =>
      name
        ? fieldPath(...TLS, 'clientCertificates', index, name)
        : fieldPath(...TLS, 'clientCertificates', index);
    const content = text(certificate.content);
    const hasRef = certificate.ref != null;
    if (content !== undefined && hasRef)
      issues.push(admissionError(at(), 'content and ref cannot both be set'));
    if (content === undefined && !hasRef)
      issues.push(admissionError(at(), 'either content or ref must be set'));
    if (content !== undefined && !isTemplated(content)) {
      const normalized = content.replace(/\s+/g, '');
      const first = contents.get(normalized);
      if (first !== undefined)
        issues.push(
          admissionError(
            at('content'),
            `same certificate as clientCertificates[${first}]; each must be unique`,
          ),
        );
      else contents.set(normalized, index);
    }
    for (const name of ['startsAt', 'endsAt']) {
      const value = text(certificate[name]);
      if (value !== undefined && !parseRfc3339(value))
        issues.push(admissionError(at(name), `"${value}" is not an RFC 3339 date-time`));
    }
    const startsAt = parseRfc3339(text(certificate.startsAt) ?? '');
    const endsAt = parseRfc3339(text(certificate.endsAt) ?? '');
    if (startsAt && endsAt && startsAt >= endsAt)
      issues.push(admissionError(at('endsAt'), 'endsAt must come after startsAt'));
  });
  return issues;
}
