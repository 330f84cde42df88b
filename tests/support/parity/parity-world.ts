import { type KubeConfig, type KubernetesObject, KubernetesObjectApi } from '@kubernetes/client-node';
import { accepted, eventually } from '../e2e/loop-harness.ts';
import type { KubeObject } from '../fake-kube/index.ts';

/** APIM as the scenarios reach it: a base URL under which `/automation` and `/management/v2` sit. */
export interface ApimEndpoint {
  baseUrl: string;
  username: string;
  password: string;
  organization: string;
  environment: string;
}

/** A Kubernetes API server and an APIM, fake or real: what a parity scenario runs against. */
export interface ParityBackends {
  label: string;
  /** Credentials with full rights: the scenarios act as the platform engineer. */
  kubeConfig: KubeConfig;
  /** The operator's own identity, when the server enforces RBAC (the watcher's); else `kubeConfig`. */
  operatorKubeConfig?: KubeConfig;
  apim: ApimEndpoint;
  stop(): Promise<void>;
}

/** An APIM answer: status code and parsed JSON body (undefined when empty). */
export interface ApimAnswer {
  status: number;
  body: Record<string, unknown> | undefined;
}

/**
 * What a parity scenario may do: act on Kubernetes objects through the real client-node (the same calls
 * on both API servers) and read APIM back over HTTP. Nothing here reaches into a fake's internals, so a
 * scenario that passes on the fakes and fails on the real servers shows a difference in the fakes.
 */
export class ParityWorld {
  readonly namespace: string;
  readonly apim: ApimEndpoint;
  private readonly objects: KubernetesObjectApi;

  constructor(backends: ParityBackends, namespace: string) {
    this.namespace = namespace;
    this.apim = backends.apim;
    this.objects = KubernetesObjectApi.makeApiClient(backends.kubeConfig);
  }

  /** Creates the namespace the scenarios use (no error when it exists). */
  async prepareNamespace(): Promise<void> {
    const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: this.namespace } };
    try {
      await this.objects.create(namespace);
    } catch (error) {
      if (statusCodeOf(error) !== 409) throw error;
    }
  }

  /** `kubectl apply` for one object: creates it, or replaces its spec keeping what the server holds. */
  async apply(manifest: KubeObject): Promise<KubeObject> {
    const object = { ...manifest, metadata: { ...manifest.metadata, namespace: this.namespace } };
    const current = await this.get(String(object.kind), object.metadata.name);
    // Our objects carry timestamps as the wire's strings; client-node's type says Date but sends them as is.
    if (!current)
      return (await this.objects.create(object as unknown as KubernetesObject)) as unknown as KubeObject;
    const replacement = {
      ...current,
      spec: (object as { spec?: unknown }).spec,
      metadata: { ...current.metadata },
    };
    return (await this.objects.replace(replacement as unknown as KubernetesObject)) as unknown as KubeObject;
  }

  async get(kind: string, name: string): Promise<KubeObject | undefined> {
    try {
      return (await this.objects.read({
        apiVersion: apiVersionOf(kind),
        kind,
        metadata: { name, namespace: this.namespace },
      })) as KubeObject;
    } catch (error) {
      if (statusCodeOf(error) === 404) return undefined;
      throw error;
    }
  }

  async remove(kind: string, name: string): Promise<void> {
    await this.objects.delete({
      apiVersion: apiVersionOf(kind),
      kind,
      metadata: { name, namespace: this.namespace },
    });
  }

  /** Waits for `Accepted=True` observed at `generation`; a timeout names the last condition seen. */
  async accepted(kind: string, name: string, generation: number, timeoutMs = 60_000): Promise<KubeObject> {
    let last: ReturnType<typeof accepted>;
    return eventually(
      `${kind} ${this.namespace}/${name} accepted at generation ${generation}`,
      async () => {
        const object = await this.get(kind, name);
        last = accepted(object);
        return last?.status === 'True' && last.observedGeneration === generation ? object : undefined;
      },
      timeoutMs,
      () => (last ? `last Accepted condition: ${JSON.stringify(last)}` : 'no Accepted condition yet'),
    );
  }

  /** Deletes and waits until the object is gone (finalizer released). */
  async deleteAndWaitGone(kind: string, name: string, timeoutMs = 60_000): Promise<void> {
    await this.remove(kind, name);
    let last: KubeObject | undefined;
    await eventually(
      `${kind} ${this.namespace}/${name} gone`,
      async () => {
        last = await this.get(kind, name);
        return last === undefined;
      },
      timeoutMs,
      () =>
        `still there with finalizers ${JSON.stringify(last?.metadata.finalizers)}, conditions ${JSON.stringify((last?.status as { conditions?: unknown })?.conditions)}`,
    );
  }

  /** GET below the environment's automation root, e.g. `apis/default-echo`. */
  async automation(path: string): Promise<ApimAnswer> {
    const { organization, environment } = this.apim;
    return this.apimGet(`/automation/organizations/${organization}/environments/${environment}/${path}`);
  }

  /** GET below the environment's management v2 root, e.g. `apis/{id}`. */
  async managementV2(path: string): Promise<ApimAnswer> {
    const { organization, environment } = this.apim;
    return this.apimGet(`/management/v2/organizations/${organization}/environments/${environment}/${path}`);
  }

  private async apimGet(path: string): Promise<ApimAnswer> {
    const authorization = `Basic ${Buffer.from(`${this.apim.username}:${this.apim.password}`).toString('base64')}`;
    const response = await fetch(`${this.apim.baseUrl}${path}`, {
      headers: { authorization, accept: 'application/json' },
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    };
  }
}

function apiVersionOf(kind: string): string {
  return kind === 'Secret' || kind === 'ConfigMap' || kind === 'Namespace' ? 'v1' : 'gravitee.io/v1alpha1';
}

function statusCodeOf(error: unknown): number | undefined {
  const e = error as { code?: unknown; statusCode?: unknown; response?: { statusCode?: unknown } };
  for (const candidate of [e?.code, e?.statusCode, e?.response?.statusCode]) {
    if (typeof candidate === 'number') return candidate;
  }
  return undefined;
}
