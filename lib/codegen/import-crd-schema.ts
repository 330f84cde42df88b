/**
 * JSON Schema (draft 2020-12) of the body of the Management API v1 `PUT …/apis/import-crd`, which has no
 * published OpenAPI description. It is derived from the `ApiDefinition` contract: the CRD's structural
 * `spec` schema, turned into a closed JSON Schema (the API server prunes unknown fields, and so does GKO's
 * Go round-trip), minus what GKO keeps out of the body, plus what GKO adds to it.
 */
import { kinds } from '../crds/kinds.ts';
import { PRESERVE_UNKNOWN_FIELDS } from '../crds/schema-helpers.ts';
import type { Artifacts } from './artifacts.ts';
import { formattedJson } from './formatted-json.ts';
import { type JsonSchemaProps, toStructuralSchema } from './structural-schema.ts';

/** Repo-relative path of the generated schema. */
export const IMPORT_CRD_SCHEMA_PATH = 'infra/apim/import-crd.schema.json';

/** `$id` of the generated schema. */
export const IMPORT_CRD_SCHEMA_ID =
  'https://gravitee.io/gravitee-serverless-operator/apim/management-v1/import-crd.schema.json';

/** A JSON Schema node (draft 2020-12). */
export type JsonSchema = { [keyword: string]: unknown };

/** Keywords copied as they are from a CRD schema node. */
const COPIED_KEYWORDS = [
  'description',
  'enum',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'required',
];

/** Spec fields GKO leaves out of the body: it sends the embedded API definition, not the CR spec. */
const SPEC_ONLY_FIELDS = ['contextRef', 'local'];

/** `syncFrom` values GKO writes (upper case, whatever the spec says). */
const SYNC_FROM_VALUES = ['MANAGEMENT', 'KUBERNETES'];

const idProperty = (description: string): JsonSchema => ({ type: 'string', minLength: 1, description });

/** The v1 console notification settings, for contracts that do not describe them. */
const CONSOLE_NOTIFICATION: JsonSchema = {
  type: 'object',
  description: 'Console notification settings GKO builds from the first console Notification referenced.',
  properties: {
    config_type: { type: 'string' },
    groups: { type: 'array', items: { type: 'string' } },
    hooks: { type: 'array', items: { type: 'string' } },
    origin: { type: 'string' },
    referenceId: { type: 'string' },
    referenceType: { type: 'string' },
    user: { type: 'string' },
  },
  required: ['config_type', 'groups', 'hooks', 'origin'],
  additionalProperties: false,
};

/**
 * Converts a structural CRD schema node to JSON Schema 2020-12:
 * - an object without `x-kubernetes-preserve-unknown-fields` is closed (`additionalProperties: false`),
 *   since the API server prunes whatever its schema does not name;
 * - `nullable` becomes a `null` alternative, `x-kubernetes-int-or-string` an integer-or-string choice;
 * - `default` and other `x-kubernetes-*` keywords are dropped: the body is already defaulted.
 *
 * @example
 * crdToJsonSchema({ type: 'object', properties: { name: { type: 'string', default: 'x' } } });
 * // { type: 'object', properties: { name: { type: 'string' } }, additionalProperties: false }
 */
export function crdToJsonSchema(node: JsonSchemaProps): JsonSchema {
  const out: JsonSchema = {};
  if (node['x-kubernetes-int-or-string'] === true) {
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  } else if (typeof node.type === 'string') {
    out.type = node.nullable === true ? [node.type, 'null'] : node.type;
  }
  for (const keyword of COPIED_KEYWORDS) {
    if (node[keyword] !== undefined) out[keyword] = structuredClone(node[keyword]);
  }
  if (node.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null)) out.enum.push(null);
  // OpenAPI 3.0 exclusive bounds are flags on minimum/maximum; 2020-12 makes them the bound itself.
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (node[flag] === true && typeof node[bound] === 'number') {
      out[flag] = node[bound];
      delete out[bound];
    }
  }
  if (node.properties) {
    out.properties = Object.fromEntries(
      Object.entries(node.properties).map(([name, child]) => [name, crdToJsonSchema(child)]),
    );
  }
  if (node.items) out.items = crdToJsonSchema(node.items);
  if (typeof node.additionalProperties === 'object') {
    out.additionalProperties = crdToJsonSchema(node.additionalProperties);
  } else if (node.type === 'object' && node[PRESERVE_UNKNOWN_FIELDS] !== true) {
    out.additionalProperties = false;
  }
  return out;
}

function properties(node: JsonSchema): Record<string, JsonSchema> {
  if (typeof node.properties !== 'object' || node.properties === null) node.properties = {};
  return node.properties as Record<string, JsonSchema>;
}

function requireFields(node: JsonSchema, ...names: string[]): void {
  const required = new Set([...(Array.isArray(node.required) ? (node.required as string[]) : []), ...names]);
  node.required = [...required].sort();
}

/** The schema of a nested object when the contract describes its fields, else `undefined`. */
function described(node: unknown): JsonSchema | undefined {
  return typeof node === 'object' && node !== null && 'properties' in node ? (node as JsonSchema) : undefined;
}

/** Adds `name` to an object schema unless the contract already describes it. */
function ensureProperty(node: JsonSchema, name: string, schema: JsonSchema): void {
  const props = properties(node);
  if (!props[name]) props[name] = schema;
}

/**
 * The import-crd body schema derived from the structural `spec` schema of an `ApiDefinition` CRD (this
 * project's, or GKO's for comparison). Against the spec:
 *
 * - `contextRef` and `local` are removed;
 * - `id`, `crossId` and `definition_context` are required (GKO always computes them), with `syncFrom`
 *   limited to the upper-case values GKO writes;
 * - each plan requires `id` and `crossId`, each page `id`, `crossId` and `api`;
 * - `resources[].ref` is removed: GKO substitutes the ApiResource before sending;
 * - `consoleNotificationConfiguration` is described even when the contract leaves it out.
 */
export function importCrdBodySchema(specSchema: JsonSchemaProps): JsonSchema {
  const body = crdToJsonSchema(specSchema);
  const props = properties(body);
  for (const field of SPEC_ONLY_FIELDS) delete props[field];
  if (Array.isArray(body.required)) {
    body.required = (body.required as string[]).filter((name) => !SPEC_ONLY_FIELDS.includes(name));
  }

  props.id = idProperty('API id: status.id, else spec.id, else metadata.uid.');
  props.crossId = idProperty(
    'API cross id: status.crossId, else spec.crossId, else uuid("<namespace>/<name>").',
  );
  const context = described(props.definition_context) ?? { type: 'object', additionalProperties: false };
  const contextProps = properties(context);
  for (const field of ['origin', 'mode']) contextProps[field] ??= { type: 'string' };
  contextProps.syncFrom = { type: 'string', enum: SYNC_FROM_VALUES };
  requireFields(context, 'syncFrom');
  props.definition_context = context;
  ensureProperty(body, 'consoleNotificationConfiguration', CONSOLE_NOTIFICATION);
  requireFields(body, 'id', 'crossId', 'definition_context');

  const plan = described((props.plans as JsonSchema | undefined)?.items);
  if (plan) {
    properties(plan).id = idProperty('Plan id: status.plans[crossId], else uuid(crossId + "/" + name).');
    properties(plan).crossId = idProperty('Plan cross id: spec, else uuid(apiId + "/" + name).');
    requireFields(plan, 'id', 'crossId');
  }
  const page = described((props.pages as JsonSchema | undefined)?.additionalProperties);
  if (page) {
    properties(page).id = idProperty('Page id: spec, else uuid(apiId + "/" + key).');
    properties(page).crossId = idProperty('Page cross id: spec, else uuid("<namespace>/<name>/" + key).');
    properties(page).api = idProperty('The API id.');
    ensureProperty(page, 'parentId', { type: 'string' });
    requireFields(page, 'id', 'crossId', 'api');
  }
  const resource = described((props.resources as JsonSchema | undefined)?.items);
  if (resource) delete properties(resource).ref;

  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: IMPORT_CRD_SCHEMA_ID,
    title: 'Management API v1 import-crd body (v2 API definition)',
    ...body,
    description:
      'Body GKO sends to PUT {management}/organizations/{org}/environments/{env}/apis/import-crd: the ' +
      'ApiDefinition spec without contextRef and local, with the ids and definition context GKO computes. ' +
      `Generated from the ApiDefinition contract by lib/codegen/import-crd-schema.ts; do not edit.`,
  };
}

/** Generates {@link IMPORT_CRD_SCHEMA_PATH} from `kinds.ApiDefinition.spec`. */
export function generateImportCrdSchema(): Artifacts {
  const schema = importCrdBodySchema(toStructuralSchema(kinds.ApiDefinition.spec));
  return new Map([[IMPORT_CRD_SCHEMA_PATH, formattedJson(schema)]]);
}
