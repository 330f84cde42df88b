import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type SimulatorRuntime } from './dispatch.ts';
import { type FailureOptions, FaultPlan, type PathMatcher } from './faults.ts';
import { apisKind } from './handlers/automation/apis.ts';
import { readRequest, writeResponse } from './http-exchange.ts';
import type { JsonObject } from './json.ts';
import { loadSpecBundle } from './openapi/spec-bundle.ts';
import { type RecordedRequest, recordedBody, redactHeaders } from './recorded-request.ts';
import { type ApimSimulatorOptions, type ResolvedOptions, resolveOptions } from './simulator-options.ts';
import { ResourceStore } from './store/resource-store.ts';
import { SpecViolationError, type Violation } from './violations.ts';

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
      spec: loadSpecBundle(this.options.apimVersion, this.options.specRoot),
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
