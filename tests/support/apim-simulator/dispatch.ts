import { authenticate } from './auth.ts';
import type { FailureOptions, FaultPlan } from './faults.ts';
import { findBinding } from './handlers/registry.ts';
import { ApimHttpError, httpError } from './http-errors.ts';
import type { IncomingRequest } from './http-exchange.ts';
import type { OperationSpec } from './openapi/operation-spec.ts';
import { validateRequest } from './openapi/request-validation.ts';
import { validateResponse } from './openapi/response-validation.ts';
import type { SpecBundle } from './openapi/spec-bundle.ts';
import type { ResolvedOptions } from './simulator-options.ts';
import type { ResourceStore } from './store/resource-store.ts';
import { resolveContext } from './tenancy.ts';
import type { Violation, ViolationKind } from './violations.ts';

/** What to do with a request: answer it, or never answer. */
export type DispatchOutcome =
  | {
      readonly kind: 'respond';
      readonly status: number;
      readonly body?: unknown;
      readonly headers: Readonly<Record<string, string>>;
      readonly operationId?: string;
      readonly changedState: boolean;
    }
  | { readonly kind: 'hang' };

/** The simulator state a request is dispatched against. */
export interface SimulatorRuntime {
  readonly options: ResolvedOptions;
  readonly spec: SpecBundle;
  readonly store: ResourceStore;
  readonly faults: FaultPlan;
  readonly sleep: (milliseconds: number) => Promise<void>;
  readonly recordViolation: (violation: Violation) => void;
}

type Respond = Extract<DispatchOutcome, { kind: 'respond' }>;

/**
 * Runs a request through the simulated APIM, in APIM's order where it matters: routing, injected faults,
 * organization/environment resolution (APIM checks it before authentication), authentication, spec
 * validation of the request, the operation, then spec validation of the response.
 */
export async function dispatch(
  runtime: SimulatorRuntime,
  request: IncomingRequest,
): Promise<DispatchOutcome> {
  if (runtime.faults.isHung(request.pathname)) {
    return { kind: 'hang' };
  }
  if (runtime.faults.latencyMs > 0) {
    await runtime.sleep(runtime.faults.latencyMs);
  }
  const flag = (
    kind: ViolationKind,
    operation: OperationSpec | undefined,
    problems: string[],
    outcome: Respond,
  ) => flagged(runtime, request, { kind, operation, problems }, outcome);
  const relative = stripBasePath(request.pathname, runtime.options.basePath);
  const match = relative === undefined ? undefined : runtime.spec.operations.find(request.method, relative);
  if (!match?.operation) {
    const problem = match?.pathKnown
      ? `method ${request.method} is not described for this path`
      : 'path is not described by the OpenAPI documents';
    return flag('unknown-route', undefined, [problem], respond(404, httpError(404, 'Not Found')));
  }
  const { operation, pathParams } = match;
  const answer = (outcome: Respond) => checked(runtime, request, operation, outcome);
  const injected = runtime.faults.takeFailure(request.method, request.pathname);
  if (injected) {
    return answer(injectedFailure(injected));
  }
  const context = resolveContext(runtime.options.tenancy, pathParams, runtime.options.unknownContextStatus);
  if (context && !context.ok) {
    return answer(respond(context.status, context.body));
  }
  const auth = authenticate(headerValue(request.headers.authorization), runtime.options.credentials);
  if (!auth.ok) {
    return answer(respond(auth.status, auth.body, auth.headers));
  }
  const check = validateRequest(runtime.spec.schemas, operation, {
    pathParams,
    query: request.query,
    rawBody: request.rawBody,
    ...(request.headers['content-type'] ? { contentType: request.headers['content-type'] } : {}),
  });
  if (check.problems.length > 0) {
    // APIM's bean validation answers spec-invalid bodies with this payload.
    const details = check.problems.map((message) => ({ message }));
    return flag(
      'request',
      operation,
      check.problems,
      answer(respond(400, httpError(400, 'Validation error', { details }))),
    );
  }
  const binding = findBinding(operation.document, operation.operationId);
  if (!binding) {
    const problem = `${operation.operationId} is described by the spec but not simulated`;
    return flag('unimplemented', operation, [problem], respond(501, httpError(501, problem)));
  }
  if (!context) {
    // Every simulated operation so far is environment-scoped; an organization-level one needs its own context.
    const problem = `${operation.operationId} is simulated but its route names no environment`;
    return flag('simulator-error', operation, [problem], respond(500, httpError(500, problem)));
  }
  try {
    const result = binding.handle({
      operation,
      pathParams,
      query: request.query,
      body: check.body,
      organizationId: context.organizationId,
      environment: context.environment,
      store: runtime.store,
    });
    return answer(respond(result.status, result.body, result.headers, result.changedState));
  } catch (error) {
    if (error instanceof ApimHttpError) {
      return answer(respond(error.status, error.body));
    }
    const problem = `handler failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    return flag('simulator-error', operation, [problem], respond(500, httpError(500, problem)));
  }
}

function stripBasePath(pathname: string, basePath: string): string | undefined {
  if (basePath === '') {
    return pathname;
  }
  if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) {
    return undefined;
  }
  return pathname.slice(basePath.length) || '/';
}

function injectedFailure(failure: FailureOptions): Respond {
  const headers: Record<string, string> =
    failure.retryAfterSeconds === undefined ? {} : { 'retry-after': String(failure.retryAfterSeconds) };
  return respond(
    failure.status,
    httpError(failure.status, 'Failure injected by the APIM simulator'),
    headers,
  );
}

/** Validates a response against the operation and flags it when it does not conform. */
function checked(
  runtime: SimulatorRuntime,
  request: IncomingRequest,
  operation: OperationSpec,
  outcome: Respond,
): Respond {
  const problems = validateResponse(runtime.spec.schemas, operation, outcome.status, outcome.body);
  const tagged = { ...outcome, operationId: operation.operationId };
  return problems.length === 0
    ? tagged
    : flagged(runtime, request, { kind: 'response', operation, problems }, tagged);
}

interface Finding {
  readonly kind: ViolationKind;
  readonly operation: OperationSpec | undefined;
  readonly problems: string[];
}

/** Records a violation about `request` and passes `outcome` through. */
function flagged(
  runtime: SimulatorRuntime,
  request: IncomingRequest,
  finding: Finding,
  outcome: Respond,
): Respond {
  runtime.recordViolation({
    kind: finding.kind,
    method: request.method,
    path: request.pathname,
    ...(finding.operation ? { operationId: finding.operation.operationId } : {}),
    status: outcome.status,
    problems: finding.problems,
  });
  return outcome;
}

function respond(
  status: number,
  body?: unknown,
  headers: Readonly<Record<string, string>> = {},
  changedState = false,
): Respond {
  return { kind: 'respond', status, ...(body === undefined ? {} : { body }), headers, changedState };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
