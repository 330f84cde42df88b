import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import type { ApiV2ResolvedReferences } from '../../../../lib/apim/payload/api-v2-references.ts';
import type {
  ApiV2DefinitionResource,
  ApiV2DefinitionSpec,
} from '../../../../lib/apim/payload/api-v2-resource.ts';
import { repoRoot } from '../../../../lib/codegen/generate.ts';
import { IMPORT_CRD_SCHEMA_PATH, importCrdBodySchema } from '../../../../lib/codegen/import-crd-schema.ts';
import type { JsonSchemaProps } from '../../../../lib/codegen/structural-schema.ts';
import { applyStructuralDefaults } from './crd-defaults.ts';
import { type ExampleManifest, gkoExamplesOfKind } from './gko-examples.ts';
import { SHARED_DIR } from './shared-paths.ts';

/** GKO's `ApiDefinition` CRD (v2 APIs). */
export const API_V2_CRD_FILE = `${SHARED_DIR}gko/crds/gravitee.io/gravitee.io_apidefinitions.yaml`;

/** Namespace the examples are applied in (they name none). */
export const EXAMPLE_NAMESPACE = 'default';

let gkoSpecSchema: JsonSchemaProps | undefined;

/** Schema of `spec` in GKO's `ApiDefinition` CRD (its only version, `v1alpha1`). */
export function gkoApiV2SpecSchema(): JsonSchemaProps {
  if (!gkoSpecSchema) {
    const crd = parse(readFileSync(API_V2_CRD_FILE, 'utf8')) as {
      spec: { versions: Array<{ name: string; schema: { openAPIV3Schema: JsonSchemaProps } }> };
    };
    const version = crd.spec.versions.find((v) => v.name === 'v1alpha1');
    gkoSpecSchema = version?.schema.openAPIV3Schema.properties?.spec;
    if (!gkoSpecSchema) throw new Error(`no v1alpha1 spec schema in ${API_V2_CRD_FILE}`);
  }
  return gkoSpecSchema;
}

/** A UID derived from the example, stable from run to run (the API server would pick a random one). */
export function exampleUid(name: string): string {
  const hex = Buffer.from(name.padEnd(16, '-').slice(0, 16), 'utf8').toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The example as the API server would store it in namespace `default` (GKO's CRD defaults applied). */
export function storedApiV2Resource(example: ExampleManifest): ApiV2DefinitionResource {
  const name = String(example.manifest.metadata?.name);
  const spec = structuredClone(example.manifest.spec) as ApiV2DefinitionSpec;
  applyStructuralDefaults(spec, gkoApiV2SpecSchema());
  return { metadata: { name, namespace: EXAMPLE_NAMESPACE, uid: exampleUid(name) }, spec };
}

function compile(schema: Record<string, unknown>): ValidateFunction {
  // Strict mode: the generated schema must be clean JSON Schema 2020-12, not OpenAPI with extras.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

let projectValidator: ValidateFunction | undefined;
let gkoValidator: ValidateFunction | undefined;

/** Validator of the body schema the project generated from its own contract (`infra/apim/…`). */
export function projectImportCrdValidator(): ValidateFunction {
  projectValidator ??= compile(JSON.parse(readFileSync(`${repoRoot}${IMPORT_CRD_SCHEMA_PATH}`, 'utf8')));
  return projectValidator;
}

/** Validator of the body schema derived the same way from GKO's own CRD, the compatibility reference. */
export function gkoImportCrdValidator(): ValidateFunction {
  gkoValidator ??= compile(importCrdBodySchema(gkoApiV2SpecSchema()));
  return gkoValidator;
}

/** One line per error: `<instance path> <message>`. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((error) => {
      const extra =
        error.keyword === 'additionalProperties' ? ` '${String(error.params.additionalProperty)}'` : '';
      return `${error.instancePath || '/'} ${error.message}${extra}`;
    })
    .join('; ');
}

/**
 * The references of the examples resolved from the examples themselves, as the registry would: every
 * ApiResource's spec by `default/<name>`, every Group's name, and the first api/console Notification of
 * each example's `notificationsRefs`, its `console.groupRefs` resolved to group names.
 */
export function resolvedFromExamples(spec: ApiV2DefinitionSpec): ApiV2ResolvedReferences {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const apiResource of gkoExamplesOfKind('ApiResource')) {
    resources[`${EXAMPLE_NAMESPACE}/${String(apiResource.manifest.metadata?.name)}`] = apiResource.manifest
      .spec as Record<string, unknown>;
  }
  const groupNames = new Map(
    gkoExamplesOfKind('Group').map((group) => [
      String(group.manifest.metadata?.name),
      String((group.manifest.spec as { name?: string }).name),
    ]),
  );
  const notifications = new Map(
    gkoExamplesOfKind('Notification').map((notification) => [
      String(notification.manifest.metadata?.name),
      notification.manifest.spec as {
        target?: string;
        eventType?: string;
        console?: { apiEvents?: string[]; groups?: string[]; groupRefs?: Array<{ name: string }> };
      },
    ]),
  );
  const resolved: ApiV2ResolvedReferences = { resources };
  const groups = (spec.groupRefs ?? []).flatMap((ref) => groupNames.get(ref.name) ?? []);
  if (groups.length > 0) resolved.groups = groups;
  for (const ref of spec.notificationsRefs ?? []) {
    const notification = notifications.get(ref.name);
    if (notification?.target !== 'console' || notification.eventType !== 'api') continue;
    const settings = notification.console ?? {};
    resolved.consoleNotification = {
      events: settings.apiEvents ?? [],
      groups: [
        ...(settings.groups ?? []),
        ...(settings.groupRefs ?? []).flatMap((groupRef) => groupNames.get(groupRef.name) ?? []),
      ],
    };
    break;
  }
  return resolved;
}
