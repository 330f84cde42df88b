import type { OperationSpec, ResponseSpec } from './operation-spec.ts';
import type { SchemaValidator } from './schema-validator.ts';

/**
 * Validates a response the simulator is about to send: the status must be declared (exactly, by range or
 * through `default`) and the body must match that response's JSON schema, or be absent if it has none.
 */
export function validateResponse(
  validator: SchemaValidator,
  operation: OperationSpec,
  status: number,
  body: unknown,
): string[] {
  const declared = declaredResponse(operation, status);
  if (!declared) {
    return [`status ${status} is not declared by ${operation.operationId}`];
  }
  if (!declared.hasJsonContent) {
    return body === undefined
      ? []
      : [`status ${status} of ${operation.operationId} declares no body but one was sent`];
  }
  if (body === undefined) {
    return [`status ${status} of ${operation.operationId} declares a JSON body but none was sent`];
  }
  if (!declared.schemaRef) {
    return [];
  }
  return validator.validate(declared.schemaRef, body).map((problem) => `response body ${problem}`);
}

function declaredResponse(operation: OperationSpec, status: number): ResponseSpec | undefined {
  const code = String(status);
  return (
    operation.responses.get(code) ??
    operation.responses.get(`${code[0]}XX`) ??
    operation.responses.get('default')
  );
}
