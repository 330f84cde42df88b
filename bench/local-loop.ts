// Benchmark: end-to-end latency of one change in local mode — manifest change → watcher → embedded queue →
// sync logic → APIM (simulator over HTTP on loopback) → embedded bus → status writer → status written.
// Usage: npm run bench [-- --changes 50]
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DevSession } from '../lib/local/dev-session.ts';
import { ManifestCluster } from '../lib/local/manifest-cluster.ts';
import { silentLogger } from '../lib/log/logger.ts';
import type { ManifestDocument } from '../lib/manifests/load-manifests.ts';
import { ApimSimulator } from '../tests/support/apim-simulator/index.ts';
import { apiObject, contextObject } from '../tests/support/factories/resources.ts';

const { values } = parseArgs({ options: { changes: { type: 'string', default: '40' } } });
const changes = Number(values.changes);

const apim = new ApimSimulator({ credentials: { bearerToken: 'bench-token' } });
const { baseUrl } = await apim.start();
const cluster = new ManifestCluster({ logger: silentLogger });
const session = new DevSession({
  cluster: 'bench',
  clusterApi: cluster,
  logger: silentLogger,
  resyncIntervalMs: 0,
  sealingKey: randomBytes(32),
});

const context = contextObject('ctx', { baseUrl, auth: { bearerToken: 'bench-token' } });
const docs = (description: string): ManifestDocument[] =>
  [context, apiObject('bench-api', { contextRef: { name: 'ctx' }, description })].map((o, index) => ({
    file: 'bench',
    index,
    doc: {
      apiVersion: o.apiVersion,
      kind: o.kind,
      metadata: { name: o.metadata.name, namespace: 'default' },
      spec: o.spec,
    },
  }));

function observedGeneration(): number {
  const api = cluster.list('ApiV4Definition')[0];
  const conditions = (api?.status?.conditions ?? []) as Array<{
    type: string;
    status: string;
    observedGeneration: number;
  }>;
  const ok = conditions.find((c) => c.type === 'Accepted' && c.status === 'True');
  return ok?.observedGeneration ?? 0;
}

async function waitForGeneration(generation: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (observedGeneration() < generation) {
    if (Date.now() > deadline) throw new Error(`generation ${generation} not accepted within 10 s`);
    await new Promise((r) => setImmediate(r));
  }
}

cluster.load(docs('warm-up'));
await session.start();
await waitForGeneration(1);

const samples: number[] = [];
for (let i = 0; i < changes; i++) {
  const started = performance.now();
  cluster.load(docs(`change ${i}`));
  await waitForGeneration(i + 2);
  samples.push(performance.now() - started);
}
await session.stop();
await apim.stop();

samples.sort((a, b) => a - b);
const pick = (q: number) =>
  samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? Number.NaN;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(
  `local-mode end-to-end latency of one ApiV4Definition change (${changes} sequential changes, APIM simulator on loopback)`,
);
console.log(
  `  p50 ${fmt(pick(0.5))}  p95 ${fmt(pick(0.95))}  min ${fmt(samples[0] ?? Number.NaN)}  max ${fmt(samples.at(-1) ?? Number.NaN)}`,
);
console.log(`  APIM writes: ${apim.writes().length}`);
