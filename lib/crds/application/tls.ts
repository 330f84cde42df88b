import { z } from 'zod';

/** A key of a Secret or ConfigMap holding a client certificate. */
export const CertificateRef = z
  .strictObject({
    key: z.string().default('tls.crt').describe('Key of the certificate in the object data.'),
    kind: z
      .enum(['secrets', 'configmaps'])
      .default('secrets')
      .describe('Whether the certificate is in a Secret or a ConfigMap.'),
    name: z.string().describe('Name of the Secret or ConfigMap.'),
    namespace: z
      .string()
      .optional()
      .describe('Namespace of the object; defaults to the application namespace.'),
  })
  .describe('Secret or ConfigMap key holding the certificate, instead of inline content.');

/** A reference to a certificate stored in a Secret or ConfigMap. */
export type CertificateRef = z.infer<typeof CertificateRef>;

/**
 * One client certificate the application presents to mTLS plans. GKO's admission expects either
 * `content` or `ref`, not both; the CRD itself does not enforce it.
 */
export const ClientCertificate = z
  .strictObject({
    content: z
      .string()
      .optional()
      .describe('Certificate inline (PEM or base64) or as a [[ secret ]] / [[ configmap ]] template.'),
    encoded: z.boolean().optional().describe('The content is base64 and is decoded before reaching APIM.'),
    endsAt: z.string().optional().describe('End of the certificate validity (RFC 3339).'),
    name: z
      .string()
      .optional()
      .describe('Label of the certificate; defaults to the application name and its position.'),
    ref: CertificateRef.optional(),
    startsAt: z.string().optional().describe('Start of the certificate validity (RFC 3339).'),
  })
  .describe('A client certificate for mTLS plans.');

/** A client certificate. */
export type ClientCertificate = z.infer<typeof ClientCertificate>;

/** Client-side TLS settings, needed to subscribe to mTLS plans. */
export const ApplicationTlsSettings = z
  .strictObject({
    clientCertificate: z
      .string()
      .optional()
      .describe('Deprecated single client certificate; use clientCertificates (not both).'),
    clientCertificates: z
      .array(ClientCertificate)
      .optional()
      .describe('Client certificates for mTLS plans; not to be combined with clientCertificate.'),
  })
  .describe('Client TLS settings used to subscribe to mTLS plans.');

/** Application TLS settings. */
export type ApplicationTlsSettings = z.infer<typeof ApplicationTlsSettings>;
