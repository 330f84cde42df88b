import { z } from 'zod';

/** Supported key and trust store formats. */
export const StoreType = z.enum(['PEM', 'PKCS12', 'JKS']);

/** An HTTP header sent along with the TLS-protected requests. */
export const SslHeader = z.strictObject({
  name: z.string().optional().describe('Header name.'),
  value: z.string().optional().describe('Header value.'),
});

/** Client certificate used for mutual TLS towards the backend. */
export const KeyStore = z
  .strictObject({
    certContent: z.string().optional().describe('Certificate content (PEM stores only).'),
    certPath: z.string().optional().describe('Certificate file path (PEM stores only).'),
    content: z.string().optional().describe('Base64 store content, instead of a file path.'),
    keyContent: z.string().optional().describe('Private key content (PEM stores only).'),
    keyPath: z.string().optional().describe('Private key file path (PEM stores only).'),
    password: z.string().optional().describe('Store password.'),
    path: z.string().optional().describe('Store file path.'),
    type: StoreType.optional().describe('Store format.'),
  })
  .describe('Key store holding the client certificate.');

/** Certificates trusted when calling the backend. */
export const TrustStore = z
  .strictObject({
    content: z.string().optional().describe('Base64 store content, instead of a file path.'),
    password: z.string().optional().describe('Store password (not for PEM).'),
    path: z.string().optional().describe('Store file path.'),
    type: StoreType.optional().describe('Store format.'),
  })
  .describe('Trust store used to verify the backend certificate.');

/** TLS options of the HTTP client of an endpoint group. */
export const SslOptions = z
  .strictObject({
    headers: z.array(SslHeader).optional().describe('HTTP headers to send.'),
    hostnameVerifier: z.boolean().default(true).describe('Check that the certificate matches the host name.'),
    keyStore: KeyStore.optional(),
    trustAll: z.boolean().default(false).describe('Trust any backend certificate (insecure).'),
    trustStore: TrustStore.optional(),
  })
  .describe('TLS options used towards the endpoints.');
