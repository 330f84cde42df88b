import { isJsonObject, type JsonObject } from '../json.ts';
import { childPointer, followRefs, pointerOf } from './json-pointer.ts';
import { compileRouteTemplate, type RouteTemplate } from './route-template.ts';
import type { DocumentKey } from './spec-location.ts';

/** A parsed OpenAPI document, the `$id` its schemas are registered under, and where it is mounted. */
export interface LoadedDocument {
  readonly key: DocumentKey;
  readonly schemaId: string;
  readonly document: JsonObject;
  readonly bases?: readonly string[];
}

/** A parameter of an operation; `schemaRef` is absent for server variables, which carry no schema. */
export interface ParameterSpec {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly schemaRef?: string;
  /** The parameter schema itself (references followed), used to coerce query strings before validation. */
  readonly schema?: JsonObject;
}

/** A declared response: the schema its JSON body must satisfy, if it declares one. */
export interface ResponseSpec {
  readonly hasJsonContent: boolean;
  readonly schemaRef?: string;
}

/** Everything needed to validate one operation's traffic. */
export interface OperationSpec {
  readonly document: DocumentKey;
  readonly operationId: string;
  readonly method: string;
  readonly route: RouteTemplate;
  readonly parameters: readonly ParameterSpec[];
  readonly requestBody?: {
    readonly required: boolean;
    readonly contentTypes: readonly string[];
    readonly schemaRef?: string;
  };
  /** Keyed by status code, `2XX`-style range or `default`. */
  readonly responses: ReadonlyMap<string, ResponseSpec>;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const JSON_MEDIA_TYPE = 'application/json';

/** Every operation of a document, once per server base it is served under. */
export function operationsOf(loaded: LoadedDocument): OperationSpec[] {
  const paths = loaded.document.paths;
  if (!isJsonObject(paths)) {
    return [];
  }
  return Object.entries(paths).flatMap(([path, pathItem]) => {
    if (!isJsonObject(pathItem)) {
      return [];
    }
    const pathItemPointer = pointerOf(['paths', path]);
    return HTTP_METHODS.flatMap((method) => {
      const operation = pathItem[method];
      if (!isJsonObject(operation) || typeof operation.operationId !== 'string') {
        return [];
      }
      const operationPointer = childPointer(pathItemPointer, method);
      return serverBases(loaded, pathItem, operation).map((base) => ({
        document: loaded.key,
        operationId: operation.operationId as string,
        method: method.toUpperCase(),
        route: compileRouteTemplate(`${base}${path}`),
        parameters: [
          ...serverVariables(base),
          ...mergeParameters(loaded, pathItem, pathItemPointer, operation, operationPointer),
        ],
        ...requestBodyOf(loaded, operation, operationPointer),
        responses: responsesOf(loaded, operation, operationPointer),
      }));
    });
  });
}

/** Operation- or path-level `servers` override the document's; only their path part matters here. */
function serverBases(loaded: LoadedDocument, pathItem: JsonObject, operation: JsonObject): string[] {
  const servers = [operation.servers, pathItem.servers].find(Array.isArray);
  if (servers === undefined && loaded.bases) {
    return [...loaded.bases];
  }
  const urls = (servers ?? (Array.isArray(loaded.document.servers) ? loaded.document.servers : []))
    .filter(isJsonObject)
    .map((server) => server.url)
    .filter((url): url is string => typeof url === 'string')
    .map((url) => url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, '').replace(/\/$/, ''));
  return urls.length > 0 ? urls : [''];
}

function serverVariables(base: string): ParameterSpec[] {
  return compileRouteTemplate(base).parameterNames.map((name) => ({ name, in: 'path', required: true }));
}

function mergeParameters(
  loaded: LoadedDocument,
  pathItem: JsonObject,
  pathItemPointer: string,
  operation: JsonObject,
  operationPointer: string,
): ParameterSpec[] {
  const merged = new Map<string, ParameterSpec>();
  // Operation-level parameters override path-level ones with the same name and location.
  for (const [owner, ownerPointer] of [
    [pathItem, pathItemPointer],
    [operation, operationPointer],
  ] as const) {
    const declared = Array.isArray(owner.parameters) ? owner.parameters : [];
    declared.forEach((raw, index) => {
      const located = followRefs(
        loaded.document,
        raw,
        childPointer(ownerPointer, 'parameters', String(index)),
      );
      const parameter = located && parameterOf(loaded, located.value, located.pointer);
      if (parameter) {
        merged.set(`${parameter.in}:${parameter.name}`, parameter);
      }
    });
  }
  return [...merged.values()];
}

function parameterOf(
  loaded: LoadedDocument,
  parameter: JsonObject,
  pointer: string,
): ParameterSpec | undefined {
  if (typeof parameter.name !== 'string' || typeof parameter.in !== 'string') {
    return undefined;
  }
  const schema = followRefs(loaded.document, parameter.schema, childPointer(pointer, 'schema'));
  return {
    name: parameter.name,
    in: parameter.in,
    required: parameter.required === true || parameter.in === 'path',
    ...(schema
      ? { schemaRef: `${loaded.schemaId}${childPointer(pointer, 'schema')}`, schema: schema.value }
      : {}),
  };
}

function requestBodyOf(
  loaded: LoadedDocument,
  operation: JsonObject,
  operationPointer: string,
): Pick<OperationSpec, 'requestBody'> {
  const located = followRefs(
    loaded.document,
    operation.requestBody,
    childPointer(operationPointer, 'requestBody'),
  );
  if (!located) {
    return {};
  }
  const content = isJsonObject(located.value.content) ? located.value.content : {};
  return {
    requestBody: {
      required: located.value.required === true,
      contentTypes: Object.keys(content),
      ...(isJsonObject(content[JSON_MEDIA_TYPE]) && content[JSON_MEDIA_TYPE].schema !== undefined
        ? {
            schemaRef: `${loaded.schemaId}${childPointer(located.pointer, 'content', JSON_MEDIA_TYPE, 'schema')}`,
          }
        : {}),
    },
  };
}

function responsesOf(
  loaded: LoadedDocument,
  operation: JsonObject,
  operationPointer: string,
): Map<string, ResponseSpec> {
  const responses = new Map<string, ResponseSpec>();
  const declared = isJsonObject(operation.responses) ? operation.responses : {};
  for (const [status, raw] of Object.entries(declared)) {
    const located = followRefs(loaded.document, raw, childPointer(operationPointer, 'responses', status));
    if (!located) {
      continue;
    }
    const content = isJsonObject(located.value.content) ? located.value.content : undefined;
    const json = content?.[JSON_MEDIA_TYPE];
    responses.set(status.toUpperCase() === 'DEFAULT' ? 'default' : status.toUpperCase(), {
      hasJsonContent: isJsonObject(json),
      ...(isJsonObject(json) && json.schema !== undefined
        ? {
            schemaRef: `${loaded.schemaId}${childPointer(located.pointer, 'content', JSON_MEDIA_TYPE, 'schema')}`,
          }
        : {}),
    });
  }
  return responses;
}
