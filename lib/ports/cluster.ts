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
  stop(): Promise<void>;
  /** Objects currently known, from the informer cache. */
  list(): ClusterObject[];
}

export type EventType = 'Normal' | 'Warning';

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
  recordEvent(
    type: ResourceType,
    object: ClusterObject,
    event: { type: EventType; reason: string; message: string; action: string },
  ): Promise<void>;
}
