import type { DocumentKey } from '../openapi/spec-location.ts';
import { apiBindings } from './automation/apis.ts';
import { getEnvironmentBinding } from './management/get-environment.ts';
import type { OperationBinding } from './operation-handler.ts';

/** Every simulated operation. Operations the specs describe but that are absent here answer 501. */
export const operationBindings: readonly OperationBinding[] = [...apiBindings, getEnvironmentBinding];

/** The binding simulating `operationId` of `document`, if any. */
export function findBinding(document: DocumentKey, operationId: string): OperationBinding | undefined {
  return operationBindings.find(
    (binding) => binding.document === document && binding.operationId === operationId,
  );
}
