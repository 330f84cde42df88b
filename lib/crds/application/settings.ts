import { z } from 'zod';
import { stringList } from '../schema-helpers.ts';
import { ApplicationTlsSettings } from './tls.ts';

/** Settings of a simple application, whose client id (if any) is chosen by its owner. */
export const SimpleApplicationSettings = z
  .strictObject({
    clientId: z.string().optional().describe('Client id, matched against JWT/OAuth2 tokens.'),
    type: z.string().describe('Free-form application type (e.g. WEB).'),
  })
  .describe('Settings of a simple application.');

/** OAuth client types APIM can register with its authorization server. */
export const OAuthApplicationType = z.enum(['BACKEND_TO_BACKEND', 'NATIVE', 'BROWSER', 'WEB']);

/** OAuth grant types an application client may use. */
export const OAuthGrantType = z.enum([
  'authorization_code',
  'client_credentials',
  'refresh_token',
  'password',
  'implicit',
]);

/** Settings of an application registered as an OAuth client (dynamic client registration). */
export const OAuthApplicationSettings = z
  .strictObject({
    applicationType: OAuthApplicationType.describe('OAuth client type.'),
    grantTypes: z.array(OAuthGrantType).describe('Grant types the client may use.'),
    redirectUris: stringList().optional().describe('Redirect URIs of the client.'),
  })
  .describe('Settings of an OAuth client application.');

/** What kind of application this is, plus its client TLS settings. */
export const ApplicationSettings = z
  .strictObject({
    app: SimpleApplicationSettings.optional(),
    oauth: OAuthApplicationSettings.optional(),
    tls: ApplicationTlsSettings.optional(),
  })
  .describe('Application settings: simple (app) or OAuth client (oauth), and client TLS.');

/** Application settings. */
export type ApplicationSettings = z.infer<typeof ApplicationSettings>;
