/**
 * The RBAC in infra/k8s against what the watcher's real code asks of the API server.
 *
 * Each variant of the manifests (cluster-wide or namespaced, with or without the DB-less component) is
 * rendered with `kubectl kustomize`; the real Watcher and StatusWriter, configured from the rendered
 * ConfigMap, run through the fake API server with the real `@kubernetes/client-node` (through
 * ClientNodeCluster) while every resource kind is applied, given its finalizer, templated from a Secret and
 * a ConfigMap, given a status with Events, deleted and released, and a DB-less API's gateway ConfigMap is
 * written, replaced and deleted; two replicas' leader electors share the Lease: one creates it, releases it
 * on stop, and the other takes over. Each recorded request becomes a Kubernetes authorization attribute
 * (group, resource[/subresource], verb, namespace, name) and is checked both ways against the rendered
 * roles: every request is allowed, and every granted (group, resource, verb) is used.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { allKinds } from '../../../lib/crds/kinds.ts';
import { changeOf } from '../../../lib/events/change-event.ts';
import type { StatusDetail } from '../../../lib/events/status-event.ts';
import { ClientNodeCluster } from '../../../lib/kube/client-node-cluster.ts';
import { EmbeddedBus } from '../../../lib/local/embedded-bus.ts';
import { EmbeddedQueue } from '../../../lib/local/embedded-queue.ts';
import { silentLogger } from '../../../lib/log/logger.ts';
import type { ChangePublisher } from '../../../lib/ports/change-publisher.ts';
import { EnvelopeSealer } from '../../../lib/sealing/envelope.ts';
import { LocalKeyWrapper } from '../../../lib/sealing/local-key-wrapper.ts';
import { acceptedStatus } from '../../../lib/sync/status.ts';
import { LeaderElector } from '../../../lib/watcher/leader-election.ts';
import { StatusWriter, statusWriterDefaults } from '../../../lib/watcher/status-writer.ts';
import { statusFieldsByKind, watchedKinds } from '../../../lib/watcher/watched-kinds.ts';
import { Watcher, watcherDefaults } from '../../../lib/watcher/watcher.ts';
import { watcherEnvironment } from '../../../lib/watcher/watcher-config.ts';
import {
  apiResourceManifest,
  apiV2Manifest,
  applicationManifest,
  dictionaryManifest,
  documentationManifest,
  groupManifest,
  notificationManifest,
  portalLinkManifest,
  portalListingManifest,
  portalManifest,
  sharedPolicyGroupManifest,
  subscriptionManifest,
} from '../../support/factories/gko-kinds.ts';
import { apiObject, contextObject } from '../../support/factories/resources.ts';
import {
  customResource,
  DEFAULT_RESOURCES,
  FakeKubeServer,
  type KubeObject,
  type RecordedRequest,
  type ResourceDefinition,
  waitUntil,
} from '../../support/fake-kube/index.ts';
import { type RenderedObject, renderComposed, renderKustomization } from '../../support/k8s/kustomize.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const k8sDir = join(repoRoot, 'infra', 'k8s');
const WATCHER = { namespace: 'gravitee-serverless-operator', name: 'gso-watcher' };
const CLUSTER = 'rbac-check';
const TIMEOUT_MS = 10_000;

// ---------------------------------------------------------------------------------------------------
// Rendering

type Doc = RenderedObject;
const render = renderKustomization;

function watcherSettings(docs: Doc[]): Record<string, string> {
  const configMap = docs.find((d) => d.kind === 'ConfigMap' && d.metadata.name === 'gso-watcher-config');
  assert.ok(configMap, 'the manifests hold the ConfigMap gso-watcher-config');
  return configMap.data as Record<string, string>;
}

// ---------------------------------------------------------------------------------------------------
// Authorization model (the RBAC authorizer's rule matching, for one ServiceAccount)

interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
  resourceNames?: string[];
}

/** The rules of one role, where its binding makes them apply: a namespace, or the whole cluster. */
interface Grant {
  source: string;
  /** Undefined: cluster-wide (ClusterRoleBinding). */
  namespace?: string;
  rules: PolicyRule[];
}

/** One request as the authorizer sees it. */
interface Access {
  group: string;
  /** `resource` or `resource/subresource`. */
  resource: string;
  verb: string;
  namespace?: string;
  name?: string;
}

function grantsOf(docs: Doc[], account: { namespace: string; name: string }): Grant[] {
  const roles = new Map<string, PolicyRule[]>();
  for (const d of docs) {
    if (d.kind === 'ClusterRole') roles.set(`ClusterRole/${d.metadata.name}`, d.rules as PolicyRule[]);
    if (d.kind === 'Role')
      roles.set(`Role/${d.metadata.namespace}/${d.metadata.name}`, d.rules as PolicyRule[]);
  }
  const grants: Grant[] = [];
  for (const d of docs) {
    if (d.kind !== 'ClusterRoleBinding' && d.kind !== 'RoleBinding') continue;
    const subjects = (d.subjects ?? []) as Array<{ kind: string; name: string; namespace?: string }>;
    const bound = subjects.some(
      (s) => s.kind === 'ServiceAccount' && s.name === account.name && s.namespace === account.namespace,
    );
    if (!bound) continue;
    const ref = d.roleRef as { kind: string; name: string };
    const key =
      ref.kind === 'ClusterRole' ? `ClusterRole/${ref.name}` : `Role/${d.metadata.namespace}/${ref.name}`;
    const rules = roles.get(key);
    assert.ok(rules, `${d.kind} ${d.metadata.name} refers to ${key}, which the manifests do not define`);
    grants.push({
      source: `${d.kind} ${d.metadata.namespace ?? ''}/${d.metadata.name} → ${key}`,
      ...(d.kind === 'RoleBinding' ? { namespace: d.metadata.namespace } : {}),
      rules,
    });
  }
  return grants;
}

const has = (list: string[] | undefined, value: string) => (list ?? []).some((v) => v === value || v === '*');

function ruleAllows(rule: PolicyRule, access: Access): boolean {
  if (
    !has(rule.apiGroups, access.group) ||
    !has(rule.resources, access.resource) ||
    !has(rule.verbs, access.verb)
  )
    return false;
  // A rule naming objects covers requests that name one of them (never create, list or watch).
  return (
    !rule.resourceNames?.length || (access.name !== undefined && rule.resourceNames.includes(access.name))
  );
}

function grantAllows(grant: Grant, access: Access): boolean {
  // A RoleBinding's rules apply inside its namespace only; cluster-wide requests are out of its reach.
  if (grant.namespace !== undefined && access.namespace !== grant.namespace) return false;
  return grant.rules.some((rule) => ruleAllows(rule, access));
}

/**
 * The authorization attributes of a request: Kubernetes' verb rules (GET one → get, GET collection →
 * list, watch=true → watch, POST → create, PUT → update, PATCH → patch, DELETE → delete, DELETE
 * collection → deletecollection). Undefined for non-resource paths (discovery, version).
 */
function accessOf(request: RecordedRequest): Access | undefined {
  const parts = request.path.split('/').filter(Boolean).map(decodeURIComponent);
  let rest: string[];
  let group: string;
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1] ?? '';
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource] = rest;
  if (!resource) return undefined;
  const collection = name === undefined;
  const verbs: Record<string, string> = {
    GET: collection ? (request.watch ? 'watch' : 'list') : 'get',
    POST: 'create',
    PUT: 'update',
    PATCH: 'patch',
    DELETE: collection ? 'deletecollection' : 'delete',
  };
  const verb = verbs[request.method];
  assert.ok(verb, `no Kubernetes verb for ${request.method} ${request.path}`);
  return {
    group,
    resource: subresource ? `${resource}/${subresource}` : resource,
    verb,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(name !== undefined ? { name } : {}),
  };
}

const describeAccess = (a: Access) =>
  `${a.verb} ${a.group || 'core'}/${a.resource}${a.name ? ` ${a.name}` : ''} in ${a.namespace ?? '(cluster)'}`;

/** Requests no grant allows, described. */
function refusedRequests(requests: readonly RecordedRequest[], grants: Grant[]): string[] {
  const refused = new Set<string>();
  for (const request of requests) {
    const access = accessOf(request);
    if (!access) refused.add(`non-resource request ${request.method} ${request.path}`);
    else if (!grants.some((grant) => grantAllows(grant, access))) refused.add(describeAccess(access));
  }
  return [...refused].sort();
}

/** Every (group, resource, verb) a grant gives, in its scope, that no request used. */
function unusedGrants(requests: readonly RecordedRequest[], grants: Grant[]): string[] {
  const accesses = requests.map(accessOf).filter((a): a is Access => a !== undefined);
  const unused: string[] = [];
  for (const grant of grants) {
    for (const rule of grant.rules) {
      for (const group of rule.apiGroups ?? [])
        for (const resource of rule.resources ?? [])
          for (const verb of rule.verbs) {
            const used = accesses.some(
              (a) =>
                a.group === group &&
                a.resource === resource &&
                a.verb === verb &&
                (grant.namespace === undefined || a.namespace === grant.namespace) &&
                ruleAllows(rule, a),
            );
            if (!used) unused.push(`${grant.source}: ${verb} ${group || 'core'}/${resource}`);
          }
    }
  }
  return unused.sort();
}

// ---------------------------------------------------------------------------------------------------
// The watcher and status writer, driven through every ClusterApi method

const kinds = watchedKinds();
const servedResources: readonly ResourceDefinition[] = [
  ...DEFAULT_RESOURCES,
  ...allKinds()
    .filter((k) => !DEFAULT_RESOURCES.some((r) => r.group === k.group && r.plural === k.plural))
    .map((k) => customResource(`${k.group}/${k.version}`, k.kind, k.plural)),
];

function refOf(kind: string) {
  const found = kinds.find((k) => k.kind === kind);
  if (!found) throw new Error(`unknown kind ${kind}`);
  return { group: found.group, version: found.version, plural: found.plural };
}

function inNamespace(object: KubeObject, namespace: string): KubeObject {
  const { uid: _uid, resourceVersion: _rv, generation: _g, ...metadata } = object.metadata;
  return { ...object, metadata: { ...metadata, namespace } };
}

/** The DB-less API whose gateway ConfigMap the watcher writes when allowed to. */
const DB_LESS_API = 'db-less-echo';

/**
 * One object of every kind, plus what they reference: a context whose credentials come from a Secret, a v4
 * API templated from a Secret and a ConfigMap, and a DB-less v4 API (gateway ConfigMap, no context).
 */
function scenarioObjects(namespace: string): KubeObject[] {
  const context = 'apim';
  const objects: KubeObject[] = [
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'apim-credentials' },
      stringData: { bearerToken: 'token-4d1f' },
    },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'api-secrets' }, stringData: { token: 'b-71c2' } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'api-settings' }, data: { owner: 'payments' } },
    contextObject(context, { auth: { secretRef: { name: 'apim-credentials' } } }) as KubeObject,
    apiObject('echo', {
      contextRef: { name: context },
      description: 'Owned by [[ configmap "api-settings/owner" ]]',
      endpointGroups: [
        {
          name: 'default',
          type: 'http-proxy',
          sharedConfiguration: {
            headers: [{ name: 'Authorization', value: 'Bearer [[ secret "api-secrets/token" ]]' }],
          },
          endpoints: [
            { name: 'backend', type: 'http-proxy', configuration: { target: 'https://backend.example.com' } },
          ],
        },
      ],
    }) as KubeObject,
    apiObject(DB_LESS_API, {
      contextRef: undefined,
      definitionContext: { origin: 'KUBERNETES', syncFrom: 'KUBERNETES' },
    }) as KubeObject,
    apiV2Manifest('legacy', context),
    apiResourceManifest('cache'),
    applicationManifest('shop', context),
    subscriptionManifest('shop-echo', { api: 'echo', application: 'shop', plan: 'keyless-plan' }),
    groupManifest('payments', context),
    notificationManifest('on-start'),
    sharedPolicyGroupManifest('strip-headers', context),
    dictionaryManifest('countries', context),
    portalManifest('partners', context),
    portalListingManifest('partners-apis', 'partners', ['echo']),
    portalLinkManifest('status-page', 'partners'),
    documentationManifest('getting-started', { portalRef: { name: 'partners' } }),
  ];
  return objects.map((o) => JSON.parse(JSON.stringify(inNamespace(o, namespace))) as KubeObject);
}

interface RunSettings {
  /** Namespaces the watcher follows; empty = all. */
  watched: string[];
  gatewayConfigMaps: boolean;
  templating: boolean;
  leaderElection: boolean;
  /** Where the Lease lives (the Deployment's namespace, as the downward API gives it) and its name. */
  lease: { namespace: string; name: string };
}

/**
 * The watcher's settings as it would read them in the pod: the rendered ConfigMap plus the downward API
 * values, through the real configuration parser. Settings an overlay must add (cluster name, queues, key)
 * get stand-ins when the rendered manifests do not have them yet (base).
 */
function settingsFrom(docs: Doc[]): RunSettings {
  const deployment = docs.find((d) => d.kind === 'Deployment' && d.metadata.name === 'gso-watcher');
  assert.ok(deployment?.metadata.namespace, 'the manifests hold the namespaced Deployment gso-watcher');
  const config = watcherEnvironment({
    GSO_CLUSTER: CLUSTER,
    GSO_CHANGE_QUEUES: '{}',
    GSO_STATUS_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/111122223333/status',
    GSO_KMS_KEY_ID: 'alias/stand-in',
    ...watcherSettings(docs),
    GSO_LEASE_NAMESPACE: deployment.metadata.namespace,
    GSO_POD_NAME: 'gso-watcher-0',
  });
  return {
    watched: config.GSO_NAMESPACES,
    gatewayConfigMaps: config.GSO_GATEWAY_CONFIGMAPS,
    templating: config.GSO_ENABLE_TEMPLATING,
    leaderElection: config.GSO_LEADER_ELECTION,
    lease: { namespace: deployment.metadata.namespace, name: config.GSO_LEASE_NAME },
  };
}

/** Election timing short enough for a test, within the elector's rules (duration > deadline > retry). */
const fastElection = { leaseDurationSeconds: 1, renewDeadlineMs: 600, retryPeriodMs: 100, jitterFactor: 1 };

/**
 * Two replicas competing for the Lease: the first creates it, the second reads it and waits; the leader
 * releases it on stop and the standby takes it over (both conditional replaces). Uses the same
 * client-node adapter as the watcher.
 */
async function electLeaders(cluster: ClientNodeCluster, lease: RunSettings['lease']): Promise<void> {
  const leading: string[] = [];
  const elector = (identity: string) =>
    new LeaderElector(cluster, {
      ...fastElection,
      namespace: lease.namespace,
      leaseName: lease.name,
      identity,
      logger: silentLogger,
      onStartedLeading: () => leading.push(identity),
      onStoppedLeading: () => undefined,
    });
  const first = elector('gso-watcher-0');
  const second = elector('gso-watcher-1');
  first.start();
  await waitUntil(() => leading.includes('gso-watcher-0'), 'the first replica leads', TIMEOUT_MS);
  second.start();
  await waitUntil(
    () => second.leader() === 'gso-watcher-0',
    'the second replica waits as standby',
    TIMEOUT_MS,
  );
  await first.stop();
  await waitUntil(() => leading.includes('gso-watcher-1'), 'the standby takes over', TIMEOUT_MS);
  await second.stop();
}

/**
 * Runs the watcher and status writer through the whole scenario in every namespace they watch (`default`
 * when they watch all) and returns the requests the API server received.
 */
async function exerciseWatcher(settings: RunSettings): Promise<readonly RecordedRequest[]> {
  const namespaces = settings.watched.length ? settings.watched : ['default'];
  const server = new FakeKubeServer({
    resources: servedResources,
    namespaces: [...new Set(['default', 'kube-system', settings.lease.namespace, ...namespaces])],
  });
  await server.start();
  const sent: string[] = [];
  const publisher: ChangePublisher = {
    publish: async (events) => {
      for (const e of events) sent.push(`${changeOf(e)} ${e.subject}`);
      return [];
    },
  };
  const cluster = new ClientNodeCluster(server.kubeConfig());
  const watcher = new Watcher(cluster, publisher, new EnvelopeSealer(new LocalKeyWrapper(randomBytes(32))), {
    ...watcherDefaults,
    cluster: CLUSTER,
    kinds,
    namespaces: settings.watched,
    templating: settings.templating,
    gatewayConfigMaps: settings.gatewayConfigMaps,
    resyncIntervalMs: 0,
    lingerMs: 5,
    logger: silentLogger,
  });
  const statusQueue = new EmbeddedQueue({ name: 'status', fifo: false });
  const bus = new EmbeddedBus();
  bus.addRule({ name: 'this-cluster', cluster: CLUSTER, target: statusQueue });
  const writer = new StatusWriter(cluster, statusQueue, {
    ...statusWriterDefaults,
    cluster: CLUSTER,
    kinds,
    statusFields: statusFieldsByKind(),
    waitSeconds: 0,
    logger: silentLogger,
  });
  const deliver = async (details: StatusDetail[]) => {
    await bus.publish(details);
    for (const message of await statusQueue.receive(100, 0)) await writer.handleMessage(message);
  };

  try {
    const custom = namespaces.flatMap(scenarioObjects).filter((o) => o.apiVersion.startsWith('gravitee.io/'));
    for (const object of namespaces.flatMap(scenarioObjects)) server.apply(object);
    if (settings.leaderElection) await electLeaders(cluster, settings.lease);
    await watcher.start();

    const stored = (o: KubeObject) => server.get(refOf(o.kind), o.metadata.namespace, o.metadata.name);
    const finalizerOf = (kind: string) => kinds.find((k) => k.kind === kind)?.finalizer ?? '';
    await waitUntil(
      () => custom.every((o) => stored(o)?.metadata.finalizers?.includes(finalizerOf(o.kind))),
      'the watcher has put its finalizer on every object',
      TIMEOUT_MS,
    );
    const gatewayConfigMap = (namespace: string) => server.get('configmaps', namespace, DB_LESS_API);
    if (settings.gatewayConfigMaps) {
      await waitUntil(
        () => namespaces.every((ns) => gatewayConfigMap(ns) !== undefined),
        'the gateway ConfigMap of the DB-less API is written',
        TIMEOUT_MS,
      );
      for (const ns of namespaces) {
        const api = server.get(refOf('ApiV4Definition'), ns, DB_LESS_API);
        assert.ok(api);
        const spec = api.spec as Record<string, unknown>;
        server.apply({ ...api, spec: { ...spec, description: 'second revision' } });
      }
      await waitUntil(
        () =>
          namespaces.every((ns) =>
            (gatewayConfigMap(ns)?.data as Record<string, string>)?.definition?.includes('second revision'),
          ),
        'the gateway ConfigMap of the DB-less API is replaced',
        TIMEOUT_MS,
      );
    }
    await waitUntil(
      () => custom.every((o) => sent.some((s) => s.endsWith(`${o.metadata.namespace}/${o.metadata.name}`))),
      'every object has been forwarded',
      TIMEOUT_MS,
    );

    const detailOf = (o: KubeObject, outcome: StatusDetail['outcome']): StatusDetail => {
      const current = stored(o);
      assert.ok(current, `${o.kind} ${o.metadata.name} exists`);
      const generation = current.metadata.generation ?? 1;
      const now = new Date();
      return {
        cluster: CLUSTER,
        kind: o.kind,
        namespace: current.metadata.namespace ?? '',
        name: current.metadata.name,
        uid: current.metadata.uid ?? '',
        generation,
        outcome,
        status: acceptedStatus({ id: `apim-${current.metadata.name}` }, generation, now),
        apim: [],
        correlationId: `change-of-${current.metadata.name}`,
        attempt: 1,
        durationMs: 3,
        time: now.toISOString(),
      };
    };
    await deliver(custom.map((o) => detailOf(o, 'Synced')));
    // ApiResource has no status fields (its CRD keeps none): its patch is empty but still made.
    const withConditions = custom.filter((o) => statusFieldsByKind()[o.kind]?.includes('conditions'));
    const notAccepted = withConditions.filter(
      (o) =>
        !(
          ((stored(o)?.status as { conditions?: unknown[] } | undefined)?.conditions ?? []) as Array<{
            type: string;
            status: string;
          }>
        ).some((c) => c.type === 'Accepted' && c.status === 'True'),
    );
    assert.deepEqual(notAccepted, [], 'every object with conditions carries the status written back');

    for (const o of custom) server.delete(refOf(o.kind), o.metadata.namespace, o.metadata.name);
    await waitUntil(
      () => custom.every((o) => sent.includes(`deleted ${o.metadata.namespace}/${o.metadata.name}`)),
      'the deletion of every object is forwarded',
      TIMEOUT_MS,
    );
    await deliver(custom.map((o) => detailOf(o, 'Deleted')));
    await waitUntil(
      () => custom.every((o) => stored(o) === undefined),
      'every object is gone once its finalizer is released',
      TIMEOUT_MS,
    );
    if (settings.gatewayConfigMaps) {
      await waitUntil(
        () => namespaces.every((ns) => gatewayConfigMap(ns) === undefined),
        'the gateway ConfigMap of the deleted DB-less API is deleted',
        TIMEOUT_MS,
      );
    } else {
      assert.ok(
        namespaces.every((ns) => gatewayConfigMap(ns) === undefined),
        'no gateway ConfigMap is written when the watcher may not write ConfigMaps',
      );
    }
    const events = namespaces.flatMap((ns) =>
      server.list({ group: '', version: 'v1', plural: 'events' }, ns),
    );
    assert.ok(events.length >= custom.length, 'Events were recorded on the objects');
    return [...server.requests];
  } finally {
    await watcher.stop(2_000);
    await writer.stop();
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------------
// Scenarios

const variants: Array<{ title: string; docs: () => Doc[] }> = [
  { title: 'cluster-wide (base)', docs: () => render(join(k8sDir, 'base')) },
  { title: 'cluster-wide with DB-less APIs', docs: () => renderComposed(['base'], ['components/db-less']) },
  {
    title: 'namespaced (overlays/namespaced-example)',
    docs: () => render(join(k8sDir, 'overlays/namespaced-example')),
  },
  {
    title: 'namespaced with DB-less APIs',
    docs: () => renderComposed(['overlays/namespaced-example'], ['components/db-less']),
  },
];

for (const variant of variants) {
  describe(`the ${variant.title} RBAC and the watcher's calls`, () => {
    let docs: Doc[];
    let grants: Grant[];
    let requests: readonly RecordedRequest[];

    before(async () => {
      // Prepare
      docs = variant.docs();
      grants = grantsOf(docs, WATCHER);
      // Act
      requests = await exerciseWatcher(settingsFrom(docs));
    });

    it('allows every request the watcher and the status writer make', () => {
      // Assess
      assert.ok(requests.length > 0, 'the scenario made requests');
      assert.deepEqual(refusedRequests(requests, grants), []);
    });

    it('grants no (group, resource, verb) the code does not use', () => {
      // Assess
      assert.deepEqual(unusedGrants(requests, grants), []);
    });
  });
}

describe('the authorization check itself', () => {
  let base: Grant[];
  let namespaced: Grant[];
  before(() => {
    base = grantsOf(render(join(k8sDir, 'base')), WATCHER);
    namespaced = grantsOf(render(join(k8sDir, 'overlays/namespaced-example')), WATCHER);
  });

  const request = (method: string, path: string, watch = false): RecordedRequest => ({
    method,
    path,
    query: {},
    watch,
  });

  it('refuses a ConfigMap write without the DB-less component', () => {
    // Act
    const refused = refusedRequests([request('POST', '/api/v1/namespaces/default/configmaps')], base);

    // Assess
    assert.deepEqual(refused, ['create core/configmaps in default']);
  });

  it('refuses, in the namespaced variant, cluster-wide watches and calls in unwatched namespaces', () => {
    // Act
    const refused = refusedRequests(
      [
        request('GET', '/apis/gravitee.io/v1alpha1/apiv4definitions', true),
        request('GET', '/api/v1/namespaces/kube-system/secrets/aws-credentials'),
        request('GET', '/apis/gravitee.io/v1alpha1/namespaces/team-a/apiv4definitions', true),
      ],
      namespaced,
    );

    // Assess
    assert.deepEqual(refused, [
      'get core/secrets aws-credentials in kube-system',
      'watch gravitee.io/apiv4definitions in (cluster)',
    ]);
  });

  it('reports a grant no request used', () => {
    // Act
    const unused = unusedGrants([request('GET', '/api/v1/namespaces/default/secrets/s')], base).filter((u) =>
      u.includes('core/'),
    );

    // Assess
    assert.deepEqual(unused, [
      'ClusterRoleBinding /gso-watcher → ClusterRole/gso-watcher: create core/events',
      'ClusterRoleBinding /gso-watcher → ClusterRole/gso-watcher: get core/configmaps',
    ]);
  });

  it('applies lease rules named after one Lease only to that Lease', () => {
    // Act
    const refused = refusedRequests(
      [
        request(
          'GET',
          `/apis/coordination.k8s.io/v1/namespaces/${WATCHER.namespace}/leases/gso-watcher-leader`,
        ),
        request('PUT', `/apis/coordination.k8s.io/v1/namespaces/${WATCHER.namespace}/leases/someone-else`),
        request('POST', `/apis/coordination.k8s.io/v1/namespaces/${WATCHER.namespace}/leases`),
        request('POST', '/apis/coordination.k8s.io/v1/namespaces/default/leases'),
      ],
      base,
    );

    // Assess
    assert.deepEqual(refused, [
      'create coordination.k8s.io/leases in default',
      `update coordination.k8s.io/leases someone-else in ${WATCHER.namespace}`,
    ]);
  });
});
