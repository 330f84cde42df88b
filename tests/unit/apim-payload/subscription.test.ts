import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomResourceInput } from '../../../lib/apim/payload/custom-resource-input.ts';
import {
  type SubscriptionAutomationState,
  subscriptionCollectionPath,
  subscriptionHrid,
  subscriptionIdentity,
  subscriptionQueryFlags,
  subscriptionReferences,
  toSubscriptionSpec,
  toSubscriptionStatus,
} from '../../../lib/apim/payload/subscription.ts';
import { MissingReferenceError } from '../../../lib/errors/sync-errors.ts';
import { automationSchema } from './support/automation-schema.ts';
import {
  assertAccepted,
  deliveredResource,
  EXAMPLE_NAMESPACE,
  exampleTitle,
} from './support/example-resources.ts';
import { gkoExamplesOfKind } from './support/gko-examples.ts';
import { requiredSpecFields } from './support/kind-crd-defaults.ts';
import { undeclaredKeys } from './support/schema-check.ts';

/**
 * Examples the API server refuses, so no function ever maps them: spec.plan is missing although GKO's
 * CRD requires it.
 */
const INVALID_EXAMPLES = new Set(['apim/subscription/subscription-with-metadata.yml']);

const examples = gkoExamplesOfKind('Subscription');
const validateSpec = automationSchema('SubscriptionSpec');

function subscription(spec: Record<string, unknown>, name = 'echo-subscription'): CustomResourceInput {
  return { metadata: { name, namespace: 'team-a' }, spec };
}

/** References of an example whose API and application are HRID-managed, in the example's namespace. */
function exampleReferences(resource: CustomResourceInput) {
  const { api, application, plan } = resource.spec as {
    api: { name: string; namespace?: string };
    application: { name: string; namespace?: string };
    plan: string;
  };
  return subscriptionReferences(
    plan,
    { namespace: api.namespace ?? EXAMPLE_NAMESPACE, name: api.name },
    { namespace: application.namespace ?? EXAMPLE_NAMESPACE, name: application.name },
  );
}

describe('Every GKO Subscription example maps to a body the Automation API schema accepts', () => {
  it('finds the Subscription examples, the use-case ones included', () => {
    // Assess
    assert.ok(examples.length >= 6, `only ${examples.length} Subscription documents found`);
    assert.ok(examples.some((example) => example.file.startsWith('usecase/')));
  });

  for (const example of examples) {
    if (INVALID_EXAMPLES.has(example.file)) {
      it(`skips mapping ${exampleTitle(example)}: the API server refuses it, spec.plan being required`, () => {
        // Assess
        assert.ok(requiredSpecFields('subscriptions').includes('plan'));
        assert.equal((example.manifest.spec as Record<string, unknown>).plan, undefined);
      });
      continue;
    }
    it(`maps ${exampleTitle(example)} to a valid SubscriptionSpec with no undeclared field`, () => {
      // Prepare
      const resource = deliveredResource(example, 'subscriptions');

      // Act
      const body = toSubscriptionSpec(resource, exampleReferences(resource));

      // Assess
      assertAccepted(validateSpec, body);
      assert.deepEqual(undeclaredKeys(body, 'SubscriptionSpec'), []);
    });
  }
});

describe('The subscription and what it points at are addressed like GKO addresses them', () => {
  it('addresses a fresh subscription as <namespace>-<name> under its API', () => {
    // Prepare
    const resource = subscription({
      api: { name: 'jwt-demo' },
      application: { name: 'echo-client' },
      plan: 'JWT',
    });

    // Act
    const references = subscriptionReferences(
      'JWT',
      { namespace: 'team-a', name: 'jwt-demo' },
      { namespace: 'apps', name: 'echo-client' },
    );
    const body = toSubscriptionSpec(resource, references);

    // Assess
    assert.deepEqual(body, {
      hrid: 'team-a-echo-subscription',
      applicationHrid: 'apps-echo-client',
      planHrid: 'JWT',
    });
    assert.equal(subscriptionCollectionPath(references.api.hrid), 'apis/team-a-jwt-demo/subscriptions');
    assert.deepEqual(subscriptionQueryFlags(subscriptionIdentity(resource), references), {
      hridContainsUUID: false,
      hridContainsApiUUID: false,
      hridContainsAppUUID: false,
    });
  });

  it('turns the plan key into an HRID the way GKO does for plans', () => {
    // Act
    const references = subscriptionReferences(
      'JWT Plan. With A Non-Hrid Names',
      { namespace: 'default', name: 'api' },
      { namespace: 'default', name: 'app' },
    );

    // Assess
    assert.equal(references.planHrid, 'JWT-Plan--With-A-Non-Hrid-Names');
  });

  it('uses the UUIDs of an API and an application GKO synced before 4.12', () => {
    // Prepare
    const api = {
      namespace: 'default',
      name: 'jwt-demo',
      previous: { id: 'api-uuid', plans: { JWT: 'plan-uuid' } },
    };
    const application = { namespace: 'default', name: 'echo-client', previous: { id: 'app-uuid' } };

    // Act
    const references = subscriptionReferences('JWT', api, application);

    // Assess
    assert.deepEqual(references, {
      api: { hrid: 'api-uuid', hridContainsUuid: true },
      application: { hrid: 'app-uuid', hridContainsUuid: true },
      planHrid: 'plan-uuid',
    });
    assert.equal(subscriptionCollectionPath(references.api.hrid), 'apis/api-uuid/subscriptions');
  });

  it('uses HRIDs again for an API and an application that became HRID-managed', () => {
    // Act
    const references = subscriptionReferences(
      'JWT',
      { namespace: 'default', name: 'jwt-demo', previous: { id: 'api-uuid', automationApiManaged: true } },
      { namespace: 'default', name: 'echo-client', previous: { id: 'app-uuid', automationApiManaged: true } },
    );

    // Assess
    assert.equal(references.api.hrid, 'default-jwt-demo');
    assert.equal(references.application.hrid, 'default-echo-client');
    assert.equal(references.planHrid, 'JWT');
  });

  it('reports a missing reference when a UUID-managed API has no id for the plan', () => {
    // Act
    const act = () =>
      subscriptionReferences(
        'GOLD',
        { namespace: 'default', name: 'jwt-demo', previous: { id: 'api-uuid', plans: { JWT: 'plan-uuid' } } },
        { namespace: 'default', name: 'echo-client' },
      );

    // Assess
    assert.throws(act, (error: unknown) => {
      assert.ok(error instanceof MissingReferenceError);
      assert.match(error.message, /plan GOLD of API default\/jwt-demo/);
      return true;
    });
  });

  it('keeps the UUID of a subscription GKO created before 4.12 until it becomes HRID-managed', () => {
    // Prepare
    const resource = subscription({ api: { name: 'a' }, application: { name: 'b' }, plan: 'JWT' });

    // Act
    const legacy = subscriptionIdentity(resource, { id: 'sub-uuid' });
    const managed = subscriptionHrid(resource, { id: 'sub-uuid', automationApiManaged: true });

    // Assess
    assert.deepEqual(legacy, { hrid: 'sub-uuid', hridContainsUuid: true });
    assert.equal(managed, 'team-a-echo-subscription');
  });
});

describe('The subscription body carries what APIM reads, with the values GKO gives it', () => {
  it('copies ending date, metadata, API keys and consumer configuration', () => {
    // Prepare
    const resource = subscription({
      api: { name: 'webhook-api' },
      application: { name: 'echo-client' },
      plan: 'PUSH',
      endingAt: '2040-12-25T09:12:28Z',
      metadata: { team: 'core' },
      apiKeys: [
        { key: 'my-custom-api-key-1-at-least-32c', expireAt: '2040-12-25T09:12:28Z' },
        { key: 'k2-k2-k2-k2-k2-k2-k2-k2-k2-k2-k2-k2' },
      ],
      consumerConfiguration: {
        entrypointId: 'webhook',
        channel: '',
        entrypointConfiguration: { callbackUrl: 'https://hook' },
      },
    });
    const references = subscriptionReferences(
      'PUSH',
      { namespace: 'team-a', name: 'webhook-api' },
      { namespace: 'team-a', name: 'echo-client' },
    );

    // Act
    const body = toSubscriptionSpec(resource, references);

    // Assess
    assert.deepEqual(body, {
      hrid: 'team-a-echo-subscription',
      applicationHrid: 'team-a-echo-client',
      planHrid: 'PUSH',
      endingAt: '2040-12-25T09:12:28Z',
      metadata: { team: 'core' },
      apiKeys: [
        { key: 'my-custom-api-key-1-at-least-32c', expireAt: '2040-12-25T09:12:28Z' },
        { key: 'k2-k2-k2-k2-k2-k2-k2-k2-k2-k2-k2-k2' },
      ],
      consumerConfiguration: {
        entrypointId: 'webhook',
        entrypointConfiguration: { callbackUrl: 'https://hook' },
      },
    });
    assertAccepted(validateSpec, body);
  });

  it('leaves out an absent ending date and empty metadata instead of sending them empty', () => {
    // Prepare
    const resource = subscription({
      api: { name: 'a' },
      application: { name: 'b' },
      plan: 'KeyLess',
      metadata: {},
    });

    // Act
    const body = toSubscriptionSpec(
      resource,
      subscriptionReferences(
        'KeyLess',
        { namespace: 'team-a', name: 'a' },
        { namespace: 'team-a', name: 'b' },
      ),
    );

    // Assess
    assert.deepEqual(Object.keys(body).sort(), ['applicationHrid', 'hrid', 'planHrid']);
  });
});

/** An answer of APIM to `PUT …/apis/{apiHrid}/subscriptions`, dates as Jackson writes OffsetDateTime. */
const realisticState: SubscriptionAutomationState = {
  hrid: 'default-echo-subscription',
  applicationHrid: 'default-simple-application-with-client-id',
  planHrid: 'JWT',
  endingAt: '2040-12-25T09:12:28Z',
  id: 'a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c6d',
  organizationId: 'DEFAULT',
  environmentId: 'DEFAULT',
  apiHrid: 'default-api-v4-with-jwt-plan',
  startingAt: '2025-03-01T10:15:30.123456+01:00',
};

describe('The Automation API answer becomes the Subscription status fields', () => {
  it('starts from an answer the SubscriptionState schema accepts', () => {
    // Assess
    assertAccepted(automationSchema('SubscriptionState'), realisticState);
  });

  it('takes the id, the start date to the second and the ending date as APIM wrote it', () => {
    // Act
    const status = toSubscriptionStatus(realisticState);

    // Assess
    assert.deepEqual(status, {
      id: 'a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c6d',
      startedAt: '2025-03-01T10:15:30+01:00',
      endingAt: '2040-12-25T09:12:28Z',
      errors: { severe: [], warning: [] },
    });
  });

  it('writes a start date at offset zero with Z, as Go formats it', () => {
    // Act
    const status = toSubscriptionStatus({ ...realisticState, startingAt: '2025-03-01T10:15:30.5+00:00' });

    // Assess
    assert.equal(status.startedAt, '2025-03-01T10:15:30Z');
  });

  it('leaves out the start and ending dates APIM does not give', () => {
    // Act
    const status = toSubscriptionStatus({ id: 's1', startingAt: null, endingAt: null });

    // Assess
    assert.deepEqual(status, { id: 's1', errors: { severe: [], warning: [] } });
  });

  it('refuses a start date that is not RFC 3339, as GKO fails to parse it', () => {
    // Act
    const act = () => toSubscriptionStatus({ ...realisticState, startingAt: '2025-02-30T10:15:30Z' });

    // Assess
    assert.throws(act, { name: 'UnexpectedAnswerError', message: /startingAt "2025-02-30T10:15:30Z"/ });
  });
});
