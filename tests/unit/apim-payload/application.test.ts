import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type ApplicationAutomationState,
  applicationCollectionPath,
  applicationHrid,
  applicationIdentity,
  toApplicationSpec,
  toApplicationStatus,
} from '../../../lib/apim/payload/application.ts';
import type { CustomResourceInput } from '../../../lib/apim/payload/custom-resource-input.ts';
import { InvalidSpecFieldError } from '../../../lib/apim/payload/spec-fields.ts';
import { automationSchema } from './support/automation-schema.ts';
import {
  assertAccepted,
  assertRejectedOnlyAt,
  deliveredResource,
  type ExampleExclusion,
  exampleTitle,
} from './support/example-resources.ts';
import { gkoExamplesOfKind } from './support/gko-examples.ts';
import { undeclaredKeys } from './support/schema-check.ts';

const UPPER_CASE_OAUTH_TYPE: ExampleExclusion = {
  reason:
    'GKO forwards the CRD enum (upper case) while the schema enum of settings.oauth.applicationType is lower ' +
    'case; APIM generates its automation model with useEnumCaseInsensitive=true and accepts both',
  failingAt: /^\/settings\/oauth\/applicationType$/,
};

/** Examples whose body GKO sends but the 4.12.17 schema rejects; each must keep failing, only there. */
const EXCLUSIONS: Record<string, ExampleExclusion> = {
  'apim/application/application-with-oauth-backend-to-backend-settings.yml': UPPER_CASE_OAUTH_TYPE,
  'apim/application/application-with-oauth-native-settings.yml': UPPER_CASE_OAUTH_TYPE,
  'apim/application/application-with-oauth-spa-settings.yml': UPPER_CASE_OAUTH_TYPE,
  'apim/application/application-with-oauth-webapp-settings.yml': UPPER_CASE_OAUTH_TYPE,
};

const examples = gkoExamplesOfKind('Application');
const validateSpec = automationSchema('ApplicationSpec');

function application(
  spec: Record<string, unknown>,
  name = 'echo-client',
  namespace = 'team-a',
): CustomResourceInput {
  return { metadata: { name, namespace, uid: '5b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }, spec };
}

function certificates(body: Record<string, unknown>): Array<Record<string, unknown>> {
  const settings = body.settings as { tls: { clientCertificates: Array<Record<string, unknown>> } };
  return settings.tls.clientCertificates;
}

describe('Every GKO Application example maps to a body the Automation API schema accepts', () => {
  it('finds the Application examples, the use-case ones included', () => {
    // Assess
    assert.ok(examples.length >= 13, `only ${examples.length} Application documents found`);
    assert.ok(examples.some((example) => example.file.startsWith('usecase/')));
  });

  it('lists only exclusions that name an Application example', () => {
    // Prepare
    const files = new Set(examples.map((example) => example.file));

    // Assess
    for (const file of Object.keys(EXCLUSIONS)) assert.ok(files.has(file), `${file} is not an example`);
  });

  for (const example of examples) {
    const exclusion = EXCLUSIONS[example.file];
    if (!exclusion) {
      it(`maps ${exampleTitle(example)} to a valid ApplicationSpec with no undeclared field`, () => {
        // Act
        const body = toApplicationSpec(deliveredResource(example, 'applications'));

        // Assess
        assertAccepted(validateSpec, body);
        assert.deepEqual(undeclaredKeys(body, 'ApplicationSpec'), []);
      });
      continue;
    }
    it(`maps ${exampleTitle(example)} to a body rejected only because ${exclusion.reason}`, () => {
      // Act
      const body = toApplicationSpec(deliveredResource(example, 'applications'));

      // Assess
      assertRejectedOnlyAt(validateSpec, body, exclusion);
    });
  }

  it('accepts the OAuth examples once applicationType is written in lower case', () => {
    // Prepare
    const oauthExamples = examples.filter((example) => EXCLUSIONS[example.file] === UPPER_CASE_OAUTH_TYPE);
    assert.equal(oauthExamples.length, 4);

    for (const example of oauthExamples) {
      const body = toApplicationSpec(deliveredResource(example, 'applications'));
      const oauth = (body.settings as { oauth: { applicationType: string } }).oauth;

      // Act
      oauth.applicationType = oauth.applicationType.toLowerCase();

      // Assess
      assertAccepted(validateSpec, body);
    }
  });

  it('sends the referenced certificates of the refs example as content, without their refs', () => {
    // Prepare
    const example = examples.find(
      (e) => e.file === 'apim/application/application-with-client-certs-refs.yml',
    );
    assert.ok(example);

    // Act
    const body = toApplicationSpec(deliveredResource(example, 'applications'));

    // Assess
    for (const certificate of certificates(body)) {
      assert.equal(certificate.ref, undefined);
      assert.match(String(certificate.content), /^-----BEGIN CERTIFICATE-----/);
    }
  });
});

describe('The application HRID is derived like GKO derives it', () => {
  it('addresses a fresh application as <namespace>-<name> and ignores a spec.hrid', () => {
    // Prepare
    const resource = application(
      { name: 'Echo client', hrid: 'mine', description: 'd' },
      'echo-client',
      'payments',
    );

    // Act
    const body = toApplicationSpec(resource);

    // Assess
    assert.equal(body.hrid, 'payments-echo-client');
    assert.equal(applicationHrid(resource), 'payments-echo-client');
    assert.deepEqual(applicationIdentity(resource), {
      hrid: 'payments-echo-client',
      hridContainsUuid: false,
    });
    assert.equal(body.id, undefined);
  });

  it('addresses an application with spec.id by that UUID, even once HRID-managed', () => {
    // Prepare
    const resource = application({ id: '0c6f2b1e-aaaa-4bbb-8ccc-1d2e3f4a5b6c', name: 'e', description: 'd' });

    // Act
    const fresh = toApplicationSpec(resource);
    const managed = applicationIdentity(resource, { automationApiManaged: true });

    // Assess
    assert.equal(fresh.hrid, '0c6f2b1e-aaaa-4bbb-8ccc-1d2e3f4a5b6c');
    assert.equal(fresh.id, '0c6f2b1e-aaaa-4bbb-8ccc-1d2e3f4a5b6c');
    assert.equal(managed.hridContainsUuid, true);
  });

  it('keeps the UUID of an application GKO synced before 4.12 until it becomes HRID-managed', () => {
    // Prepare
    const resource = application({ name: 'e', description: 'd' });

    // Act
    const legacy = toApplicationSpec(resource, { id: 'legacy-uuid' });
    const managed = toApplicationSpec(resource, { id: 'legacy-uuid', automationApiManaged: true });

    // Assess
    assert.equal(legacy.hrid, 'legacy-uuid');
    assert.equal(legacy.id, 'legacy-uuid');
    assert.equal(managed.hrid, 'team-a-echo-client');
    assert.equal(managed.id, undefined);
  });

  it('puts applications in the applications collection', () => {
    // Assess
    assert.equal(applicationCollectionPath(), 'applications');
  });
});

describe('The application body is the spec as GKO sends it', () => {
  it('leaves out contextRef and keeps groups, members and metadata as written', () => {
    // Prepare
    const spec = {
      contextRef: { name: 'dev-ctx', namespace: 'apim' },
      name: 'echo-client',
      description: 'echo API client',
      groups: ['developers', 'default-ops'],
      members: [{ source: 'memory', sourceId: 'api1', role: 'USER' }],
      metadata: [{ name: 'team', format: 'STRING', value: 'core' }],
      settings: { app: { type: 'WEB', clientId: 'echo-client' } },
    };

    // Act
    const body = toApplicationSpec(application(spec));

    // Assess
    assert.deepEqual(body, {
      hrid: 'team-a-echo-client',
      name: 'echo-client',
      description: 'echo API client',
      groups: ['developers', 'default-ops'],
      members: [{ source: 'memory', sourceId: 'api1', role: 'USER' }],
      metadata: [{ name: 'team', format: 'STRING', value: 'core' }],
      settings: { app: { type: 'WEB', clientId: 'echo-client' } },
    });
  });

  it('does not modify the resource it maps', () => {
    // Prepare
    const resource = application({
      contextRef: { name: 'dev-ctx' },
      name: 'e',
      description: 'd',
      settings: {
        tls: {
          clientCertificates: [{ content: 'PEM', ref: { name: 's', kind: 'secrets', key: 'tls.crt' } }],
        },
      },
    });
    const before = structuredClone(resource);

    // Act
    toApplicationSpec(resource);

    // Assess
    assert.deepEqual(resource, before);
  });
});

describe('Client certificates are sent as GKO resolves them', () => {
  it('drops the ref of a certificate whose content the watcher restored, and keeps an unresolved one', () => {
    // Prepare
    const resource = application({
      name: 'echo-client',
      description: 'd',
      settings: {
        tls: {
          clientCertificates: [
            {
              name: 'restored',
              content: '-----BEGIN CERTIFICATE-----',
              ref: { kind: 'secrets', name: 'tls', key: 'tls.crt' },
            },
            { name: 'missing', ref: { kind: 'configmaps', name: 'certs', key: 'cert.pem' } },
          ],
        },
      },
    });

    // Act
    const sent = certificates(toApplicationSpec(resource));

    // Assess
    assert.deepEqual(sent[0], { name: 'restored', content: '-----BEGIN CERTIFICATE-----' });
    assert.deepEqual(sent[1], {
      name: 'missing',
      ref: { kind: 'configmaps', name: 'certs', key: 'cert.pem' },
    });
  });

  it('names an unnamed certificate after spec.name and its position', () => {
    // Prepare
    const resource = application(
      {
        name: 'Echo Client',
        description: 'd',
        settings: { tls: { clientCertificates: [{ name: 'first', content: 'A' }, { content: 'B' }] } },
      },
      'echo-client',
    );

    // Act
    const sent = certificates(toApplicationSpec(resource));

    // Assess
    assert.deepEqual(
      sent.map((certificate) => certificate.name),
      ['first', 'Echo Client-1'],
    );
  });

  it('decodes a certificate marked encoded and drops the flag, as GKO does before sending it', () => {
    // Prepare
    const pem = '-----BEGIN CERTIFICATE-----\nMIID\n-----END CERTIFICATE-----\n';
    const encoded = Buffer.from(pem)
      .toString('base64')
      .replace(/(.{20})/g, '$1\n');
    const resource = application({
      name: 'e',
      description: 'd',
      settings: {
        tls: {
          clientCertificates: [
            { name: 'b64', content: encoded, encoded: true, startsAt: '2026-01-01T00:00:00Z', endsAt: '' },
            { name: 'plain', content: pem, encoded: false },
          ],
        },
      },
    });

    // Act
    const sent = certificates(toApplicationSpec(resource));

    // Assess
    assert.deepEqual(sent[0], { name: 'b64', content: pem, startsAt: '2026-01-01T00:00:00Z' });
    assert.deepEqual(sent[1], { name: 'plain', content: pem });
  });

  it('refuses an encoded certificate that is not valid base64, naming the field', () => {
    // Prepare
    const resource = application({
      name: 'e',
      description: 'd',
      settings: { tls: { clientCertificates: [{ name: 'bad', content: 'not*base64', encoded: true }] } },
    });

    // Act
    const act = () => toApplicationSpec(resource);

    // Assess
    assert.throws(act, (error: unknown) => {
      assert.ok(error instanceof InvalidSpecFieldError);
      assert.equal(error.field, 'spec.settings.tls.clientCertificates[0].content');
      assert.equal(error.terminal, true);
      return true;
    });
  });

  it('leaves out an empty deprecated clientCertificate and an empty certificate list', () => {
    // Prepare
    const resource = application({
      name: 'e',
      description: 'd',
      settings: { app: { type: 'WEB' }, tls: { clientCertificate: '', clientCertificates: [] } },
    });

    // Act
    const body = toApplicationSpec(resource);

    // Assess
    assert.deepEqual(body.settings, { app: { type: 'WEB' }, tls: {} });
  });
});

/** An answer of APIM to `PUT …/applications` for an mTLS application. */
const realisticState: ApplicationAutomationState = {
  hrid: 'default-echo-client',
  name: 'echo-client',
  description: 'echo API client',
  settings: {
    app: { type: 'WEB' },
    tls: { clientCertificates: [{ name: 'echo-client-0', content: '-----BEGIN CERTIFICATE-----' }] },
  },
  groups: [],
  metadata: [],
  members: [],
  notifyMembers: false,
  status: 'ACTIVE',
  id: '8e4b6a2c-1d3f-4e5a-9b7c-0d1e2f3a4b5c',
  organizationId: 'DEFAULT',
  environmentId: 'DEFAULT',
  errors: { severe: [], warning: ['group [ops] does not exist'] },
};

describe('The Automation API answer becomes the Application status fields', () => {
  it('starts from an answer the ApplicationState schema accepts', () => {
    // Assess
    assertAccepted(automationSchema('ApplicationState'), realisticState);
  });

  it('takes id, organization, environment and errors from the answer', () => {
    // Act
    const status = toApplicationStatus(realisticState);

    // Assess
    assert.deepEqual(status, {
      id: '8e4b6a2c-1d3f-4e5a-9b7c-0d1e2f3a4b5c',
      organizationId: 'DEFAULT',
      environmentId: 'DEFAULT',
      errors: { severe: [], warning: ['group [ops] does not exist'] },
    });
  });

  it('leaves out empty ids and gives empty error lists when APIM reports none', () => {
    // Act
    const status = toApplicationStatus({ hrid: 'default-app', id: 'a1', organizationId: '', errors: null });

    // Assess
    assert.deepEqual(status, { id: 'a1', errors: { severe: [], warning: [] } });
  });
});
