import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ApiextensionsV1Api,
  CustomObjectsApi,
  type KubeConfig,
  type V1CustomResourceDefinition,
} from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';

/** Thrown when a CRD is rejected or does not become usable in time. */
export class CrdInstallError extends Error {
  override readonly name = 'CrdInstallError';
}

/** A CRD the API server accepted and serves. */
export interface InstalledCrd {
  name: string;
  group: string;
  plural: string;
  scope: string;
  /** Served versions. */
  versions: string[];
}

/** Every CustomResourceDefinition document in the `*.yaml` files of `dir` (other kinds are skipped). */
export function readCrdManifests(dir: string): V1CustomResourceDefinition[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml') || file.endsWith('.yml'))
    .sort()
    .flatMap((file) => parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((doc) => doc.toJS()))
    .filter(
      (doc): doc is V1CustomResourceDefinition =>
        doc?.apiVersion === 'apiextensions.k8s.io/v1' && doc?.kind === 'CustomResourceDefinition',
    );
}

const pause = (ms: number) => new Promise((resolveDelay) => setTimeout(resolveDelay, ms));

function conditionTrue(crd: V1CustomResourceDefinition, type: string): boolean {
  return (
    crd.status?.conditions?.some((condition) => condition.type === type && condition.status === 'True') ??
    false
  );
}

/** Retries `attempt` until it returns true or the deadline passes; the last error explains a timeout. */
async function until(what: string, deadline: number, attempt: () => Promise<boolean>): Promise<void> {
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await attempt()) return;
    } catch (error) {
      lastError = error;
    }
    await pause(100);
  }
  throw new CrdInstallError(`${what} timed out`, { cause: lastError });
}

/**
 * Creates the CRDs and waits until each is Established with its names accepted, and until a list of every
 * served version answers (discovery and the REST handler lag the Established condition slightly).
 */
export async function installCrds(
  kubeConfig: KubeConfig,
  crds: V1CustomResourceDefinition[],
  timeoutMs: number,
): Promise<InstalledCrd[]> {
  const extensions = kubeConfig.makeApiClient(ApiextensionsV1Api);
  const customObjects = kubeConfig.makeApiClient(CustomObjectsApi);
  const deadline = Date.now() + timeoutMs;
  return Promise.all(
    crds.map(async (manifest) => {
      const name = manifest.metadata?.name ?? '(unnamed)';
      try {
        await extensions.createCustomResourceDefinition({ body: manifest });
      } catch (error) {
        throw new CrdInstallError(`creating CRD ${name} failed`, { cause: error });
      }
      await until(`waiting for CRD ${name} to be Established`, deadline, async () => {
        const crd = await extensions.readCustomResourceDefinition({ name });
        return conditionTrue(crd, 'Established') && conditionTrue(crd, 'NamesAccepted');
      });
      const { group, names, scope } = manifest.spec;
      const versions = manifest.spec.versions
        .filter((version) => version.served)
        .map((version) => version.name);
      for (const version of versions) {
        await until(`waiting for ${names.plural}.${group}/${version} to be served`, deadline, async () => {
          await (scope === 'Namespaced'
            ? customObjects.listCustomObjectForAllNamespaces({ group, version, resourcePlural: names.plural })
            : customObjects.listClusterCustomObject({ group, version, plural: names.plural }));
          return true;
        });
      }
      return { name, group, plural: names.plural, scope, versions };
    }),
  );
}
