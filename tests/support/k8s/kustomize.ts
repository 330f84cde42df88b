import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

/** `infra/k8s` of this repository. */
export const k8sDir = fileURLToPath(new URL('../../../infra/k8s/', import.meta.url));

/** One rendered Kubernetes object, typed loosely. */
export type RenderedObject = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
};

/** `kubectl kustomize <dir>`, parsed; fails with a clear message when kubectl is not installed. */
export function renderKustomization(dir: string): RenderedObject[] {
  const result = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) {
    throw new Error(`kubectl is needed to render infra/k8s (kubectl kustomize): ${result.error.message}`, {
      cause: result.error,
    });
  }
  if (result.status !== 0) throw new Error(`kubectl kustomize ${dir} failed:\n${result.stderr}`);
  return parseAllDocuments(result.stdout).map((d) => d.toJS() as RenderedObject);
}

/** Renders a throw-away overlay of the given kustomizations and components (paths under infra/k8s). */
export function renderComposed(resources: string[], components: string[]): RenderedObject[] {
  const dir = mkdtempSync(join(tmpdir(), 'gso-k8s-'));
  try {
    // kustomize accepts only relative paths to other kustomizations.
    const rel = (path: string) => relative(dir, join(k8sDir, path));
    const lines = [
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources:',
      ...resources.map((r) => `  - ${rel(r)}`),
      'components:',
      ...components.map((c) => `  - ${rel(c)}`),
    ];
    writeFileSync(join(dir, 'kustomization.yaml'), `${lines.join('\n')}\n`);
    return renderKustomization(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
