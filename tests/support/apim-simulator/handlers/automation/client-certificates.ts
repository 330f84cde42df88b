import { X509Certificate } from 'node:crypto';
import { isJsonObject, type JsonObject, objectItems, stringMember } from '../../json.ts';
import type { StatusErrors } from '../hrid-resource-kind.ts';

/**
 * APIM's checks of an application's `settings.tls`: the deprecated single `clientCertificate` and the
 * `clientCertificates` list exclude each other; each certificate must be a PEM end-entity (not CA)
 * certificate; list entries must be distinct, start before they end, and should not end after the
 * certificate expires.
 */
export function clientCertificateErrors(tls: unknown): StatusErrors {
  const errors: StatusErrors = { severe: [], warning: [] };
  if (!isJsonObject(tls)) {
    return errors;
  }
  const single = stringMember(tls, 'clientCertificate') ?? '';
  const list = objectItems(tls, 'clientCertificates');
  if (single !== '' && list.length > 0) {
    errors.severe.push(
      'cannot set both clientCertificate and clientCertificates, use clientCertificates only',
    );
    return errors;
  }
  if (single !== '') {
    errors.warning.push('clientCertificate is deprecated, use clientCertificates instead');
    errors.severe.push(...parseCertificate(single).severe);
    return errors;
  }
  if (new Set(list.map((entry) => entry.content)).size !== list.length) {
    errors.severe.push('client certificate content must be unique');
    return errors;
  }
  for (const entry of list) {
    addEntryErrors(entry, errors);
  }
  return errors;
}

/** True when the TLS settings carry at least one client certificate (an mTLS plan needs one). */
export function hasClientCertificate(tls: unknown): boolean {
  return (
    isJsonObject(tls) &&
    ((stringMember(tls, 'clientCertificate') ?? '') !== '' ||
      objectItems(tls, 'clientCertificates').length > 0)
  );
}

function addEntryErrors(entry: JsonObject, errors: StatusErrors): void {
  const name = stringMember(entry, 'name') ?? '';
  const parsed = parseCertificate(stringMember(entry, 'content') ?? '');
  errors.severe.push(...parsed.severe);
  const startsAt = dateMember(entry, 'startsAt');
  const endsAt = dateMember(entry, 'endsAt');
  if (startsAt !== undefined && endsAt !== undefined && startsAt >= endsAt) {
    errors.severe.push(`certificate [${name}]: startsAt must be before endsAt`);
  }
  if (endsAt !== undefined && parsed.certificate && endsAt > Date.parse(parsed.certificate.validTo)) {
    errors.warning.push(`certificate [${name}]: endsAt is after certificate expiration date`);
  }
}

function parseCertificate(pem: string): { severe: string[]; certificate?: X509Certificate } {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    return { severe: ['certificate is not a valid PEM'] };
  }
  return certificate.ca ? { severe: ['certificate is a CA certificate'] } : { severe: [], certificate };
}

function dateMember(object: JsonObject, key: string): number | undefined {
  const value = stringMember(object, key);
  return value === undefined ? undefined : Date.parse(value);
}
