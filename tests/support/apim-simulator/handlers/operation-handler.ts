import type { OperationSpec } from '../openapi/operation-spec.ts';
import type { DocumentKey } from '../openapi/spec-location.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import type { EnvironmentFixture } from '../tenancy.ts';

/** What a handler gets: a request already authenticated, resolved to an environment and spec-valid. */
export interface HandlerContext {
  readonly operation: OperationSpec;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly organizationId: string;
  readonly environment: EnvironmentFixture;
  readonly store: ResourceStore;
}

/** The response a handler wants sent; it is validated against the spec before leaving the simulator. */
export interface HandlerResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** True when the request changed stored state (reported by `writes()`). */
  readonly changedState?: boolean;
}

/** Simulates one operation. Throw `ApimHttpError` to answer with an APIM error. */
export type OperationHandler = (context: HandlerContext) => HandlerResult;

/** Binds a handler to an operation of one of the documents. */
export interface OperationBinding {
  readonly document: DocumentKey;
  readonly operationId: string;
  readonly handle: OperationHandler;
}
