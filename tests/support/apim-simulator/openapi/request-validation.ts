import type { JsonObject } from '../json.ts';
import type { OperationSpec, ParameterSpec } from './operation-spec.ts';
import type { SchemaValidator } from './schema-validator.ts';

/** The parts of an HTTP request the OpenAPI operation constrains. */
export interface RequestParts {
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly contentType?: string;
  readonly rawBody: string;
}

/** The problems found, and the JSON body when it could be parsed. */
export interface RequestCheck {
  readonly problems: string[];
  readonly body: unknown;
}

/** Validates path parameters, query parameters and the body of a request against its operation. */
export function validateRequest(
  validator: SchemaValidator,
  operation: OperationSpec,
  parts: RequestParts,
): RequestCheck {
  const problems = [
    ...pathProblems(validator, operation, parts.pathParams),
    ...queryProblems(validator, operation, parts.query),
  ];
  const body = bodyOf(operation, parts, problems);
  if (body !== undefined && operation.requestBody?.schemaRef) {
    problems.push(
      ...validator.validate(operation.requestBody.schemaRef, body).map((problem) => `body ${problem}`),
    );
  }
  return { problems, body };
}

function pathProblems(
  validator: SchemaValidator,
  operation: OperationSpec,
  pathParams: Readonly<Record<string, string>>,
): string[] {
  return operation.parameters
    .filter((parameter) => parameter.in === 'path' && parameter.schemaRef)
    .flatMap((parameter) => valueProblems(validator, parameter, pathParams[parameter.name] ?? ''));
}

function queryProblems(
  validator: SchemaValidator,
  operation: OperationSpec,
  query: URLSearchParams,
): string[] {
  const declared = new Map(operation.parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]));
  const problems: string[] = [];
  // APIM ignores unknown query parameters, but a client sending one relies on behaviour the spec does not promise.
  for (const name of new Set(query.keys())) {
    const parameter = declared.get(name);
    if (!parameter) {
      problems.push(`query parameter '${name}' is not declared by ${operation.operationId}`);
      continue;
    }
    const values = query.getAll(name);
    if (values.length > 1 && parameter.schema?.type !== 'array') {
      problems.push(`query parameter '${name}' must not be repeated`);
    }
    problems.push(...valueProblems(validator, parameter, values[0] ?? ''));
  }
  for (const parameter of declared.values()) {
    if (parameter.required && !query.has(parameter.name)) {
      problems.push(`query parameter '${parameter.name}' is required`);
    }
  }
  return problems;
}

function valueProblems(validator: SchemaValidator, parameter: ParameterSpec, raw: string): string[] {
  if (!parameter.schemaRef) {
    return [];
  }
  const value = coerce(parameter.schema, raw);
  if (value === undefined) {
    return [
      `${parameter.in} parameter '${parameter.name}' must be a ${String(parameter.schema?.type)}, got '${raw}'`,
    ];
  }
  return validator
    .validate(parameter.schemaRef, value)
    .map((problem) => `${parameter.in} parameter '${parameter.name}' ${problem.replace('(root) ', '')}`);
}

/** Query and path values are strings on the wire; the schema type says how the server parses them. */
function coerce(schema: JsonObject | undefined, raw: string): unknown {
  switch (schema?.type) {
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : undefined;
    case 'integer':
    case 'number': {
      const value = Number(raw);
      return raw.trim() === '' || Number.isNaN(value) ? undefined : value;
    }
    default:
      return raw;
  }
}

function bodyOf(operation: OperationSpec, parts: RequestParts, problems: string[]): unknown {
  const declared = operation.requestBody;
  if (parts.rawBody.length === 0) {
    if (declared?.required) {
      problems.push('request body is required');
    }
    return undefined;
  }
  if (!declared) {
    problems.push(`${operation.operationId} declares no request body`);
    return undefined;
  }
  const mediaType = parts.contentType?.split(';')[0]?.trim().toLowerCase();
  if (!mediaType || !declared.contentTypes.includes(mediaType)) {
    problems.push(
      `content-type '${parts.contentType ?? ''}' is not one of ${declared.contentTypes.join(', ')}`,
    );
  }
  try {
    return JSON.parse(parts.rawBody) as unknown;
  } catch {
    problems.push('request body is not valid JSON');
    return undefined;
  }
}
