/**
 * The watcher's Kubernetes manifests (infra/k8s), as `kubectl kustomize` renders them: what they install,
 * how the pods run, and how narrow the rights of each variant are. Which calls the code makes, and that
 * the RBAC matches them exactly, is tests/integration/watcher/rbac-matches-code.test.ts.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { allKinds } from '../../../lib/crds/kinds.ts';
import { WatcherEnvironmentSchema, watcherEnvironment } from '../../../lib/watcher/watcher-config.ts';
import { renderComposed as composeAndRender, renderKustomization } from '../../support/k8s/kustomize.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const k8sDir = join(repoRoot, 'infra', 'k8s');
const WATCHER_NAMESPACE = 'gravitee-serverless-operator';
const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';
/** The IAM role ARN shape the EKS Pod Identity webhook accepts. */
const ROLE_ARN = /^arn:aws[a-z0-9-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const WRITE_VERBS = ['create', 'update', 'patch', 'delete', 'deletecollection', '*'];

interface Rule {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
  resourceNames?: string[];
}

interface Doc {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

interface Container {
  name: string;
  image: string;
  env?: Array<{ name: string; value?: string; valueFrom?: { fieldRef?: { fieldPath: string } } }>;
  envFrom?: Array<{ configMapRef?: { name: string } }>;
  ports?: Array<{ name?: string; containerPort: number }>;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Record<string, unknown> & { capabilities?: { drop?: string[]; add?: string[] } };
  volumeMounts?: unknown[];
}

interface Probe {
  httpGet?: { path: string; port: number | string };
}

interface PodSpec {
  serviceAccountName: string;
  automountServiceAccountToken?: boolean;
  terminationGracePeriodSeconds?: number;
  securityContext?: Record<string, unknown>;
  containers: Container[];
  volumes?: unknown[];
  hostNetwork?: boolean;
  hostPID?: boolean;
}

interface Rendered {
  docs: Doc[];
  all(kind: string): Doc[];
  one(kind: string, name: string, namespace?: string): Doc;
}

/** The rendered objects, with look-ups that fail naming what is missing. */
function rendered(docs: Doc[], where: string): Rendered {
  const all = (kind: string) => docs.filter((d) => d.kind === kind);
  return {
    docs,
    all,
    one(kind, name, namespace) {
      const found = all(kind).filter(
        (d) => d.metadata.name === name && (namespace === undefined || d.metadata.namespace === namespace),
      );
      assert.equal(found.length, 1, `exactly one ${kind} ${namespace ?? ''}/${name} in ${where}`);
      return found[0] as Doc;
    },
  };
}

function render(dir: string): Rendered {
  return rendered(renderKustomization(dir) as Doc[], relative(repoRoot, dir));
}

function renderComposed(resources: string[], components: string[]): Rendered {
  return rendered(composeAndRender(resources, components) as Doc[], `${resources} + ${components}`);
}

const podSpecOf = (deployment: Doc) => (deployment.spec as { template: { spec: PodSpec } }).template.spec;
const settingsOf = (r: Rendered) =>
  r.one('ConfigMap', 'gso-watcher-config', WATCHER_NAMESPACE).data as Record<string, string>;
const rulesOf = (role: Doc) => (role.rules ?? []) as Rule[];
const quantity = (value: string | undefined) => {
  const match = /^(\d+(?:\.\d+)?)(m|Mi|Gi)?$/.exec(value ?? '');
  assert.ok(match, `a quantity, not ${value}`);
  const amount = Number(match[1]);
  return match[2] === 'm' ? amount / 1000 : match[2] === 'Gi' ? amount * 1024 : amount;
};

/** The YAML files under a folder, recursively. */
function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFilesUnder(path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    })
    .sort();
}

/**
 * Every object shaped like an RBAC rule (`resources` and `verbs` lists) anywhere in a parsed document,
 * inline kustomize patches (YAML in a `patch` string) included.
 */
function ruleLikeObjects(value: unknown): Rule[] {
  if (Array.isArray(value)) return value.flatMap(ruleLikeObjects);
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const found: Rule[] =
    Array.isArray(record.resources) && Array.isArray(record.verbs) ? [record as unknown as Rule] : [];
  for (const [key, member] of Object.entries(record)) {
    if (key === 'patch' && typeof member === 'string')
      found.push(...parseAllDocuments(member).flatMap((d) => ruleLikeObjects(d.toJS())));
    else found.push(...ruleLikeObjects(member));
  }
  return found;
}

/** Every (role, group, resource, verb) that writes ConfigMaps. */
function configMapWrites(r: Rendered): string[] {
  const out: string[] = [];
  for (const role of [...r.all('ClusterRole'), ...r.all('Role')])
    for (const rule of rulesOf(role))
      if ((rule.apiGroups ?? []).some((g) => g === '' || g === '*'))
        for (const resource of rule.resources ?? [])
          if (resource === 'configmaps' || resource === '*')
            for (const verb of rule.verbs)
              if (WRITE_VERBS.includes(verb))
                out.push(`${role.kind} ${role.metadata.namespace ?? ''}/${role.metadata.name}: ${verb}`);
  return out.sort();
}

describe('infra/k8s base', () => {
  let base: Rendered;
  let deployment: Doc;
  let pod: PodSpec;
  let watcher: Container;
  let settings: Record<string, string>;

  before(() => {
    base = render(join(k8sDir, 'base'));
    deployment = base.one('Deployment', 'gso-watcher', WATCHER_NAMESPACE);
    pod = podSpecOf(deployment);
    assert.equal(pod.containers.length, 1, 'one container: the watcher');
    watcher = pod.containers[0] as Container;
    settings = settingsOf(base);
  });

  it('installs every generated CRD, one per kind the operator handles', () => {
    // Prepare
    const generated = readdirSync(join(repoRoot, 'infra', 'crds'))
      .filter((f) => f.endsWith('.gravitee.io.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''))
      .sort();

    // Act
    const installed = base
      .all('CustomResourceDefinition')
      .map((d) => d.metadata.name)
      .sort();

    // Assess
    assert.deepEqual(installed, generated);
    assert.deepEqual(
      installed,
      allKinds()
        .map((k) => `${k.plural}.${k.group}`)
        .sort(),
    );
  });

  it('puts every namespaced object in the watcher namespace, which enforces the restricted pod standard', () => {
    // Act
    const namespace = base.one('Namespace', WATCHER_NAMESPACE);
    const elsewhere = base.docs.filter(
      (d) =>
        !['Namespace', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleBinding'].includes(d.kind) &&
        d.metadata.namespace !== WATCHER_NAMESPACE,
    );

    // Assess
    assert.deepEqual(elsewhere, []);
    assert.equal(namespace.metadata.labels?.['pod-security.kubernetes.io/enforce'], 'restricted');
  });

  it('runs the pods as a fixed non-root user, without privileges, on a read-only root file system', () => {
    // Act
    const podContext = pod.securityContext ?? {};
    const context = watcher.securityContext ?? {};

    // Assess
    assert.equal(podContext.runAsNonRoot, true);
    assert.ok(
      Number(podContext.runAsUser) > 0 && Number(podContext.runAsGroup) > 0,
      'fixed non-root uid/gid',
    );
    assert.deepEqual(podContext.seccompProfile, { type: 'RuntimeDefault' });
    assert.equal(context.runAsNonRoot, true);
    assert.equal(context.runAsUser ?? podContext.runAsUser, podContext.runAsUser);
    assert.equal(context.readOnlyRootFilesystem, true);
    assert.equal(context.allowPrivilegeEscalation, false);
    assert.notEqual(context.privileged, true);
    assert.deepEqual(context.capabilities?.drop, ['ALL']);
    assert.equal(context.capabilities?.add, undefined);
    assert.deepEqual(context.seccompProfile ?? podContext.seccompProfile, { type: 'RuntimeDefault' });
    assert.notEqual(pod.hostNetwork, true);
    assert.notEqual(pod.hostPID, true);
    // Nothing writes to disk (the bundle only reads its own file): no writable volume at all.
    assert.equal(pod.volumes, undefined);
    assert.equal(watcher.volumeMounts, undefined);
  });

  it('mounts the API token only into the watcher pods, which need it to reach the API server', () => {
    // Act
    const account = base.one('ServiceAccount', pod.serviceAccountName, WATCHER_NAMESPACE);

    // Assess
    assert.equal(pod.serviceAccountName, 'gso-watcher');
    assert.equal(account.automountServiceAccountToken, false);
    assert.equal(pod.automountServiceAccountToken, true);
  });

  it('probes liveness and readiness on the health port the watcher listens on', () => {
    // Prepare
    const portOf = (probe: Probe | undefined) => {
      const port = probe?.httpGet?.port;
      return typeof port === 'number' ? port : watcher.ports?.find((p) => p.name === port)?.containerPort;
    };

    // Act
    const liveness = watcher.livenessProbe?.httpGet?.path;
    const readiness = watcher.readinessProbe?.httpGet?.path;

    // Assess
    assert.ok(liveness === '/livez' || liveness === '/healthz', `liveness on /livez, not ${liveness}`);
    assert.equal(readiness, '/readyz');
    assert.equal(settings.GSO_HEALTH_PORT, '8081');
    assert.equal(portOf(watcher.livenessProbe), 8081);
    assert.equal(portOf(watcher.readinessProbe), 8081);
  });

  it('requests CPU and memory and caps both', () => {
    // Act
    const { requests = {}, limits = {} } = watcher.resources ?? {};

    // Assess
    assert.ok(quantity(requests.cpu) > 0 && quantity(requests.memory) > 0, 'CPU and memory requests');
    assert.ok(quantity(limits.cpu) >= quantity(requests.cpu), 'a CPU limit at or above the request');
    assert.ok(quantity(limits.memory) >= quantity(requests.memory), 'a memory limit at or above the request');
  });

  it('runs two replicas, rolls them one at a time without going below two, and lets drains take one', () => {
    // Act
    const spec = deployment.spec as {
      replicas: number;
      selector: { matchLabels: Record<string, string> };
      strategy: { type: string; rollingUpdate: { maxSurge: number; maxUnavailable: number } };
      template: { metadata: { labels: Record<string, string> } };
    };
    const budget = base.one('PodDisruptionBudget', 'gso-watcher', WATCHER_NAMESPACE).spec as {
      maxUnavailable?: number;
      minAvailable?: number;
      selector: { matchLabels: Record<string, string> };
    };

    // Assess
    assert.equal(spec.replicas, 2);
    assert.equal(settings.GSO_LEADER_ELECTION, 'true', 'two replicas need leader election');
    // A new pod is a Ready standby before an old one goes: the rollout never waits on the Lease.
    assert.equal(spec.strategy.type, 'RollingUpdate');
    assert.equal(spec.strategy.rollingUpdate.maxUnavailable, 0);
    assert.ok(spec.strategy.rollingUpdate.maxSurge >= 1);
    const selected = (selector: Record<string, string>) =>
      Object.entries(selector).every(([k, v]) => spec.template.metadata.labels[k] === v);
    assert.ok(
      selected(spec.selector.matchLabels) && selected(budget.selector.matchLabels),
      'selectors match',
    );
    const unavailable = budget.maxUnavailable ?? spec.replicas - (budget.minAvailable ?? spec.replicas);
    assert.equal(unavailable, 1, 'one pod may be evicted at a time, never both');
  });

  it('gives the watcher longer to stop than it takes to send what is pending', () => {
    // Act
    const grace = pod.terminationGracePeriodSeconds ?? 30;

    // Assess: the watches' catch-up (up to 5 s), the send budget, the status batch and the Lease release.
    const needed = 5 + Number(settings.GSO_SHUTDOWN_SECONDS) + 10;
    assert.ok(
      grace >= needed,
      `${grace} s >= ${needed} s (catch-up + GSO_SHUTDOWN_SECONDS + batch and release)`,
    );
  });

  it('reads its settings from the ConfigMap and its identity and Lease namespace from the downward API', () => {
    // Act
    const fieldOf = (name: string) =>
      watcher.env?.find((e) => e.name === name)?.valueFrom?.fieldRef?.fieldPath;

    // Assess
    assert.deepEqual(watcher.envFrom, [{ configMapRef: { name: 'gso-watcher-config' } }]);
    assert.equal(fieldOf('GSO_POD_NAME'), 'metadata.name');
    assert.equal(fieldOf('GSO_LEASE_NAMESPACE'), 'metadata.namespace');
  });

  it('holds only settings the watcher knows, which it accepts once an overlay adds the cluster ones', () => {
    // Prepare
    const known = new Set([...Object.keys(WatcherEnvironmentSchema.shape), 'AWS_REGION']);

    // Act
    const unknown = Object.keys(settings).filter((key) => !known.has(key));
    const parsed = watcherEnvironment({
      ...settings,
      GSO_CLUSTER: 'prod-eu',
      GSO_CHANGE_QUEUES: '{}',
      GSO_STATUS_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/111122223333/status',
      GSO_KMS_KEY_ID: 'alias/sealing',
      GSO_LEASE_NAMESPACE: WATCHER_NAMESPACE,
      GSO_POD_NAME: 'gso-watcher-0',
    });

    // Assess
    assert.deepEqual(unknown, []);
    assert.equal(parsed.GSO_GATEWAY_CONFIGMAPS, false, 'least privilege by default: no gateway ConfigMaps');
    assert.deepEqual(parsed.GSO_NAMESPACES, [], 'the base watches every namespace');
  });

  it('grants the Lease rights in the watcher namespace only, on the Lease the watcher uses', () => {
    // Prepare
    const leaseRule = (rule: Rule) => (rule.resources ?? []).some((r) => r === 'leases' || r === '*');

    // Act
    const roles = [...base.all('Role'), ...base.all('ClusterRole')].filter((role) =>
      rulesOf(role).some(leaseRule),
    );
    const role = roles[0] as Doc;
    const binding = base
      .all('RoleBinding')
      .find((b) => (b.roleRef as { kind: string; name: string }).name === role?.metadata.name);

    // Assess
    assert.deepEqual(
      roles.map((r) => `${r.kind} ${r.metadata.namespace}/${r.metadata.name}`),
      [`Role ${WATCHER_NAMESPACE}/gso-watcher-leader-election`],
    );
    for (const rule of rulesOf(role)) {
      assert.deepEqual(rule.apiGroups, ['coordination.k8s.io']);
      assert.deepEqual(rule.resources, ['leases']);
      assert.ok(
        rule.verbs.every((v) => ['get', 'create', 'update'].includes(v)),
        `verbs ${rule.verbs}`,
      );
      // Creating cannot be narrowed by name; reading and renewing can, and are.
      if (!rule.verbs.includes('create')) assert.deepEqual(rule.resourceNames, [settings.GSO_LEASE_NAME]);
    }
    assert.equal(binding?.metadata.namespace, WATCHER_NAMESPACE);
    assert.deepEqual(binding?.subjects, [
      { kind: 'ServiceAccount', name: 'gso-watcher', namespace: WATCHER_NAMESPACE },
    ]);
  });

  it('binds the cluster role to the watcher ServiceAccount and nothing else', () => {
    // Act
    const binding = base.one('ClusterRoleBinding', 'gso-watcher');

    // Assess
    assert.deepEqual(binding.roleRef, {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'gso-watcher',
    });
    assert.deepEqual(binding.subjects, [
      { kind: 'ServiceAccount', name: 'gso-watcher', namespace: WATCHER_NAMESPACE },
    ]);
  });

  it('carries the IRSA annotation on the ServiceAccount, empty so that EKS Pod Identity works as is', () => {
    // Act
    const annotations =
      base.one('ServiceAccount', 'gso-watcher', WATCHER_NAMESPACE).metadata.annotations ?? {};

    // Assess
    assert.ok(Object.hasOwn(annotations, IRSA_ANNOTATION), `annotation ${IRSA_ANNOTATION}`);
    assert.equal(annotations[IRSA_ANNOTATION], '');
  });
});

describe('infra/k8s ConfigMap writes', () => {
  const variants: Array<{ title: string; render: () => Rendered; dbLess: boolean }> = [
    { title: 'base', render: () => render(join(k8sDir, 'base')), dbLess: false },
    { title: 'overlays/example', render: () => render(join(k8sDir, 'overlays/example')), dbLess: false },
    {
      title: 'overlays/namespaced-example',
      render: () => render(join(k8sDir, 'overlays/namespaced-example')),
      dbLess: false,
    },
    { title: 'base + db-less', render: () => renderComposed(['base'], ['components/db-less']), dbLess: true },
    {
      title: 'namespaced-example + db-less',
      render: () => renderComposed(['overlays/namespaced-example'], ['components/db-less']),
      dbLess: true,
    },
  ];

  for (const variant of variants) {
    it(`${variant.dbLess ? 'are granted, and switched on,' : 'are neither granted nor switched on'} in ${variant.title}`, () => {
      // Act
      const rendered = variant.render();
      const writes = configMapWrites(rendered);
      const roles = rendered.all('ClusterRole').length + rendered.all('Role').length;

      // Assess
      assert.equal(settingsOf(rendered).GSO_GATEWAY_CONFIGMAPS, String(variant.dbLess));
      if (!variant.dbLess) assert.deepEqual(writes, []);
      else {
        // Every role of watched resources (one cluster role, or one Role per watched namespace) gets them.
        const watchedRoles = [...rendered.all('ClusterRole'), ...rendered.all('Role')].filter(
          (r) => r.metadata.name === 'gso-watcher',
        );
        assert.ok(roles > 0 && watchedRoles.length > 0);
        assert.deepEqual(
          writes,
          watchedRoles
            .flatMap((r) =>
              ['create', 'update', 'delete'].map(
                (v) => `${r.kind} ${r.metadata.namespace ?? ''}/${r.metadata.name}: ${v}`,
              ),
            )
            .sort(),
        );
      }
    });
  }

  it('come from components/db-less alone among the manifest files', () => {
    // Prepare
    const files = yamlFilesUnder(k8sDir);

    // Act
    const writers = files.filter((file) =>
      parseAllDocuments(readFileSync(file, 'utf8')).some((doc) =>
        ruleLikeObjects(doc.toJS()).some(
          (rule) =>
            (rule.resources ?? []).some((r) => r === 'configmaps' || r === '*') &&
            rule.verbs.some((v) => WRITE_VERBS.includes(v)),
        ),
      ),
    );

    // Assess
    assert.deepEqual(
      writers.map((f) => relative(k8sDir, f)),
      [join('components', 'db-less', 'config-map-writes.yaml')],
    );
  });
});

describe('infra/k8s namespaced variant', () => {
  let namespaced: Rendered;
  let base: Rendered;

  before(() => {
    namespaced = render(join(k8sDir, 'overlays/namespaced-example'));
    base = render(join(k8sDir, 'base'));
  });

  it('has no cluster-wide role on gravitee.io resources, Secrets, ConfigMaps or Events', () => {
    // Act
    const clusterRules = namespaced.all('ClusterRole').flatMap(rulesOf);
    const clusterBindings = namespaced.all('ClusterRoleBinding');

    // Assess
    assert.deepEqual(clusterRules, []);
    assert.deepEqual(clusterBindings, []);
  });

  it('has, in each watched namespace and nowhere else, a Role with the rules of the cluster-wide role', () => {
    // Prepare
    const watched = (settingsOf(namespaced).GSO_NAMESPACES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const clusterRules = rulesOf(base.one('ClusterRole', 'gso-watcher'));

    // Act
    const roles = namespaced.all('Role').filter((r) => r.metadata.name === 'gso-watcher');
    const bindings = namespaced.all('RoleBinding').filter((b) => b.metadata.name === 'gso-watcher');

    // Assess
    assert.ok(watched.length > 0, 'GSO_NAMESPACES names the watched namespaces');
    assert.deepEqual(roles.map((r) => r.metadata.namespace).sort(), [...watched].sort());
    for (const role of roles) assert.deepEqual(rulesOf(role), clusterRules);
    assert.deepEqual(bindings.map((b) => b.metadata.namespace).sort(), [...watched].sort());
    for (const binding of bindings) {
      assert.deepEqual(binding.roleRef, {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Role',
        name: 'gso-watcher',
      });
      assert.deepEqual(binding.subjects, [
        { kind: 'ServiceAccount', name: 'gso-watcher', namespace: WATCHER_NAMESPACE },
      ]);
    }
  });

  it('keeps the Lease Role in the watcher namespace', () => {
    // Act
    const role = namespaced.one('Role', 'gso-watcher-leader-election');

    // Assess
    assert.equal(role.metadata.namespace, WATCHER_NAMESPACE);
  });
});

describe('infra/k8s example overlay', () => {
  let example: Rendered;

  before(() => {
    example = render(join(k8sDir, 'overlays/example'));
  });

  it('sets settings the watcher accepts, with a change queue for every kind', () => {
    // Prepare
    const deployment = example.one('Deployment', 'gso-watcher', WATCHER_NAMESPACE);

    // Act
    const config = watcherEnvironment({
      ...settingsOf(example),
      GSO_LEASE_NAMESPACE: deployment.metadata.namespace,
      GSO_POD_NAME: 'gso-watcher-0',
    });

    // Assess
    assert.deepEqual(
      Object.keys(config.GSO_CHANGE_QUEUES).sort(),
      allKinds()
        .map((k) => k.kind)
        .sort(),
    );
    assert.ok(settingsOf(example).AWS_REGION, 'the region of the queues and the key');
  });

  it('annotates the ServiceAccount with an IAM role ARN for IRSA', () => {
    // Act
    const annotations =
      example.one('ServiceAccount', 'gso-watcher', WATCHER_NAMESPACE).metadata.annotations ?? {};

    // Assess
    assert.match(annotations[IRSA_ANNOTATION] ?? '', ROLE_ARN);
  });

  it('runs an image from a registry at a fixed tag', () => {
    // Act
    const image = (
      podSpecOf(example.one('Deployment', 'gso-watcher', WATCHER_NAMESPACE)).containers[0] as Container
    ).image;

    // Assess
    assert.match(image, /^[\w.-]+(:\d+)?\/[\w./-]+:[\w.-]+$/);
    assert.doesNotMatch(image, /:latest$/);
  });
});
