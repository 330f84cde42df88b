import { managementV1Document } from '../handlers/management-v1/management-v1-document.ts';
import { isJsonObject, type JsonObject } from '../json.ts';
import { loadOpenApiDocument } from './load-document.ts';
import { OperationIndex } from './operation-index.ts';
import type { LoadedDocument } from './operation-spec.ts';
import { SchemaValidator } from './schema-validator.ts';
import { type ApimVersion, type DocumentKey, specDocumentLocations } from './spec-location.ts';

/** The route table and schema validator for one APIM release. */
export interface SpecBundle {
  readonly version: ApimVersion;
  readonly operations: OperationIndex;
  readonly schemas: SchemaValidator;
}

/**
 * Paths and schemas APIM serves that a release's document does not describe, merged into a copy of that
 * document so their traffic is validated too. An extension is outside the published spec: its contract
 * comes from APIM's sources, and it says so where it is defined.
 */
export interface SpecExtension {
  readonly document: DocumentKey;
  /** The extension only applies to documents describing this path (releases that have what it builds on). */
  readonly requiresPath: string;
  readonly paths: JsonObject;
  readonly schemas: JsonObject;
}

// Compiling ApiV4Spec takes a few hundred milliseconds; simulators of one process share the compiled validators.
const bundles = new Map<string, SpecBundle>();

/** Loads (once per process) the documents of `version` found under `specRoot`, with `extensions` merged in. */
export function loadSpecBundle(
  version: ApimVersion,
  specRoot: string,
  extensions: readonly SpecExtension[] = [],
): SpecBundle {
  const extended = extensions.flatMap((extension) => Object.keys(extension.paths)).join('\u0000');
  const cacheKey = `${specRoot}\u0000${version}\u0000${extended}`;
  const cached = bundles.get(cacheKey);
  if (cached) {
    return cached;
  }
  const documents: LoadedDocument[] = specDocumentLocations(version, specRoot).map((location) => ({
    key: location.key,
    // Ajv needs a resolvable absolute URI per document; the host is never contacted.
    schemaId: `https://apim-simulator.invalid/${version}/${location.key}.json`,
    document: withExtensions(
      loadOpenApiDocument(location.file),
      extensions.filter((extension) => extension.document === location.key),
    ),
    ...(location.bases ? { bases: location.bases } : {}),
  }));
  // The Management API v1 publishes no document; the simulator's own describes what GKO uses of it.
  documents.push(managementV1Document(`https://apim-simulator.invalid/${version}/management-v1.json`));
  const bundle: SpecBundle = {
    version,
    operations: new OperationIndex(documents),
    schemas: new SchemaValidator(documents),
  };
  bundles.set(cacheKey, bundle);
  return bundle;
}

/** A copy of `document` with the extensions that apply to it; the cached original is left untouched. */
function withExtensions(document: JsonObject, extensions: readonly SpecExtension[]): JsonObject {
  const paths = isJsonObject(document.paths) ? document.paths : {};
  const applicable = extensions.filter((extension) => paths[extension.requiresPath] !== undefined);
  if (applicable.length === 0) {
    return document;
  }
  const components = isJsonObject(document.components) ? document.components : {};
  const schemas = isJsonObject(components.schemas) ? components.schemas : {};
  return {
    ...document,
    paths: Object.assign({}, paths, ...applicable.map((extension) => extension.paths)),
    components: {
      ...components,
      schemas: Object.assign({}, schemas, ...applicable.map((extension) => extension.schemas)),
    },
  };
}
