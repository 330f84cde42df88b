import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { JsonLogger } from '../../../lib/log/logger.ts';
import { statusOf } from '../e2e/kind-loop.ts';
import { OperatorLoop } from '../e2e/operator-loop.ts';
import { apiKeyPlans, applicationManifest, subscriptionManifest } from '../factories/gko-kinds.ts';
import { apiObject } from '../factories/resources.ts';
import { type MotoServer, startMotoServer } from '../moto/moto-server.ts';
import { type ParityBackends, ParityWorld } from './parity-world.ts';

const CLUSTER = 'parity';

/**
 * The scenarios every backend pair must pass alike: the fakes in `npm test`, the real kube-apiserver and
 * APIM in `npm run test:real`. They run in order (each builds on the objects the previous ones made) through
 * the whole loop, and read APIM back over HTTP to check what it stored.
 */
export function defineParitySuite(label: string, startBackends: () => Promise<ParityBackends>): void {
  describe(`parity scenarios against ${label}`, { concurrency: 1 }, () => {
    let moto: MotoServer | undefined;
    let backends: ParityBackends | undefined;
    let loop: OperatorLoop | undefined;
    let world: ParityWorld;
    const logs: string[] = [];
    // A fresh suffix: a real APIM keeps its database between runs of one start, and paths must not collide.
    const suffix = randomBytes(3).toString('hex');
    const namespace = `parity-${suffix}`;
    const api = `echo-${suffix}`;
    const apiHrid = `${namespace}-${api}`;
    const app = `checkout-${suffix}`;
    const appHrid = `${namespace}-${app}`;
    const subscription = `checkout-echo-${suffix}`;

    before(async () => {
      moto = await startMotoServer();
      backends = await startBackends();
      world = new ParityWorld(backends, namespace);
      await world.prepareNamespace();
      loop = await OperatorLoop.start({
        kubeConfig: backends.operatorKubeConfig ?? backends.kubeConfig,
        aws: moto.clientConfig(),
        cluster: CLUSTER,
        logger: new JsonLogger({ service: 'parity', level: 'debug', write: (line) => logs.push(line) }),
        maxAttempts: 5,
        apimTimeoutMs: 20_000,
      });
    });

    after(async () => {
      if (process.env.GSO_E2E_DEBUG) process.stderr.write(logs.join(''));
      await loop?.stop();
      await backends?.stop();
      await moto?.stop();
    });

    test('a ManagementContext with basic credentials is accepted once APIM answers', async () => {
      await world.apply({
        apiVersion: 'gravitee.io/v1alpha1',
        kind: 'ManagementContext',
        metadata: { name: 'apim', namespace },
        spec: {
          baseUrl: world.apim.baseUrl,
          organizationId: world.apim.organization,
          environmentId: world.apim.environment,
          auth: { credentials: { username: world.apim.username, password: world.apim.password } },
        },
      });
      const context = await world.accepted('ManagementContext', 'apim', 1);
      assert.ok(context.metadata.finalizers?.includes('finalizers.gravitee.io/managementcontextdeletion'));
    });

    test('a v4 API is created in APIM with its plans and the status carries APIM ids', async () => {
      const manifest = apiObject(api, {
        contextRef: { name: 'apim' },
        description: 'parity echo',
        listeners: [
          { type: 'HTTP', paths: [{ path: `/${api}` }], entrypoints: [{ type: 'http-proxy', qos: 'AUTO' }] },
        ],
        plans: apiKeyPlans(),
      });
      await world.apply({ ...manifest, metadata: { name: api, namespace } });
      const status = statusOf(await world.accepted('ApiV4Definition', api, 1));
      assert.ok(status.id, 'status.id set');
      assert.ok(status.plans?.['api-key'], 'status.plans names the API key plan');

      const stored = await world.automation(`apis/${apiHrid}`);
      assert.equal(stored.status, 200);
      assert.equal(stored.body?.name, api);
      assert.equal(stored.body?.description, 'parity echo');
      assert.equal(stored.body?.id, status.id);
      assert.equal(stored.body?.state, 'STARTED');
    });

    test('an update of the API spec reaches APIM', async () => {
      const current = await world.get('ApiV4Definition', api);
      assert.ok(current?.spec);
      await world.apply({ ...current, spec: { ...current.spec, description: 'parity echo, revised' } });
      await world.accepted('ApiV4Definition', api, 2);
      const stored = await world.automation(`apis/${apiHrid}`);
      assert.equal(stored.body?.description, 'parity echo, revised');
    });

    test('stopping the API stops it in APIM', async () => {
      const current = await world.get('ApiV4Definition', api);
      assert.ok(current?.spec);
      await world.apply({ ...current, spec: { ...current.spec, state: 'STOPPED' } });
      const status = statusOf(await world.accepted('ApiV4Definition', api, 3));
      assert.equal(status.state, 'STOPPED');
      const stored = await world.automation(`apis/${apiHrid}`);
      assert.equal(stored.body?.state, 'STOPPED');
    });

    test('an Application is created in APIM', async () => {
      const manifest = applicationManifest(app, 'apim');
      await world.apply({ ...manifest, metadata: { name: app, namespace } });
      const status = statusOf(await world.accepted('Application', app, 1));
      assert.ok(status.id);
      const stored = await world.automation(`applications/${appHrid}`);
      assert.equal(stored.status, 200);
      assert.equal(stored.body?.name, `${app} app`);
      assert.equal(stored.body?.id, status.id);
    });

    test('a Subscription of the Application to the API key plan is accepted by APIM', async () => {
      const current = await world.get('ApiV4Definition', api);
      assert.ok(current?.spec);
      await world.apply({ ...current, spec: { ...current.spec, state: 'STARTED' } });
      await world.accepted('ApiV4Definition', api, 4);

      const manifest = subscriptionManifest(subscription, { api, application: app, plan: 'api-key' });
      await world.apply({ ...manifest, metadata: { name: subscription, namespace } });
      const status = statusOf(await world.accepted('Subscription', subscription, 1));
      assert.ok(status.id);
      const stored = await world.automation(`apis/${apiHrid}/subscriptions/${namespace}-${subscription}`);
      assert.equal(stored.status, 200);
      assert.equal(stored.body?.id, status.id);
    });

    test('deleting the Subscription, the Application and the API removes them from APIM', async () => {
      await world.deleteAndWaitGone('Subscription', subscription);
      // APIM closes a deleted subscription and keeps it readable; its automation state has no status field,
      // so the released finalizer (APIM answered the DELETE) is what this step can check.

      await world.deleteAndWaitGone('Application', app);
      const application = await world.automation(`applications/${appHrid}`);
      // APIM archives a deleted application rather than removing it.
      assert.ok(
        application.status === 404 || application.body?.status === 'ARCHIVED',
        `application after delete: ${application.status} ${JSON.stringify(application.body)}`,
      );

      await world.deleteAndWaitGone('ApiV4Definition', api);
      assert.equal((await world.automation(`apis/${apiHrid}`)).status, 404);
    });

    test('the ManagementContext is released once nothing references it', async () => {
      await world.deleteAndWaitGone('ManagementContext', 'apim');
    });
  });
}
