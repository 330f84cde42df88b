import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admissionIssues } from '../../../lib/admission/admission-issues.ts';
import {
  apiV4,
  application,
  context,
  errorsOf,
  lookupOf,
  subscription,
  warningsOf,
} from './support/cluster.ts';

const PEM = `-----BEGIN CERTIFICATE-----
MIIBszCCAVmgAwIBAgIUQ0FLRUNFUlRJRklDQVRFMAoGCCqGSM49BAMCMBIxEDAO
-----END CERTIFICATE-----
`;
const OTHER_PEM = PEM.replace('MIIB', 'MIIC');

const oauth = (applicationType: string, grantTypes: string[], redirectUris?: string[]) => ({
  oauth: { applicationType, grantTypes, ...(redirectUris ? { redirectUris } : {}) },
});

describe('Application admission', () => {
  it('a simple application on an existing context is accepted', () => {
    // Act
    const issues = admissionIssues(application('client'), lookupOf([context()]));

    // Assess
    assert.deepEqual(issues, []);
  });

  it('an application with both simple and OAuth settings is rejected', () => {
    // Prepare
    const app = application('client', {
      app: { type: 'WEB' },
      ...oauth('BACKEND_TO_BACKEND', ['client_credentials']),
    });

    // Act
    const issues = admissionIssues(app, lookupOf([context()]));

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.settings: settings.app (simple) and settings.oauth cannot both be set',
    ]);
  });

  it('OAuth grant types must include the mandatory ones and only allowed ones of the application type', () => {
    // Act
    const web = admissionIssues(
      application('web', oauth('WEB', ['refresh_token'], ['https://app.example.com/cb'])),
      lookupOf([context()]),
    );
    const backend = admissionIssues(
      application('b2b', oauth('BACKEND_TO_BACKEND', ['client_credentials', 'password'])),
      lookupOf([context()]),
    );
    const none = admissionIssues(
      application('spa', oauth('BROWSER', [], ['https://spa.example.com'])),
      lookupOf([context()]),
    );

    // Assess
    assert.deepEqual(errorsOf(web), [
      'spec.settings.oauth.grantTypes: a WEB application needs authorization_code',
    ]);
    assert.deepEqual(errorsOf(backend), [
      'spec.settings.oauth.grantTypes: password not allowed for a BACKEND_TO_BACKEND application (allowed: client_credentials)',
    ]);
    assert.deepEqual(errorsOf(none), [
      'spec.settings.oauth.grantTypes: a BROWSER application needs at least one of authorization_code, implicit',
    ]);
  });

  it('browser, web and native applications need redirect URIs that are URLs', () => {
    // Act
    const missing = admissionIssues(
      application('native', oauth('NATIVE', ['authorization_code'])),
      lookupOf([context()]),
    );
    const invalid = admissionIssues(
      application('spa', oauth('BROWSER', ['authorization_code'], ['https://spa.example.com', 'not a url'])),
      lookupOf([context()]),
    );
    const backend = admissionIssues(
      application('b2b', oauth('BACKEND_TO_BACKEND', ['client_credentials'])),
      lookupOf([context()]),
    );

    // Assess
    assert.deepEqual(errorsOf(missing), [
      'spec.settings.oauth.redirectUris: a NATIVE application needs redirect URIs',
    ]);
    assert.deepEqual(errorsOf(invalid), ['spec.settings.oauth.redirectUris[1]: "not a url" is not a URL']);
    assert.deepEqual(backend, []);
  });

  it('the deprecated client certificate is warned about and must be PEM', () => {
    // Act
    const pem = admissionIssues(
      application('c', { app: { type: 'WEB' }, tls: { clientCertificate: PEM } }),
      lookupOf([context()]),
    );
    const garbage = admissionIssues(
      application('c', { app: { type: 'WEB' }, tls: { clientCertificate: 'hello' } }),
      lookupOf([context()]),
    );
    const templated = admissionIssues(
      application('c', { app: { type: 'WEB' }, tls: { clientCertificate: '[[ secret `tls/tls.crt` ]]' } }),
      lookupOf([context()]),
    );

    // Assess
    assert.deepEqual(errorsOf(pem), []);
    assert.deepEqual(warningsOf(pem), [
      'spec.settings.tls.clientCertificate: clientCertificate is deprecated, use clientCertificates',
    ]);
    assert.deepEqual(errorsOf(garbage), ['spec.settings.tls.clientCertificate: not a PEM certificate']);
    assert.deepEqual(errorsOf(templated), []);
  });

  it('client certificate and client certificates together are rejected', () => {
    // Prepare
    const app = application('c', {
      app: { type: 'WEB' },
      tls: { clientCertificate: PEM, clientCertificates: [{ content: PEM }] },
    });

    // Act
    const issues = admissionIssues(app, lookupOf([context()]));

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.settings.tls: clientCertificate and clientCertificates cannot both be set',
    ]);
  });

  it('each client certificate has content or ref, a unique content and starts before it ends', () => {
    // Prepare
    const app = application('c', {
      app: { type: 'WEB' },
      tls: {
        clientCertificates: [
          { name: 'one', content: PEM },
          { name: 'both', content: OTHER_PEM, ref: { kind: 'secrets', name: 'tls', key: 'tls.crt' } },
          { name: 'neither' },
          { name: 'copy', content: `  ${PEM}` },
          {
            name: 'reversed',
            ref: { name: 'tls' },
            startsAt: '2030-01-01T00:00:00Z',
            endsAt: '2029-01-01T00:00:00Z',
          },
        ],
      },
    });

    // Act
    const issues = admissionIssues(app, lookupOf([context()]));

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.settings.tls.clientCertificates[1]: content and ref cannot both be set',
      'spec.settings.tls.clientCertificates[2]: either content or ref must be set',
      'spec.settings.tls.clientCertificates[3].content: same certificate as clientCertificates[0]; each must be unique',
      'spec.settings.tls.clientCertificates[4].endsAt: endsAt must come after startsAt',
    ]);
  });

  it('update from simple to OAuth, or to another OAuth type, is rejected', () => {
    // Prepare
    const simple = application('c');
    const web = application('c', oauth('WEB', ['authorization_code'], ['https://a.example.com']));
    const native = application('c', oauth('NATIVE', ['authorization_code'], ['https://a.example.com']));

    // Act
    const toOauth = admissionIssues(web, lookupOf([context()]), simple);
    const otherType = admissionIssues(native, lookupOf([context()]), web);

    // Assess
    assert.deepEqual(errorsOf(toOauth), [
      'spec.settings: a simple application cannot become an OAuth application',
    ]);
    assert.deepEqual(errorsOf(otherType), [
      'spec.settings.oauth.applicationType: the OAuth application type cannot change (was WEB, now NATIVE)',
    ]);
  });

  it('update leaving an MTLS subscription to outlive every client certificate is rejected', () => {
    // Prepare
    const tls = (endsAt: string) => ({
      app: { type: 'WEB' },
      tls: { clientCertificates: [{ name: 'c', ref: { name: 'tls' }, endsAt }] },
    });
    const api = apiV4('orders', { plans: { mtls: { name: 'mTLS', security: { type: 'MTLS' } } } });
    const sub = subscription('orders', 'client', 'mtls', { endingAt: '2031-01-01T00:00:00Z' });
    const before = application('client', tls('2032-01-01T00:00:00Z'));
    const after = application('client', tls('2030-06-01T00:00:00Z'));

    // Act
    const issues = admissionIssues(after, lookupOf([context(), api, sub, before]), before);

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.settings.tls.clientCertificates: Subscription default/client-to-orders ends at 2031-01-01T00:00:00Z, after every client certificate',
    ]);
  });

  it('a client id already used by another application of the same context is rejected', () => {
    // Prepare
    const first = application('first', { app: { type: 'WEB', clientId: 'shared' } });
    const second = application('second', { app: { type: 'WEB', clientId: 'shared' } });
    const elsewhere = application(
      'third',
      { app: { type: 'WEB', clientId: 'shared' } },
      { contextRef: { name: 'prod-ctx' } },
    );
    const lookup = lookupOf([context(), context('prod-ctx'), first, second, elsewhere]);

    // Act
    const issues = admissionIssues(second, lookup);
    const other = admissionIssues(elsewhere, lookup);

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.settings.app.clientId: client id "shared" is already used by Application default/first on the same ManagementContext',
    ]);
    assert.deepEqual(other, []);
  });
});
