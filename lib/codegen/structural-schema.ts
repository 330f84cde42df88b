/**
 * Turns a zod schema into a Kubernetes *structural* OpenAPI v3 schema, the only kind of schema
 * `apiextensions.k8s.io/v1` accepts:
 * - every node has a `type` (unless it preserves unknown fields),
 * - no `$ref`, no `additionalProperties` next to `properties`, no `additionalProperties: false`,
 * - free-form objects carry `x-kubernetes-preserve-unknown-fields: true`,
 * - unions only survive as opaque objects (Kubernetes cannot prune a `oneOf` of shapes).
 */
import { z } from 'zod';
import { PRESERVE_UNKNOWN_FIELDS } from '../crds/schema-helpers.ts';

/** A node of an OpenAPI v3 schema, as used by CustomResourceDefinitions. */
export interface JsonSchemaProps {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchemaProps>;
  additionalProperties?: JsonSchemaProps | boolean;
  items?: JsonSchemaProps;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  [keyword: string]: unknown;
}

/** Keywords of Kubernetes' JSONSchemaProps that may be copied through unchanged. */
const PASSTHROUGH_KEYWORDS = new Set([
  'type',
  'description',
  'title',
  'format',
  'default',
  'enum',
  'example',
  'nullable',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'required',
]);

/** Keywords zod emits that carry no meaning for a CRD. */
const DROPPED_KEYWORDS = new Set(['$schema', '$defs', 'definitions', 'id', '$id', 'propertyNames']);

/** Natural ranges of zod integers; bounds equal to them are noise zod adds, not constraints. */
const INT32_RANGE = [-2147483648, 2147483647] as const;
const SAFE_INTEGER_RANGE = [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] as const;

type RawSchema = Record<string, unknown>;

/**
 * Converts a zod schema to a structural OpenAPI v3 schema.
 *
 * The zod *input* shape is used: fields with a default are optional, as the API server applies
 * defaults before it validates. Throws when the schema cannot be expressed structurally, naming
 * the offending path, so a contract change that breaks the CRD fails at generation time.
 */
export function toStructuralSchema(schema: z.ZodType): JsonSchemaProps {
  const raw = z.toJSONSchema(schema, {
    io: 'input',
    target: 'openapi-3.0',
    unrepresentable: 'throw',
    cycles: 'throw',
    reused: 'inline',
  }) as RawSchema;
  const definitions = {
    ...(raw.$defs as RawSchema | undefined),
    ...(raw.definitions as RawSchema | undefined),
  };
  const structural = convert(raw, definitions, '');
  assertStructural(structural, '');
  return structural;
}

function convert(input: RawSchema, definitions: RawSchema, path: string): JsonSchemaProps {
  const node = inlineRef(input, definitions, path);
  const preserve = node[PRESERVE_UNKNOWN_FIELDS] === true;

  if (preserve && (Array.isArray(node.oneOf) || Array.isArray(node.anyOf))) {
    // A union of shapes (e.g. listener types) is validated by zod; the CRD can only keep it opaque.
    return withDescription({ type: 'object', [PRESERVE_UNKNOWN_FIELDS]: true }, node);
  }
  if (
    node.allOf !== undefined ||
    node.oneOf !== undefined ||
    node.anyOf !== undefined ||
    node.not !== undefined
  ) {
    throw new Error(`${path || '(root)'}: unions/intersections must be marked free-form to appear in a CRD`);
  }

  const out: JsonSchemaProps = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYWORDS.has(key)) continue;
    if (key === 'properties' || key === 'items' || key === 'additionalProperties') continue;
    if (key === 'const') out.enum = [value];
    else if (PASSTHROUGH_KEYWORDS.has(key) || key.startsWith('x-kubernetes-')) out[key] = value;
    else throw new Error(`${path || '(root)'}: keyword "${key}" has no CRD equivalent`);
  }

  if (node.properties !== undefined) {
    const properties = node.properties as Record<string, RawSchema>;
    out.properties = Object.fromEntries(
      Object.keys(properties)
        .sort()
        .map((name) => [name, convert(properties[name] as RawSchema, definitions, `${path}.${name}`)]),
    );
  }
  if (node.items !== undefined) {
    if (Array.isArray(node.items)) throw new Error(`${path || '(root)'}: tuples have no CRD equivalent`);
    out.items = convert(node.items as RawSchema, definitions, `${path}[]`);
  }
  applyAdditionalProperties(out, node, definitions, path, preserve);

  if (Array.isArray(out.required)) {
    if (out.required.length === 0) delete out.required;
    else out.required = [...out.required].sort();
  }
  stripImplicitIntegerBounds(out);
  if (typeof out.pattern === 'string') out.pattern = unescapeSlashes(out.pattern);
  if (out.format === 'date-time') {
    // zod pairs `format: date-time` with its own regex; Kubernetes validates the format itself.
    delete out.pattern;
  }
  return out;
}

/** Maps zod's `additionalProperties` onto the structural equivalent. */
function applyAdditionalProperties(
  out: JsonSchemaProps,
  node: RawSchema,
  definitions: RawSchema,
  path: string,
  preserve: boolean,
): void {
  const additional = node.additionalProperties;
  if (additional === undefined || additional === false) return; // false: closed objects are pruned anyway
  const anything = additional === true || Object.keys(additional as RawSchema).length === 0;
  if (preserve || anything) {
    // Records of unknown values and loose objects keep whatever the user wrote.
    out[PRESERVE_UNKNOWN_FIELDS] = true;
    return;
  }
  if (out.properties !== undefined) {
    throw new Error(`${path || '(root)'}: an object cannot have both properties and a map schema`);
  }
  out.additionalProperties = convert(additional as RawSchema, definitions, `${path}{}`);
}

function inlineRef(node: RawSchema, definitions: RawSchema, path: string): RawSchema {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const name = ref.replace(/^#\/(\$defs|definitions)\//, '');
  const target = definitions[name] as RawSchema | undefined;
  if (target === undefined) throw new Error(`${path || '(root)'}: unresolved reference ${ref}`);
  const { $ref: _ignored, ...siblings } = node;
  return { ...inlineRef(target, definitions, path), ...siblings };
}

function stripImplicitIntegerBounds(out: JsonSchemaProps): void {
  if (out.type !== 'integer') return;
  const [min, max] = out.format === 'int32' ? INT32_RANGE : SAFE_INTEGER_RANGE;
  if (out.minimum === min) delete out.minimum;
  if (out.maximum === max) delete out.maximum;
}

/**
 * JavaScript escapes `/` in `RegExp.prototype.source` because of the literal syntax; the escape
 * means nothing to the API server's regex engine, so it is removed to keep patterns readable.
 */
function unescapeSlashes(pattern: string): string {
  let out = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    const next = pattern[index + 1];
    if (char === '\\' && next !== undefined) {
      out += next === '/' ? '/' : `${char}${next}`;
      index++;
    } else {
      out += char;
    }
  }
  return out;
}

function withDescription(out: JsonSchemaProps, node: RawSchema): JsonSchemaProps {
  if (typeof node.description === 'string') out.description = node.description;
  return out;
}

/**
 * Checks the rules of structural schemas that the conversion relies on, so a regression is caught
 * by the generator rather than by the API server at install time.
 */
export function assertStructural(node: JsonSchemaProps, path: string): void {
  const where = path || '(root)';
  if (node.type === undefined && node[PRESERVE_UNKNOWN_FIELDS] !== true) {
    throw new Error(`${where}: structural schemas need a type on every node`);
  }
  if (node.$ref !== undefined) throw new Error(`${where}: $ref is not allowed`);
  if (node.properties !== undefined && node.additionalProperties !== undefined) {
    throw new Error(`${where}: properties and additionalProperties are mutually exclusive`);
  }
  if (node.additionalProperties === false || node.additionalProperties === true) {
    throw new Error(`${where}: additionalProperties must be a schema`);
  }
  for (const [name, child] of Object.entries(node.properties ?? {}))
    assertStructural(child, `${path}.${name}`);
  if (node.items !== undefined) assertStructural(node.items, `${path}[]`);
  if (typeof node.additionalProperties === 'object') assertStructural(node.additionalProperties, `${path}{}`);
}
