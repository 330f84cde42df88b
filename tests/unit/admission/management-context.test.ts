import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admissionIssues } from '../../../lib/admission/admission-issues.ts';
import { context, errorsOf, lookupOf, resource } from './support/cluster.ts';

/** An unsigned JWT with the given claims: only the payload matters to the rule. */
const cloudToken = (claims: Record<string, unknown>) => {
  const [header, payload] = ['{"alg":"none"}', JSON.stringify(claims)].map((part) =>
    Buffer.from(part).toString('base64url'),
  );
  return `${header}.${payload}.sig`;
};

describe('ManagementContext admission', () => {
  it('a self-hosted context with URL, organization, environment and auth is accepted', () => {
    // Act
    const issues = admissionIssues(context(), lookupOf([]));

    // Assess
    assert.deepEqual(issues, []);
  });

  it('a self-hosted context without auth, environment, or with a non-http URL is rejected', () => {
    // Prepare
    const incomplete = resource('ManagementContext', 'ctx', {
      baseUrl: 'ftp://apim',
      organizationId: 'DEFAULT',
      environmentId: ' ',
    });

    // Act
    const issues = admissionIssues(incomplete, lookupOf([]));

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.baseUrl: "ftp://apim" is not an http(s) URL',
      'spec.environmentId: required unless the context uses Gravitee Cloud',
      'spec.auth: required unless the context uses Gravitee Cloud',
    ]);
  });

  it('a cloud context needs none of those, but a token that names its environment', () => {
    // Prepare
    const token = cloudToken({ org: 'ORG', envs: ['DEV', 'PROD'], cpg: 'eu' });

    // Act
    const ambiguous = admissionIssues(resource('ManagementContext', 'c', { cloud: { token } }), lookupOf([]));
    const chosen = admissionIssues(
      resource('ManagementContext', 'c', { cloud: { token }, environmentId: 'PROD' }),
      lookupOf([]),
    );
    const foreign = admissionIssues(
      resource('ManagementContext', 'c', { cloud: { token }, environmentId: 'QA' }),
      lookupOf([]),
    );
    const secret = admissionIssues(
      resource('ManagementContext', 'c', { cloud: { secretRef: { name: 'cloud-token' } } }),
      lookupOf([]),
    );

    // Assess
    assert.deepEqual(errorsOf(ambiguous), [
      'spec.environmentId: the cloud token holds 2 environments; choose one',
    ]);
    assert.deepEqual(chosen, []);
    assert.deepEqual(errorsOf(foreign), [
      'spec.environmentId: the cloud token does not hold environment "QA" (it holds DEV, PROD)',
    ]);
    assert.deepEqual(secret, []);
  });

  it('a cloud token without the Gravitee claims is rejected', () => {
    // Act
    const issues = admissionIssues(
      resource('ManagementContext', 'c', { cloud: { token: cloudToken({ sub: 'someone' }) } }),
      lookupOf([]),
    );

    // Assess
    assert.deepEqual(errorsOf(issues), [
      'spec.cloud.token: not a Gravitee Cloud token (a JWT with org, envs and cpg claims)',
    ]);
  });
});
