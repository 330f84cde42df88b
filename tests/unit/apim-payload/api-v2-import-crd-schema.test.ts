import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { formattedJson } from '../../../lib/codegen/formatted-json.ts';
import { repoRoot } from '../../../lib/codegen/generate.ts';
import {
  crdToJsonSchema,
  generateImportCrdSchema,
  IMPORT_CRD_SCHEMA_PATH,
  importCrdBodySchema,
  type JsonSchema,
} from '../../../lib/codegen/import-crd-schema.ts';
import { toStructuralSchema } from '../../../lib/codegen/structural-schema.ts';
import { kinds } from '../../../lib/crds/kinds.ts';
import { gkoApiV2SpecSchema } from './support/api-v2-corpus.ts';

type Node = Record<string, unknown> & { properties?: Record<string, Node>; required?: string[] };

/** `node.properties[name]`, failing the test when the schema does not describe it. */
function property(node: Node, name: string): Node {
  const child = node.properties?.[name];
  assert.ok(child, `no property ${name}`);
  return child;
}

describe('The import-crd body schema is derived from the ApiDefinition contract', () => {
  it('the file written by npm run generate is the one derived from the current contract', () => {
    // Prepare
    const [[path, content]] = [...generateImportCrdSchema()] as [[string, string]];

    // Act
    const onDisk = readFileSync(`${repoRoot}${path}`, 'utf8');

    // Assess
    assert.equal(path, IMPORT_CRD_SCHEMA_PATH);
    assert.equal(onDisk, content, 'run `npm run generate`');
  });

  it('every spec field of the contract is in the body, except contextRef and local', () => {
    // Prepare
    const spec = toStructuralSchema(kinds.ApiDefinition.spec);

    // Act
    const body = importCrdBodySchema(spec) as Node;

    // Assess
    const specFields = Object.keys(spec.properties ?? {}).filter(
      (name) => !['contextRef', 'local'].includes(name),
    );
    assert.ok(specFields.length > 20, 'the ApiDefinition contract describes its fields');
    const expected = new Set([...specFields, 'consoleNotificationConfiguration', 'crossId', 'id']);
    assert.deepEqual(Object.keys(body.properties ?? {}).sort(), [...expected].sort());
  });

  it('what GKO computes is required: ids of the API, its plans and pages, and the definition context', () => {
    // Act
    const body = importCrdBodySchema(toStructuralSchema(kinds.ApiDefinition.spec)) as Node;

    // Assess
    const plan = property(body, 'plans').items as Node;
    const page = property(body, 'pages').additionalProperties as Node;
    assert.ok(['id', 'crossId', 'definition_context'].every((name) => body.required?.includes(name)));
    assert.deepEqual(
      plan.required?.filter((name) => ['id', 'crossId'].includes(name)),
      ['crossId', 'id'],
    );
    assert.deepEqual(
      page.required?.filter((name) => ['id', 'crossId', 'api'].includes(name)),
      ['api', 'crossId', 'id'],
    );
    assert.deepEqual(property(body, 'definition_context').required, ['syncFrom']);
    assert.equal((property(body, 'resources').items as Node).properties?.ref, undefined);
  });

  it("GKO's CRD and the project contract give bodies with the same fields", () => {
    // Act
    const fromGko = importCrdBodySchema(gkoApiV2SpecSchema()) as Node;
    const fromProject = importCrdBodySchema(toStructuralSchema(kinds.ApiDefinition.spec)) as Node;

    // Assess
    assert.deepEqual(
      Object.keys(fromProject.properties ?? {}).sort(),
      Object.keys(fromGko.properties ?? {}).sort(),
    );
    assert.deepEqual(fromProject.required, fromGko.required);
  });

  it('a scaffold contract that keeps unknown fields still requires what GKO adds', () => {
    // Act
    const body = importCrdBodySchema({
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    }) as Node;

    // Assess
    assert.equal(body.additionalProperties, undefined);
    assert.deepEqual(body.required, ['crossId', 'definition_context', 'id']);
    assert.ok(body.properties?.consoleNotificationConfiguration);
  });
});

describe('CRD schema nodes become JSON Schema 2020-12', () => {
  it('objects are closed unless they preserve unknown fields, defaults are dropped', () => {
    // Act
    const schema = crdToJsonSchema({
      type: 'object',
      properties: {
        name: { type: 'string', default: 'x' },
        configuration: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        headers: { type: 'object', additionalProperties: { type: 'string' } },
      },
    });

    // Assess
    assert.deepEqual(schema, {
      type: 'object',
      properties: {
        name: { type: 'string' },
        configuration: { type: 'object' },
        headers: { type: 'object', additionalProperties: { type: 'string' } },
      },
      additionalProperties: false,
    } satisfies JsonSchema);
  });

  it('nullable, int-or-string and OpenAPI 3.0 exclusive bounds are translated', () => {
    // Act
    const schema = crdToJsonSchema({
      type: 'object',
      properties: {
        mode: { type: 'string', enum: ['A'], nullable: true },
        port: { 'x-kubernetes-int-or-string': true },
        ratio: { type: 'number', minimum: 0, exclusiveMinimum: true },
      },
    });

    // Assess
    assert.deepEqual(schema.properties, {
      mode: { type: ['string', 'null'], enum: ['A', null] },
      port: { anyOf: [{ type: 'integer' }, { type: 'string' }] },
      ratio: { type: 'number', exclusiveMinimum: 0 },
    });
  });
});

describe('The generated schema file is laid out as the project formatter lays it out', () => {
  it('lists of scalars that fit stay on one line, objects and long lists are expanded', () => {
    // Prepare
    const long = Array.from({ length: 12 }, (_, index) => `value-number-${index}`);

    // Act
    const text = formattedJson({ required: ['id', 'name'], nested: { enum: long, empty: [], none: {} } });

    // Assess
    assert.equal(
      text,
      [
        '{',
        '  "required": ["id", "name"],',
        '  "nested": {',
        '    "enum": [',
        ...long.map((value, index) => `      "${value}"${index < long.length - 1 ? ',' : ''}`),
        '    ],',
        '    "empty": [],',
        '    "none": {}',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('Biome leaves the generated file as it is', () => {
    // Prepare
    const [[path, content]] = [...generateImportCrdSchema()] as [[string, string]];

    // Act
    const formatted = execFileSync(
      `${repoRoot}node_modules/.bin/biome`,
      ['format', `--stdin-file-path=${path}`],
      {
        cwd: repoRoot,
        input: content,
        encoding: 'utf8',
      },
    );

    // Assess
    assert.equal(formatted, content);
  });
});
