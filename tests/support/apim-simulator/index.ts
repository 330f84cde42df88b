/**
 * APIM Management API simulator for tests: automation APIs and the management v2 environment probe,
 * validating every request and response against APIM's OpenAPI documents.
 */
export {
  ApimSimulator,
  type ResourceScope,
  SimulatorStateError,
  type StartedSimulator,
} from './apim-simulator.ts';
export type { SimulatorCredentials } from './auth.ts';
export type { FailureOptions, InjectedStatus, PathMatcher } from './faults.ts';
export type { AutomationCollection } from './handlers/automation/automation-collections.ts';
export { portalLinkId } from './handlers/automation/portal-links.ts';
export type { HttpErrorBody } from './http-errors.ts';
export {
  apiDocumentationId,
  apiScopedId,
  nameUuid,
  portalScopedId,
  topLevelCrossId,
  topLevelId,
} from './ids/hrid-to-uuid.ts';
export type { JsonObject } from './json.ts';
export type { ApimVersion } from './openapi/spec-location.ts';
export type { RecordedRequest } from './recorded-request.ts';
export { type ApimSimulatorOptions, SimulatorOptionsError } from './simulator-options.ts';
export type { EnvironmentFixture, UnknownContextStatus } from './tenancy.ts';
export { SpecViolationError, type Violation, type ViolationKind } from './violations.ts';
