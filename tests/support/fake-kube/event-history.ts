import type { KubeObject } from './kube-object.ts';
import type { ResourceDefinition } from './resource-definition.ts';
import { expired } from './status-errors.ts';

/** One committed change, as etcd would record it. */
export interface StoredEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly resourceVersion: number;
  readonly resource: ResourceDefinition;
  /** State after the change; for DELETED, the last stored state stamped with the deletion's resourceVersion. */
  readonly object: KubeObject;
  /** State before a MODIFIED change, so filtered watches can turn it into ADDED/DELETED. */
  readonly previous?: KubeObject;
}

/** Receives every change as soon as it is committed. */
export type EventListener = (event: StoredEvent) => void;

/**
 * The global resourceVersion counter plus a bounded window of recent changes: the fake's stand-in
 * for etcd revisions and the watch cache. Watches replay from the window; a resourceVersion older
 * than the window gets 410 Expired, as on the real server.
 */
export class EventHistory {
  readonly #limit: number;
  readonly #events: StoredEvent[] = [];
  readonly #listeners = new Set<EventListener>();
  #current = 0;
  /** Every change with resourceVersion > horizon is still in the window. */
  #horizon = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** The newest resourceVersion handed out (what a list reports). */
  get currentResourceVersion(): number {
    return this.#current;
  }

  /** Allocates the next resourceVersion for a write about to be committed. */
  allocate(): number {
    this.#current += 1;
    return this.#current;
  }

  /** Appends a committed change, trims the window, and notifies listeners. */
  record(event: StoredEvent): void {
    this.#events.push(event);
    while (this.#events.length > this.#limit) {
      const dropped = this.#events.shift();
      if (dropped) this.#horizon = dropped.resourceVersion;
    }
    for (const listener of [...this.#listeners]) listener(event);
  }

  /**
   * Changes after `resourceVersion`, oldest first.
   *
   * @throws KubeStatusError 410 Expired (`too old resource version: X (Y)`) when the window no longer covers it
   */
  since(resourceVersion: number): StoredEvent[] {
    if (resourceVersion < this.#horizon) {
      throw expired(`too old resource version: ${resourceVersion} (${this.#horizon})`);
    }
    return this.#events.filter((e) => e.resourceVersion > resourceVersion);
  }

  /** Forgets every change so far, as a compaction would: any older resourceVersion now gets 410. */
  expire(): void {
    this.#events.length = 0;
    this.#horizon = this.#current;
  }

  /** Registers a listener; returns the function that unregisters it. */
  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
