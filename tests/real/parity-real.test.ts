/**
 * The parity scenarios (tests/support/parity/) against the real servers: kube-apiserver + etcd built from
 * published Go modules, with the watcher running under its own ServiceAccount identity and only the RBAC
 * rendered from infra/k8s (base + db-less), and the real APIM Management API when it can be assembled.
 * When it cannot (APIM 4.x Management API artifacts are not on Maven Central), APIM is the simulator and the
 * suite's name says so. The same scenarios run against the fakes in tests/e2e/parity-fakes.test.ts.
 */
import { type KubernetesObject, KubernetesObjectApi } from '@kubernetes/client-node';
import { realApimAvailability } from '../harness/apim/availability.ts';
import { startRealApim } from '../harness/apim/real-apim.ts';
import { startRealKube } from '../harness/kube/real-kube.ts';
import { ApimSimulator } from '../support/apim-simulator/index.ts';
import { renderComposed } from '../support/k8s/kustomize.ts';
import { defineParitySuite } from '../support/parity/parity-suite.ts';
import type { ApimEndpoint, ParityBackends } from '../support/parity/parity-world.ts';

const RBAC_KINDS = new Set(['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']);

/** Applies the watcher's RBAC exactly as the manifests grant it (base + DB-less component). */
async function applyWatcherRbac(objects: KubernetesObjectApi): Promise<void> {
  for (const object of renderComposed(['base'], ['components/db-less'])) {
    if (RBAC_KINDS.has(object.kind)) await objects.create(object as unknown as KubernetesObject);
  }
}

const apimAvailability = await realApimAvailability();

async function startRealBackends(): Promise<ParityBackends> {
  const kube = await startRealKube();
  let stopApim: () => Promise<void>;
  let apim: ApimEndpoint;
  try {
    await applyWatcherRbac(KubernetesObjectApi.makeApiClient(kube.kubeConfig('admin')));
    if (apimAvailability.available) {
      const real = await startRealApim();
      stopApim = () => real.stop();
      apim = {
        baseUrl: real.baseUrl,
        ...real.admin,
        organization: real.organizationId,
        environment: real.environmentId,
      };
    } else {
      const simulator = new ApimSimulator({
        credentials: { basic: { username: 'admin', password: 'admin' } },
      });
      const { baseUrl } = await simulator.start();
      stopApim = () => simulator.stop();
      apim = {
        baseUrl,
        username: 'admin',
        password: 'admin',
        organization: 'DEFAULT',
        environment: 'DEFAULT',
      };
    }
  } catch (error) {
    await kube.stop();
    throw error;
  }
  return {
    label: 'real',
    kubeConfig: kube.kubeConfig('admin'),
    operatorKubeConfig: kube.kubeConfig('watcher'),
    apim,
    async stop() {
      await stopApim();
      await kube.stop();
    },
  };
}

defineParitySuite(
  apimAvailability.available
    ? 'the real kube-apiserver (watcher RBAC enforced) and the real APIM'
    : `the real kube-apiserver (watcher RBAC enforced) and the APIM simulator — real APIM unavailable: ${apimAvailability.reason}`,
  startRealBackends,
);
