import { ApimSimulator } from '../apim-simulator/index.ts';
import { servedResources } from '../e2e/loop-harness.ts';
import { FakeKubeServer } from '../fake-kube/index.ts';
import type { ParityBackends } from './parity-world.ts';

/** Same credentials as the real harness's in-memory admin, so scenarios do not branch on the backend. */
const ADMIN = { username: 'admin', password: 'admin' };

/** The fake API server and the APIM simulator, as the parity scenarios see them. */
export async function startFakeBackends(): Promise<ParityBackends & { simulator: ApimSimulator }> {
  const kube = new FakeKubeServer({ resources: servedResources });
  await kube.start();
  const simulator = new ApimSimulator({ credentials: { basic: ADMIN } });
  const { baseUrl } = await simulator.start();
  return {
    label: 'fakes',
    kubeConfig: kube.kubeConfig(),
    apim: { baseUrl, ...ADMIN, organization: 'DEFAULT', environment: 'DEFAULT' },
    simulator,
    async stop() {
      await simulator.stop();
      await kube.stop();
    },
  };
}
