import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JsonObject } from '../../json.ts';
import type { LoadedDocument } from '../../openapi/operation-spec.ts';

/**
 * The Management API v1 has no published OpenAPI document. The simulator describes the three operations
 * GKO uses for v2 APIs in an OpenAPI document of its own, whose import-crd body schema is the one the
 * project derives from the `ApiDefinition` contract (`npm run generate` → `infra/apim/import-crd.schema.json`).
 * Requests and responses then go through the same validation, and violations are reported the same way,
 * as for the published documents.
 */

// This file sits at tests/support/apim-simulator/handlers/management-v1/, five levels below the repository root.
const IMPORT_CRD_SCHEMA_FILE = fileURLToPath(
  new URL('../../../../../infra/apim/import-crd.schema.json', import.meta.url),
);

/** Operation ids of the simulated Management API v1 operations. */
export const MANAGEMENT_V1_OPERATIONS = {
  importCrd: 'importApiDefinitionCrd',
  get: 'getApi',
  delete: 'deleteApi',
} as const;

/** The body schema as generated; `$schema`/`$id` go, since it is embedded in another document. */
function importCrdSchema(): JsonObject {
  const {
    $schema: _schema,
    $id: _id,
    ...schema
  } = JSON.parse(readFileSync(IMPORT_CRD_SCHEMA_FILE, 'utf8')) as JsonObject;
  return schema;
}

const json = (schema: JsonObject) => ({ content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const pathParameter = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const flag = (name: string) => ({ name, in: 'query', required: false, schema: { type: 'boolean' } });

const API_PATH_PARAMETERS = [pathParameter('orgId'), pathParameter('envId')];

/**
 * The simulator's OpenAPI 3.1 description of the Management API v1 operations behind v2 APIs
 * (APIM's `ApisResource.importApiDefinitionCrd`, `ApiResource.getApi` / `deleteApi`).
 */
export function managementV1OpenApi(): JsonObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'APIM Management API v1 — v2 API operations used by GKO (described by the simulator)',
      version: '1',
    },
    servers: [{ url: '/management' }],
    paths: {
      '/organizations/{orgId}/environments/{envId}/apis/import-crd': {
        put: {
          operationId: MANAGEMENT_V1_OPERATIONS.importCrd,
          parameters: [...API_PATH_PARAMETERS, flag('dryRun')],
          requestBody: { required: true, ...json(ref('ApiCRD')) },
          responses: {
            '200': { description: 'Imported (or would be, on a dry run)', ...json(ref('ApiCRDStatus')) },
            '400': {
              description: 'Severe validation errors, or a malformed body',
              ...json({ anyOf: [ref('ApiValidationResult'), ref('Error')] }),
            },
            default: { description: 'Error', ...json(ref('Error')) },
          },
        },
      },
      '/organizations/{orgId}/environments/{envId}/apis/{api}': {
        parameters: [...API_PATH_PARAMETERS, pathParameter('api')],
        get: {
          operationId: MANAGEMENT_V1_OPERATIONS.get,
          responses: {
            '200': { description: 'The API', ...json(ref('ApiEntity')) },
            '404': { description: 'Unknown API', ...json(ref('ErrorEntity')) },
            default: { description: 'Error', ...json(ref('Error')) },
          },
        },
        delete: {
          operationId: MANAGEMENT_V1_OPERATIONS.delete,
          parameters: [flag('closePlans')],
          responses: {
            '204': { description: 'Deleted' },
            '400': { description: 'Published plans left open', ...json(ref('ErrorEntity')) },
            '404': { description: 'Unknown API', ...json(ref('ErrorEntity')) },
            default: { description: 'Error', ...json(ref('Error')) },
          },
        },
      },
    },
    components: {
      schemas: {
        ApiCRD: importCrdSchema(),
        ApiCRDStatus: {
          type: 'object',
          required: ['organizationId', 'environmentId', 'id', 'crossId', 'errors', 'plans'],
          properties: {
            organizationId: { type: 'string' },
            environmentId: { type: 'string' },
            id: { type: 'string' },
            crossId: { type: 'string' },
            state: { enum: ['INITIALIZED', 'STOPPED', 'STARTED', 'STOPPING', 'CLOSED'] },
            errors: ref('ApiValidationResult'),
            plans: { type: 'object', additionalProperties: { type: 'string' } },
          },
          additionalProperties: false,
        },
        ApiValidationResult: {
          type: 'object',
          required: ['severe', 'warning'],
          properties: {
            severe: { type: 'array', items: { type: 'string' } },
            warning: { type: 'array', items: { type: 'string' } },
          },
          additionalProperties: false,
        },
        ApiEntity: {
          type: 'object',
          required: ['id', 'crossId', 'name', 'version', 'state', 'definition_context'],
          properties: {
            id: { type: 'string' },
            crossId: { type: 'string' },
            state: { enum: ['STOPPED', 'STARTED'] },
            plans: {
              type: 'array',
              items: { type: 'object', required: ['id', 'api'], properties: { id: { type: 'string' } } },
            },
          },
        },
        // APIM v1's `ErrorEntity`.
        ErrorEntity: {
          type: 'object',
          required: ['message', 'http_status'],
          properties: {
            message: { type: 'string' },
            http_status: { type: 'integer' },
            technicalCode: { type: 'string' },
            parameters: { type: 'object', additionalProperties: { type: 'string' } },
          },
          additionalProperties: false,
        },
        // Errors the simulator core answers for every document (authentication, injected faults…).
        Error: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
      },
    },
  };
}

/** The document as the spec bundle loads it. */
export function managementV1Document(schemaId: string): LoadedDocument {
  return { key: 'management-v1', schemaId, document: managementV1OpenApi() };
}
