import type { ServerResponse } from 'node:http';
import type { EventHistory, StoredEvent } from './event-history.ts';
import { KubeStatusError } from './kube-status.ts';
import type { ObjectStore } from './object-store.ts';
import { apiVersionOf } from './resource-definition.ts';
import { badRequest } from './status-errors.ts';
import { type Selection, selects, toWireEvent, type WireEvent } from './watch-filter.ts';

/** Parameters of one watch request, already parsed from the query string. */
export interface WatchParameters {
  selection: Selection;
  /** `''`/`'0'` start with synthetic ADDED events for the current state; a number replays after it. */
  resourceVersion: string;
  allowBookmarks: boolean;
  /** `sendInitialEvents=true`: synthetic ADDED events, then a bookmark marking their end. */
  sendInitialEvents: boolean;
  /** The server ends the stream cleanly after this long, as kube-apiserver honours `timeoutSeconds`. */
  timeoutSeconds?: number;
}

/** How {@link WatchStream.close} ends the stream. */
export type CloseMode = 'graceful' | 'abrupt';

/**
 * One open watch: a chunked `application/json` response carrying newline-delimited
 * `{type, object}` events, fed from the {@link EventHistory}.
 */
export class WatchStream {
  readonly #response: ServerResponse;
  readonly #parameters: WatchParameters;
  readonly #history: EventHistory;
  readonly #store: ObjectStore;
  #unsubscribe: (() => void) | undefined;
  #bookmarkTimer: NodeJS.Timeout | undefined;
  #timeoutTimer: NodeJS.Timeout | undefined;
  #finished = false;
  readonly #onFinished: () => void;

  constructor(
    response: ServerResponse,
    parameters: WatchParameters,
    dependencies: { history: EventHistory; store: ObjectStore; onFinished: () => void },
  ) {
    this.#response = response;
    this.#parameters = parameters;
    this.#history = dependencies.history;
    this.#store = dependencies.store;
    this.#onFinished = dependencies.onFinished;
  }

  /**
   * Validates the start point, sends the 200 headers and the initial or replayed events, then
   * streams live changes. An expired resourceVersion yields one ERROR event (410 Expired) and a
   * clean end of stream, exactly as the watch cache answers.
   *
   * @throws KubeStatusError 400 (before any byte is sent) for a malformed resourceVersion
   */
  start(bookmarkIntervalMs: number): void {
    const { resourceVersion, sendInitialEvents } = this.#parameters;
    const initialState = resourceVersion === '' || resourceVersion === '0' || sendInitialEvents;
    if (!initialState && !/^\d+$/.test(resourceVersion)) {
      throw badRequest(
        `resourceVersion: Invalid value: "${resourceVersion}": must be a non-negative integer`,
      );
    }
    let backlog: StoredEvent[] = [];
    let expiredStatus: KubeStatusError | undefined;
    if (!initialState) {
      try {
        backlog = this.#history.since(Number(resourceVersion));
      } catch (error) {
        if (!(error instanceof KubeStatusError)) throw error;
        expiredStatus = error;
      }
    }
    this.#response.on('close', () => this.#finish());
    this.#response.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
    });
    this.#response.flushHeaders();
    if (expiredStatus) {
      this.#write({ type: 'ERROR', object: expiredStatus.status });
      this.close('graceful');
      return;
    }
    if (initialState) this.#sendInitialState();
    for (const event of backlog) this.#forward(event);
    this.#unsubscribe = this.#history.subscribe((event) => this.#forward(event));
    this.setBookmarkInterval(bookmarkIntervalMs);
    if (this.#parameters.timeoutSeconds !== undefined) {
      this.#timeoutTimer = setTimeout(() => this.close('graceful'), this.#parameters.timeoutSeconds * 1000);
      this.#timeoutTimer.unref();
    }
  }

  /** (Re)schedules periodic BOOKMARK events, if the client asked for them. */
  setBookmarkInterval(intervalMs: number): void {
    clearInterval(this.#bookmarkTimer);
    this.#bookmarkTimer = undefined;
    if (!this.#parameters.allowBookmarks || this.#finished) return;
    this.#bookmarkTimer = setInterval(() => this.#write(this.#bookmark()), intervalMs);
    this.#bookmarkTimer.unref();
  }

  /**
   * Ends the stream: `graceful` sends the terminating chunk (the client sees a normal end of
   * stream), `abrupt` destroys the socket mid-stream (the client sees a network error).
   */
  close(mode: CloseMode): void {
    if (this.#finished) return;
    if (mode === 'abrupt') this.#response.socket?.destroy();
    else this.#response.end();
    this.#finish();
  }

  #sendInitialState(): void {
    const { selection } = this.#parameters;
    for (const object of this.#store.list(selection.definition, selection.namespace)) {
      if (selects(selection, object)) this.#write({ type: 'ADDED', object });
    }
    if (this.#parameters.sendInitialEvents && this.#parameters.allowBookmarks) {
      this.#write(this.#bookmark({ 'k8s.io/initial-events-end': 'true' }));
    }
  }

  #forward(event: StoredEvent): void {
    const wire = toWireEvent(this.#parameters.selection, event);
    if (wire) this.#write(wire);
  }

  /** A bookmark carries only the type's apiVersion/kind and the resourceVersion the watch is synced to. */
  #bookmark(annotations?: Record<string, string>): WireEvent {
    const { definition } = this.#parameters.selection;
    const metadata: Record<string, unknown> = {
      resourceVersion: String(this.#history.currentResourceVersion),
    };
    // Typed (built-in) objects serialise a zero creationTimestamp as null; unstructured ones omit it.
    if (!definition.custom) metadata.creationTimestamp = null;
    if (annotations) metadata.annotations = annotations;
    return {
      type: 'BOOKMARK',
      object: { kind: definition.kind, apiVersion: apiVersionOf(definition), metadata },
    };
  }

  #write(event: WireEvent): void {
    if (this.#finished || this.#response.writableEnded || this.#response.destroyed) return;
    this.#response.write(`${JSON.stringify(event)}\n`);
  }

  #finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#unsubscribe?.();
    clearInterval(this.#bookmarkTimer);
    clearTimeout(this.#timeoutTimer);
    this.#onFinished();
  }
}
