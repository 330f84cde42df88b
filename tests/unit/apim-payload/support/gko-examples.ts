import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { GKO_EXAMPLES_DIR } from './shared-paths.ts';

/** One manifest found in GKO's examples. */
export interface ExampleManifest {
  /** Path relative to the examples folder, e.g. `apim/api_definition/v4/api-v4.yml`. */
  file: string;
  /** Position of the document in a multi-document file. */
  index: number;
  manifest: { kind?: unknown; metadata?: { name?: string; namespace?: string }; spec?: unknown };
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Every document of the given kind in GKO's examples (recursive; multi-document files included),
 * sorted by file so test names are stable.
 */
export function gkoExamplesOfKind(kind: string): ExampleManifest[] {
  return yamlFiles(GKO_EXAMPLES_DIR)
    .sort()
    .flatMap((path) =>
      parseAllDocuments(readFileSync(path, 'utf8')).map((document, index) => ({
        file: relative(GKO_EXAMPLES_DIR, path),
        index,
        manifest: (document.toJS() ?? {}) as ExampleManifest['manifest'],
      })),
    )
    .filter((example) => example.manifest.kind === kind);
}
