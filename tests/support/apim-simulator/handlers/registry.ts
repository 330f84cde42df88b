import type { SpecExtension } from '../openapi/spec-bundle.ts';
import type { DocumentKey } from '../openapi/spec-location.ts';
import { automationBindings } from './automation/automation-collections.ts';
import { portalLinksSpecExtension } from './automation/portal-links-extension.ts';
import { getEnvironmentBinding } from './management/get-environment.ts';
import { managementV1Bindings } from './management-v1/management-v1-bindings.ts';
import type { OperationBinding } from './operation-handler.ts';

/** Every simulated operation. Operations the specs describe but that are absent here answer 501. */
export const operationBindings: readonly OperationBinding[] = [
  ...automationBindings,
  getEnvironmentBinding,
  ...managementV1Bindings,
];

/**
 * Operations APIM serves that the release's documents do not describe, merged into them so their traffic
 * is still validated. Each one is an extension outside the published spec.
 */
export const specExtensions: readonly SpecExtension[] = [portalLinksSpecExtension];

/** The binding simulating `operationId` of `document`, if any. */
export function findBinding(document: DocumentKey, operationId: string): OperationBinding | undefined {
  return operationBindings.find(
    (binding) => binding.document === document && binding.operationId === operationId,
  );
}
