import { loadOpenApiDocument } from './load-document.ts';
import { OperationIndex } from './operation-index.ts';
import type { LoadedDocument } from './operation-spec.ts';
import { SchemaValidator } from './schema-validator.ts';
import { type ApimVersion, specDocumentLocations } from './spec-location.ts';

/** The route table and schema validator for one APIM release. */
export interface SpecBundle {
  readonly version: ApimVersion;
  readonly operations: OperationIndex;
  readonly schemas: SchemaValidator;
}

// Compiling ApiV4Spec takes a few hundred milliseconds; simulators of one process share the compiled validators.
const bundles = new Map<string, SpecBundle>();

/** Loads (once per process) the documents of `version` found under `specRoot`. */
export function loadSpecBundle(version: ApimVersion, specRoot: string): SpecBundle {
  const cacheKey = `${specRoot}\u0000${version}`;
  const cached = bundles.get(cacheKey);
  if (cached) {
    return cached;
  }
  const documents: LoadedDocument[] = specDocumentLocations(version, specRoot).map((location) => ({
    key: location.key,
    // Ajv needs a resolvable absolute URI per document; the host is never contacted.
    schemaId: `https://apim-simulator.invalid/${version}/${location.key}.json`,
    document: loadOpenApiDocument(location.file),
    ...(location.bases ? { bases: location.bases } : {}),
  }));
  const bundle: SpecBundle = {
    version,
    operations: new OperationIndex(documents),
    schemas: new SchemaValidator(documents),
  };
  bundles.set(cacheKey, bundle);
  return bundle;
}
