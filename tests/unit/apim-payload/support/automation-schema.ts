import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { AUTOMATION_OPENAPI_FILE } from './shared-paths.ts';

/** `$id` under which the document's components are registered, so `#/components/schemas/X` resolves. */
const DOCUMENT_ID = 'https://gravitee.io/apim/4.12.17/automation/open-api.json';

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Gives OpenAPI's `discriminator` its meaning in plain JSON Schema: the tag property picks the one
 * `mapping` schema to validate against. Without this, `oneOf` alone rejects valid data as soon as two
 * alternatives accept it (an HTTP listener also satisfies the loosely typed subscription listener), and
 * Ajv's own `discriminator` support needs the tag declared inside each alternative, which this
 * document does through `allOf` instead.
 */
function applyDiscriminators(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(applyDiscriminators);
  if (!isNode(value)) return value;
  const node: Node = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, applyDiscriminators(v)]));
  const discriminator = node.discriminator as { propertyName?: string; mapping?: Record<string, string> };
  if (!Array.isArray(node.oneOf) || !discriminator?.propertyName || !discriminator.mapping) return node;
  const tag = discriminator.propertyName;
  const mapping = discriminator.mapping;
  const { oneOf: _alternatives, discriminator: _discriminator, ...rest } = node;
  return {
    ...rest,
    allOf: [
      ...(Array.isArray(rest.allOf) ? rest.allOf : []),
      { type: 'object', required: [tag], properties: { [tag]: { enum: Object.keys(mapping) } } },
      ...Object.entries(mapping).map(([value, ref]) => ({
        if: { properties: { [tag]: { const: value } }, required: [tag] },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, never awaited.
        then: { $ref: ref },
      })),
    ],
  };
}

let ajv: Ajv2020 | undefined;

function automationAjv(): Ajv2020 {
  if (!ajv) {
    const document = parse(readFileSync(AUTOMATION_OPENAPI_FILE, 'utf8')) as { components: unknown };
    // strict: false because OpenAPI adds keywords (example, readOnly, writeOnly…) JSON Schema lacks.
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: DOCUMENT_ID, components: applyDiscriminators(document.components) });
  }
  return ajv;
}

/**
 * Validator of a component schema of the Automation API document (OpenAPI 3.1, i.e. JSON Schema 2020-12).
 *
 * @example
 * const validate = automationSchema('ApiV4Spec');
 * validate({ hrid: 'default-api' }); // false: name, type, listeners… are required
 */
export function automationSchema(name: string): ValidateFunction {
  const validate = automationAjv().getSchema(`${DOCUMENT_ID}#/components/schemas/${name}`);
  if (!validate) throw new Error(`no schema ${name} in ${AUTOMATION_OPENAPI_FILE}`);
  return validate;
}
