import { randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { KubeConfig } from '@kubernetes/client-node';
import { DEFAULT_RESOURCES } from './default-resources.ts';
import { EventHistory } from './event-history.ts';
import { FaultInjector, type FaultSpec } from './fault-injector.ts';
import { kubeConfigFor } from './kube-config.ts';
import type { KubeObject } from './kube-object.ts';
import { ObjectStore } from './object-store.ts';
import { createRequestHandler } from './request-handler.ts';
import type { RecordedRequest } from './request-log.ts';
import type { ResourceDefinition } from './resource-definition.ts';
import { type ResourceRef, ResourceRegistry, UnknownResourceError } from './resource-registry.ts';
import { type CloseMode, type WatchParameters, WatchStream } from './watch-stream.ts';

/** Construction options of a {@link FakeKubeServer}; every field has a sensible default. */
export interface FakeKubeServerOptions {
  /** Resource types served (default {@link DEFAULT_RESOURCES}); more can be added with `registerResource`. */
  resources?: readonly ResourceDefinition[];
  /** Bearer token every API request must carry (default: random). */
  token?: string;
  /** Changes kept for watch replay before older resourceVersions get 410 (default 1000). */
  historyLimit?: number;
  /** Period of BOOKMARK events on watches that allow them (default 60 s, like the real server's ~1 min). */
  bookmarkIntervalMs?: number;
  /** Namespaces created up front (default: default, kube-system, kube-public, kube-node-lease). */
  namespaces?: readonly string[];
  /** Refuse creates in a namespace that does not exist, as NamespaceLifecycle admission does (default true). */
  requireNamespaces?: boolean;
  /**
   * Delete dependents (`metadata.ownerReferences`) once their owners are gone, as the garbage collector
   * does in the background (default false: most tests want to see what the code under test deletes).
   */
  garbageCollection?: boolean;
}

const DEFAULT_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/**
 * An in-process Kubernetes API server speaking the real HTTP protocol, for tests that drive the real
 * `@kubernetes/client-node`. It serves discovery, list/watch with selectors, CRUD with the real
 * server's Status errors, patches (merge, JSON, strategic for built-ins), status subresources,
 * finalizers, bookmarks and 410 Expired, plus controls for faults and dropped watches.
 *
 * @example
 * const server = new FakeKubeServer();
 * await server.start();
 * const api = server.kubeConfig().makeApiClient(CustomObjectsApi);
 * // …
 * await server.stop();
 */
export class FakeKubeServer {
  /** The bearer token the server requires; {@link kubeConfig} uses it. */
  readonly token: string;
  readonly #registry = new ResourceRegistry();
  readonly #history: EventHistory;
  readonly #store: ObjectStore;
  readonly #faults = new FaultInjector();
  readonly #requests: RecordedRequest[] = [];
  readonly #watches = new Set<WatchStream>();
  #bookmarkIntervalMs: number;
  #server: Server | undefined;
  #url: string | undefined;

  constructor(options: FakeKubeServerOptions = {}) {
    this.token = options.token ?? randomBytes(16).toString('hex');
    this.#history = new EventHistory(options.historyLimit ?? 1000);
    this.#bookmarkIntervalMs = options.bookmarkIntervalMs ?? 60_000;
    for (const definition of options.resources ?? DEFAULT_RESOURCES) this.#registry.register(definition);
    this.#store = new ObjectStore(this.#history, this.#registry, {
      requireNamespaces: options.requireNamespaces ?? true,
      garbageCollection: options.garbageCollection ?? false,
    });
    const namespaces = this.#registry.find('', 'v1', 'namespaces');
    if (namespaces) {
      for (const name of options.namespaces ?? DEFAULT_NAMESPACES) {
        this.#store.create(namespaces, undefined, { metadata: { name } });
      }
    }
  }

  /** Serves one more resource type (see `customResource` / `builtinResource`). */
  registerResource(definition: ResourceDefinition): void {
    this.#registry.register(definition);
  }

  /** Listens on 127.0.0.1 on a random port. */
  async start(): Promise<{ url: string }> {
    if (this.#server) throw new Error('FakeKubeServer is already started');
    const server = createServer(
      createRequestHandler({
        registry: this.#registry,
        store: this.#store,
        faults: this.#faults,
        requests: this.#requests,
        token: this.token,
        serverAddress: () => new URL(this.url).host,
        currentResourceVersion: () => this.#history.currentResourceVersion,
        openWatch: (response, parameters) => this.#openWatch(response, parameters),
      }),
    );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.#server = server;
    this.#url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url: this.#url };
  }

  /** Ends every watch, drops every connection (keep-alive included) and closes the listener. */
  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.closeWatches({ graceful: false });
    this.#server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  /** Base URL, e.g. `http://127.0.0.1:41234`; throws before {@link start}. */
  get url(): string {
    if (!this.#url) throw new Error('FakeKubeServer is not started');
    return this.#url;
  }

  /**
   * A client-node KubeConfig pointed at this server (plain HTTP, static bearer token, context
   * namespace `default`). Pass `token` to use another token, or `null` for none.
   */
  kubeConfig(options: { token?: string | null } = {}): KubeConfig {
    return kubeConfigFor(this.url, options.token === undefined ? this.token : options.token);
  }

  /** The stored object (a copy), or undefined. `namespace` is ignored for cluster-scoped types. */
  get(resource: ResourceRef, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.#store.find(this.#registry.resolve(resource), namespace, name);
  }

  /** Stored objects of a type (copies), in one namespace or all. */
  list(resource: ResourceRef, namespace?: string): KubeObject[] {
    return this.#store.list(this.#registry.resolve(resource), namespace);
  }

  /**
   * Creates or updates an object as a user would (like `kubectl apply` without field ownership):
   * the type comes from `apiVersion`/`kind`, the namespace defaults to `default`, an existing
   * object is replaced unconditionally (status kept when there is a status subresource, generation
   * bumped on spec change). Errors are thrown as KubeStatusError with the real server's Status.
   */
  apply(object: KubeObject): KubeObject {
    const definition = this.#registry.findByKind(object.apiVersion, object.kind);
    if (!definition)
      throw new UnknownResourceError(
        `the fake API server does not serve ${object.apiVersion}/${object.kind}`,
      );
    const namespace = definition.namespaced ? (object.metadata.namespace ?? 'default') : undefined;
    const existing = this.#store.find(definition, namespace, object.metadata.name);
    const { resourceVersion: _ignored, ...metadata } = object.metadata;
    if (!existing) return this.#store.create(definition, namespace, { ...object, metadata });
    const replacement = {
      ...object,
      metadata: { ...metadata, resourceVersion: existing.metadata.resourceVersion },
    };
    return this.#store.update(definition, namespace, object.metadata.name, replacement).object;
  }

  /** Writes `.status` through the status-subresource rules (as a controller's status update would). */
  setStatus(resource: ResourceRef, namespace: string | undefined, name: string, status: unknown): KubeObject {
    const definition = this.#registry.resolve(resource);
    const existing = this.#store.get(definition, namespace, name);
    const subresource = definition.statusSubresource ? 'status' : undefined;
    return this.#store.update(definition, namespace, name, { ...existing, status }, subresource).object;
  }

  /**
   * Deletes as `kubectl delete` would: returns the object still present (being finalized), or
   * undefined once it is gone.
   */
  delete(resource: ResourceRef, namespace: string | undefined, name: string): KubeObject | undefined {
    const { object, removed } = this.#store.delete(this.#registry.resolve(resource), namespace, name);
    return removed ? undefined : object;
  }

  /** The newest resourceVersion the server handed out. */
  get resourceVersion(): string {
    return String(this.#history.currentResourceVersion);
  }

  /** Every request received so far, oldest first. */
  get requests(): readonly RecordedRequest[] {
    return this.#requests;
  }

  /** Forgets the request log. */
  clearRequests(): void {
    this.#requests.length = 0;
  }

  /** Compacts the watch history: a watch resuming from any resourceVersion older than now gets 410 Expired. */
  expireHistory(): void {
    this.#history.expire();
  }

  /**
   * Ends every open watch. By default the socket is destroyed mid-stream (client-node reports an
   * error); `graceful: true` ends the chunked response cleanly instead (client-node reconnects).
   */
  closeWatches(options: { graceful?: boolean } = {}): void {
    const mode: CloseMode = options.graceful ? 'graceful' : 'abrupt';
    for (const watch of [...this.#watches]) watch.close(mode);
  }

  /** Makes the next `count` requests matching `spec` (after authentication) fail with `spec.status`. */
  failNextRequests(count: number, spec: FaultSpec): void {
    this.#faults.add(count, spec);
  }

  /** Changes the BOOKMARK period, for open and future watches. */
  setWatchBookmarkInterval(intervalMs: number): void {
    this.#bookmarkIntervalMs = intervalMs;
    for (const watch of this.#watches) watch.setBookmarkInterval(intervalMs);
  }

  /** Number of watch streams currently open. */
  get openWatchCount(): number {
    return this.#watches.size;
  }

  /** Resolves once at least `count` watches are open (e.g. an informer has connected). */
  async waitForWatches(count = 1, timeoutMs = 2000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.#watches.size < count) {
      if (Date.now() > deadline)
        throw new Error(`expected ${count} open watch(es), have ${this.#watches.size}`);
      await sleep(5);
    }
  }

  #openWatch(response: ServerResponse, parameters: WatchParameters): void {
    const watch: WatchStream = new WatchStream(response, parameters, {
      history: this.#history,
      store: this.#store,
      onFinished: () => this.#watches.delete(watch),
    });
    watch.start(this.#bookmarkIntervalMs);
    // Expired watches end inside start(); only live ones are tracked.
    if (!response.writableEnded) this.#watches.add(watch);
  }
}
