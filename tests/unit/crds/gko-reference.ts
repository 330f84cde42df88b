/**
 * Access to GKO's reference data (CRD manifests and examples) in the shared folder next to the
 * repository. Read in place, never copied, so the tests follow whatever version is shared.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import type { JsonSchemaProps } from '../../../lib/codegen/structural-schema.ts';

/** Root of the shared GKO reference data. */
export const gkoRoot = fileURLToPath(new URL('../../../../shared/gko/', import.meta.url));

/** Root of GKO's example manifests. */
export const examplesRoot = join(gkoRoot, 'examples');

/** The `openAPIV3Schema` of GKO's CRD for a plural resource name. */
export function gkoOpenApiSchema(plural: string): JsonSchemaProps {
  const crd = parse(readFileSync(join(gkoRoot, 'crds', 'gravitee.io', `gravitee.io_${plural}.yaml`), 'utf8'));
  return crd.spec.versions[0].schema.openAPIV3Schema as JsonSchemaProps;
}

/** GKO's CRD manifest for a plural resource name, as parsed YAML. */
export function gkoCrd(plural: string): Record<string, unknown> {
  return parse(readFileSync(join(gkoRoot, 'crds', 'gravitee.io', `gravitee.io_${plural}.yaml`), 'utf8'));
}

/** One YAML document of an example file. */
export interface ExampleDocument {
  /** Path relative to the examples root. */
  file: string;
  /** Position of the document in its file (multi-document YAML). */
  index: number;
  document: Record<string, unknown>;
}

/** Every example file, recursively, in a stable order. */
export function exampleFiles(): string[] {
  const files: string[] = [];
  const walk = (directory: string): void => {
    for (const name of readdirSync(directory).sort()) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name)) files.push(path);
    }
  };
  walk(examplesRoot);
  return files;
}

/** Every example document whose `kind` is one of `kinds`. */
export function exampleDocuments(kinds: readonly string[]): ExampleDocument[] {
  const documents: ExampleDocument[] = [];
  for (const path of exampleFiles()) {
    parseAllDocuments(readFileSync(path, 'utf8')).forEach((parsed, index) => {
      const document = parsed.toJS() as Record<string, unknown> | null;
      if (document !== null && typeof document === 'object' && kinds.includes(String(document.kind))) {
        documents.push({ file: relative(examplesRoot, path), index, document });
      }
    });
  }
  return documents;
}
