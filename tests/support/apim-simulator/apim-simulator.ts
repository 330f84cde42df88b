import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type SimulatorRuntime } from './dispatch.ts';
import { type FailureOptions, FaultPlan, type PathMatcher } from './faults.ts';
import { apisKind } from './handlers/automation/apis.ts';
import {
  AUTOMATION_COLLECTIONS,
  type AutomationCollection,
} from './handlers/automation/automation-collections.ts';
import { v2ApiView } from './handlers/management-v1/api-v2-read-delete.ts';
import { API_V2_KIND } from './handlers/management-v1/v2-api-store.ts';
import { specExtensions } from './handlers/registry.ts';
import { readRequest, writeResponse } from './http-exchange.ts';
import type { JsonObject } from './json.ts';
import { loadSpecBundle } from './openapi/spec-bundle.ts';
import { type RecordedRequest, recordedBody, redactHeaders } from './recorded-request.ts';
import { type ApimSimulatorOptions, type ResolvedOptions, resolveOptions } from './simulator-options.ts';
import { ResourceStore, type StoredResource } from './store/resource-store.ts';
import { SpecViolationError, type Violation } from './violations.ts';

/** Where a stored resource is looked for. */
export interface ResourceScope {
  /** The environment; the first configured one by default. */
  readonly environmentId?: string;
  /** For a nested collection (`apis/{apiHrid}/subscriptions`…), the hrid of the parent. */
  readonly parentHrid?: string;
}

/** Where a started simulator listens. */
export interface StartedSimulator {
  /** `http://127.0.0.1:<port>` followed by the mount prefix; `/automation` and `/management/v2` go below it. */
  readonly baseUrl: string;
}

/** Raised when the simulator is used in the wrong lifecycle state. */
export class SimulatorStateError extends Error {
  override name = 'SimulatorStateError';
}

/**
 * An in-process APIM Management API: automation APIs and the management v2 environment probe, with every
 * request and response checked against the release's OpenAPI documents.
 */
export class ApimSimulator {
  private readonly options: ResolvedOptions;
  private readonly store = new ResourceStore();
  private readonly faults = new FaultPlan();
  private readonly timers = new Set<NodeJS.Timeout>();
  private recorded: RecordedRequest[] = [];
  private seen: Violation[] = [];
  private server: Server | undefined;
  private origin: string | undefined;

  constructor(options: ApimSimulatorOptions = {}) {
    this.options = resolveOptions(options);
  }

  /** Loads the OpenAPI documents (cached per process) and listens on a random port of 127.0.0.1. */
  async start(): Promise<StartedSimulator> {
    if (this.server) {
      throw new SimulatorStateError('the APIM simulator is already started');
    }
    const runtime: SimulatorRuntime = {
      options: this.options,
      spec: loadSpecBundle(this.options.apimVersion, this.options.specRoot, specExtensions),
      store: this.store,
      faults: this.faults,
      sleep: (milliseconds) => this.sleep(milliseconds),
      recordViolation: (violation) => this.seen.push(violation),
    };
    const server = createServer((request, response) => {
      this.exchange(runtime, request, response).catch((error: unknown) => {
        response.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { baseUrl: this.baseUrl };
  }

  /** Stops listening, drops open and hung connections and pending latency timers. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) {
      return;
    }
    this.server = undefined;
    this.origin = undefined;
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.timers.clear();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive and hung sockets would otherwise hold `close` (and the test process) open.
    server.closeAllConnections();
    await closed;
  }

  /** Base URL of the started simulator (see `StartedSimulator.baseUrl`). */
  get baseUrl(): string {
    if (!this.origin) {
      throw new SimulatorStateError('the APIM simulator is not started');
    }
    return `${this.origin}${this.options.basePath}`;
  }

  /** Every exchange that did not conform to the OpenAPI documents, oldest first. */
  violations(): Violation[] {
    return [...this.seen];
  }

  /** Throws a `SpecViolationError` listing every violation, if any was seen. */
  assertNoViolations(): void {
    if (this.seen.length > 0) {
      throw new SpecViolationError(this.violations());
    }
  }

  /** Every request received, oldest first, with secrets removed. */
  requests(): RecordedRequest[] {
    return this.recorded.map((request) => ({ ...request }));
  }

  /** Requests that changed stored state (dry runs and reads never do). */
  writes(): RecordedRequest[] {
    return this.requests().filter((request) => request.changedState);
  }

  /** APIs stored in an environment (the first configured one by default), by hrid, as a GET returns them. */
  apis(
    environmentId: string = this.options.tenancy.environments[0]?.id ?? 'DEFAULT',
  ): Map<string, JsonObject> {
    return new Map(
      this.store
        .list(apisKind.kind, environmentId)
        .map((resource) => [resource.hrid, apisKind.present(resource, 'get')]),
    );
  }

  /**
   * v2 APIs imported through the Management API v1 (`…/apis/import-crd`) in an environment (the first
   * configured one by default), by id, as `GET …/apis/{id}` returns them.
   */
  v2Apis(
    environmentId: string = this.options.tenancy.environments[0]?.id ?? 'DEFAULT',
  ): Map<string, JsonObject> {
    return new Map(
      this.store.list(API_V2_KIND, environmentId).map((resource) => [resource.id, v2ApiView(resource)]),
    );
  }

  /** A stored resource of an automation collection as a GET returns it, or `undefined`. */
  resource(
    collection: AutomationCollection,
    hrid: string,
    scope: ResourceScope = {},
  ): JsonObject | undefined {
    const kind = AUTOMATION_COLLECTIONS[collection];
    const found = this.storedIn(collection, scope).find((resource) => resource.hrid === hrid);
    return found && kind.present(found, 'get');
  }

  /**
   * Stored resources of an automation collection as a GET returns them, by hrid. For a nested collection
   * read without `scope.parentHrid`, keys are `<parentHrid>/<hrid>`.
   */
  resources(collection: AutomationCollection, scope: ResourceScope = {}): Map<string, JsonObject> {
    const kind = AUTOMATION_COLLECTIONS[collection];
    return new Map(
      this.storedIn(collection, scope).map((resource) => [
        resource.parentHrid !== undefined && scope.parentHrid === undefined
          ? `${resource.parentHrid}/${resource.hrid}`
          : resource.hrid,
        kind.present(resource, 'get'),
      ]),
    );
  }

  /**
   * The lifecycle status APIM keeps for a stored resource but reads do not show: `ACTIVE`/`ARCHIVED` for
   * applications, `ACCEPTED`/`PENDING`/`CLOSED`/`REJECTED` for subscriptions; `undefined` for other kinds.
   */
  lifecycleStatus(
    collection: AutomationCollection,
    hrid: string,
    scope: ResourceScope = {},
  ): string | undefined {
    const status = this.storedIn(collection, scope).find((resource) => resource.hrid === hrid)?.internal
      ?.status;
    return typeof status === 'string' ? status : undefined;
  }

  /** Requests that changed what a collection stores (imports and deletes; dry runs and reads never do). */
  writesTo(collection: AutomationCollection): RecordedRequest[] {
    const { createOrUpdate, delete: remove } = AUTOMATION_COLLECTIONS[collection].operations;
    // Automation traffic only: Management API v1's `deleteApi` (v2 APIs) shares its operationId with `apis`.
    const automation = `${this.options.basePath}/automation/`;
    return this.writes().filter(
      (request) =>
        request.path.startsWith(automation) &&
        (request.operationId === createOrUpdate || request.operationId === remove),
    );
  }

  /** How many requests changed each collection, for the collections written to. */
  writeCounts(): Partial<Record<AutomationCollection, number>> {
    const counts: Partial<Record<AutomationCollection, number>> = {};
    for (const collection of Object.keys(AUTOMATION_COLLECTIONS) as AutomationCollection[]) {
      const count = this.writesTo(collection).length;
      if (count > 0) {
        counts[collection] = count;
      }
    }
    return counts;
  }

  /** Makes the next `count` matching requests fail with `failure.status`. */
  failNext(count: number, failure: FailureOptions): void {
    this.faults.failNext(count, failure);
  }

  /** Delays every response by `milliseconds` (0 to stop). */
  setLatency(milliseconds: number): void {
    this.faults.setLatency(milliseconds);
  }

  /** Makes requests whose pathname equals/ends with `path` (or matches it) never get an answer. */
  hang(path: PathMatcher): void {
    this.faults.hang(path);
  }

  /** Forgets stored resources, recorded requests, violations and injected faults. */
  reset(): void {
    this.store.clear();
    this.faults.reset();
    this.recorded = [];
    this.seen = [];
  }

  private async exchange(
    runtime: SimulatorRuntime,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const incoming = await readRequest(request);
    const record: RecordedRequest = {
      method: incoming.method,
      path: incoming.pathname,
      query: Object.fromEntries(incoming.query),
      headers: redactHeaders(incoming.headers),
      body: recordedBody(incoming.rawBody),
      changedState: false,
    };
    this.recorded.push(record);
    const outcome = await dispatch(runtime, incoming);
    if (outcome.kind === 'hang') {
      return;
    }
    record.status = outcome.status;
    record.changedState = outcome.changedState;
    if (outcome.operationId) {
      record.operationId = outcome.operationId;
    }
    writeResponse(response, outcome);
  }

  private storedIn(collection: AutomationCollection, scope: ResourceScope): StoredResource[] {
    const environmentId = scope.environmentId ?? this.options.tenancy.environments[0]?.id ?? 'DEFAULT';
    return this.store
      .list(AUTOMATION_COLLECTIONS[collection].kind, environmentId)
      .filter((resource) => scope.parentHrid === undefined || resource.parentHrid === scope.parentHrid);
  }

  private sleep(milliseconds: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, milliseconds);
      this.timers.add(timer);
    });
  }
}
