/** The Kubernetes object fields the watcher and status writer read. */
export interface ClusterObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace: string;
    uid: string;
    resourceVersion: string;
    generation?: number;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    finalizers?: string[];
    deletionTimestamp?: string;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}

/** Which resource type: enough to build API paths. */
export interface ResourceType {
  kind: string;
  group: string;
  version: string;
  plural: string;
}

export interface WatchHandlers {
  onUpsert(object: ClusterObject): void;
  onDelete(object: ClusterObject): void;
  /** The watch stopped with an error; the adapter does not restart by itself. */
  onError(error: unknown): void;
}

export interface WatchHandle {
  /** Restarts after an error: resumes from the last resourceVersion, relisting when it expired. */
  restart(): Promise<void>;
  /**
   * Stops watching, once the changes the API server made before the call have been delivered to the
   * handlers (bounded wait), so a shutdown right after a burst of changes does not drop them.
   */
  stop(): Promise<void>;
  /** Objects currently known, from the informer cache. */
  list(): ClusterObject[];
}

export type EventType = 'Normal' | 'Warning';

/** A reference from a dependent object to its owner: Kubernetes garbage-collects the dependent with it. */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** Metadata of a namespaced built-in object the operator writes (a ConfigMap, a Lease). */
export interface NamespacedObjectMeta {
  name: string;
  namespace: string;
  /** Set by the API server; absent on an object to create. */
  uid?: string;
  /** The version read; on write, its presence makes the write a conditional replace. */
  resourceVersion?: string;
  /** Carried through a replace, so what others put there is kept. */
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A ConfigMap as the operator writes and reads it back (the gateway ConfigMaps of DB-less APIs). */
export interface ClusterConfigMap {
  metadata: NamespacedObjectMeta & {
    ownerReferences?: OwnerReference[];
    /** Carried through a replace, so another controller's finalizer is not dropped. */
    finalizers?: string[];
  };
  data?: Record<string, string>;
}

/**
 * The fields of a `coordination.k8s.io/v1` Lease that leader election reads and writes (client-go's
 * `LeaderElectionRecord`). Times are RFC 3339 strings; the adapter writes them with microseconds, the
 * API server's `MicroTime` format.
 */
export interface LeaseSpec {
  /** Who holds the lease; empty or absent when nobody does (e.g. after a release). */
  holderIdentity?: string;
  /** How long candidates wait, from when they last saw the lease change, before taking it over. */
  leaseDurationSeconds?: number;
  /** When the current holder acquired it. */
  acquireTime?: string;
  /** When the current holder last renewed it. */
  renewTime?: string;
  /** How many times it changed hands. */
  leaseTransitions?: number;
}

/** A Lease as the operator reads it back and writes it. */
export interface ClusterLease {
  metadata: NamespacedObjectMeta;
  spec: LeaseSpec;
}

/** Thrown when an update lost a race (409 Conflict): re-read and try again. */
export class ClusterConflictError extends Error {
  override readonly name = 'ClusterConflictError';
}

/**
 * What the cluster side needs from the Kubernetes API. The client-node adapter implements it; domain code
 * (watcher, status writer) sees only this.
 */
export interface ClusterApi {
  watch(type: ResourceType, namespace: string | undefined, handlers: WatchHandlers): Promise<WatchHandle>;
  get(type: ResourceType, namespace: string, name: string): Promise<ClusterObject | undefined>;
  /** Replaces the object's metadata.finalizers, conditional on its resourceVersion (409 → conflict error). */
  replaceFinalizers(type: ResourceType, object: ClusterObject, finalizers: string[]): Promise<ClusterObject>;
  /** JSON merge patch of the status subresource. */
  patchStatus(
    type: ResourceType,
    namespace: string,
    name: string,
    status: Record<string, unknown>,
  ): Promise<void>;
  /** Decoded data of a Secret; undefined when it does not exist. */
  readSecret(namespace: string, name: string): Promise<Record<string, string> | undefined>;
  /**
   * A ConfigMap's `data` (its `binaryData` is left out, as GKO reads only `data`); undefined when it
   * does not exist. Other failures (forbidden, unreachable) reject.
   */
  readConfigMap(namespace: string, name: string): Promise<Record<string, string> | undefined>;
  recordEvent(
    type: ResourceType,
    object: ClusterObject,
    event: { type: EventType; reason: string; message: string; action: string },
  ): Promise<void>;
  /** The whole ConfigMap (metadata included, unlike `readConfigMap`); undefined when it does not exist. */
  getConfigMap(namespace: string, name: string): Promise<ClusterConfigMap | undefined>;
  /** ConfigMaps carrying every given label, in one namespace or (undefined) all of them. */
  listConfigMaps(namespace: string | undefined, labels: Record<string, string>): Promise<ClusterConfigMap[]>;
  /**
   * Writes a ConfigMap: creates it when `metadata.resourceVersion` is absent, else replaces the version
   * read. A lost race (it exists on create; it changed or is gone on replace) throws
   * {@link ClusterConflictError}: re-read and decide again. Returns the stored ConfigMap.
   */
  applyConfigMap(configMap: ClusterConfigMap): Promise<ClusterConfigMap>;
  /**
   * Deletes a ConfigMap, only if it still has the given uid / resourceVersion when preconditions are
   * passed (mismatch → {@link ClusterConflictError}). False when it did not exist.
   */
  deleteConfigMap(
    namespace: string,
    name: string,
    preconditions?: { uid?: string; resourceVersion?: string },
  ): Promise<boolean>;
}

/**
 * The Lease calls leader election makes (verbs get, create, update on `coordination.k8s.io` leases).
 * Separate from {@link ClusterApi}: only the in-cluster watcher elects a leader; local mode does not.
 */
export interface LeaseApi {
  /** The Lease; undefined when it does not exist. */
  getLease(namespace: string, name: string): Promise<ClusterLease | undefined>;
  /** Creates the Lease; one that already exists throws {@link ClusterConflictError}. */
  createLease(lease: ClusterLease): Promise<ClusterLease>;
  /**
   * Replaces the Lease, conditional on `metadata.resourceVersion` (required): changed or deleted since it
   * was read throws {@link ClusterConflictError}. Returns the stored Lease.
   */
  replaceLease(lease: ClusterLease): Promise<ClusterLease>;
}
