/**
 * The CRD artifact set: one manifest per kind plus the kustomization that installs them all.
 */
import { allKinds } from '../crds/kinds.ts';
import type { Artifacts } from './artifacts.ts';
import { buildCrd, crdName } from './crd.ts';
import { renderManifest } from './yaml.ts';

/** Repo-relative directory holding the generated CRDs. */
export const CRD_DIRECTORY = 'infra/crds';

/** Generates `infra/crds/<plural>.<group>.yaml` for every kind and `infra/crds/kustomization.yaml`. */
export function generateCrds(): Artifacts {
  const artifacts: Artifacts = new Map();
  const files: string[] = [];
  for (const definition of allKinds()) {
    const file = `${crdName(definition)}.yaml`;
    files.push(file);
    artifacts.set(`${CRD_DIRECTORY}/${file}`, renderManifest(buildCrd(definition)));
  }
  const kustomization = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: files.sort(),
  };
  artifacts.set(`${CRD_DIRECTORY}/kustomization.yaml`, renderManifest(kustomization));
  return artifacts;
}
