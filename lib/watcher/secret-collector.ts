import { SEALED_PLACEHOLDER } from '../events/sealed.ts';
import type { ClusterObject } from '../ports/cluster.ts';
import type { PlainValue } from '../sealing/envelope.ts';
import { pointerSegment } from '../sync/resolution.ts';

/** Reads a Secret's decoded data; undefined when it does not exist or cannot be read. */
export type SecretReader = (namespace: string, name: string) => Promise<Record<string, string> | undefined>;

/** A spec with its secret values taken out, ready to be sealed; plus what could not be read. */
export interface CollectedSecrets {
  spec: Record<string, unknown>;
  values: PlainValue[];
  /** `namespace/name` of referenced Secrets, so the watcher can notice when they change. */
  secretRefs: string[];
  /** Human-readable problems (missing Secret), reported but not fatal: the function decides. */
  problems: string[];
}

/** Per-kind knowledge of where secret material sits in a spec. */
export type SecretCollector = (object: ClusterObject, readSecret: SecretReader) => Promise<CollectedSecrets>;

const INLINE_CONTEXT_SECRETS = [
  ['auth', 'bearerToken'],
  ['auth', 'credentials', 'username'],
  ['auth', 'credentials', 'password'],
  ['cloud', 'token'],
];

/** Keys read from a ManagementContext's referenced Secrets (GKO's key names). */
const CONTEXT_SECRET_KEYS: Record<string, string[]> = {
  auth: ['bearerToken', 'username', 'password'],
  cloud: ['cloudToken'],
};

function at(root: Record<string, unknown>, path: string[]): unknown {
  let node: unknown = root;
  for (const part of path)
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

function replaceAt(root: Record<string, unknown>, path: string[], value: unknown): void {
  const parent = at(root, path.slice(0, -1)) as Record<string, unknown>;
  parent[path[path.length - 1] as string] = value;
}

/**
 * ManagementContext: inline credentials and cloud token, and the values of the Secrets named by
 * `auth.secretRef` and `cloud.secretRef`.
 */
export const collectManagementContextSecrets: SecretCollector = async (object, readSecret) => {
  const spec = structuredClone(object.spec ?? {});
  const values: PlainValue[] = [];
  const secretRefs: string[] = [];
  const problems: string[] = [];
  for (const path of INLINE_CONTEXT_SECRETS) {
    const value = at(spec, path);
    if (typeof value === 'string' && value !== '') {
      values.push({ pointer: `/spec/${path.join('/')}`, value });
      replaceAt(spec, path, SEALED_PLACEHOLDER);
    }
  }
  for (const [field, keys] of Object.entries(CONTEXT_SECRET_KEYS)) {
    const ref = at(spec, [field, 'secretRef']) as { name?: string; namespace?: string } | undefined;
    if (!ref?.name) continue;
    const namespace = ref.namespace ?? object.metadata.namespace;
    secretRefs.push(`${namespace}/${ref.name}`);
    const data = await readSecret(namespace, ref.name);
    if (!data) {
      problems.push(`spec.${field}.secretRef: Secret ${namespace}/${ref.name} not found`);
      continue;
    }
    for (const key of keys) {
      const value = data[key];
      if (value === undefined) continue;
      values.push({
        pointer: `/refs/secrets/${pointerSegment(namespace)}/${pointerSegment(ref.name)}/${pointerSegment(key)}`,
        value,
      });
    }
  }
  return { spec, values, secretRefs, problems };
};

/** Kinds without secret material (templating comes with a later kind set). */
export const collectNoSecrets: SecretCollector = async (object) => ({
  spec: structuredClone(object.spec ?? {}),
  values: [],
  secretRefs: [],
  problems: [],
});

export const secretCollectors: Record<string, SecretCollector> = {
  ManagementContext: collectManagementContextSecrets,
};

export function secretCollectorFor(kind: string): SecretCollector {
  return secretCollectors[kind] ?? collectNoSecrets;
}
