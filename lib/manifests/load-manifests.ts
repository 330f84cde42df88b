import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** One YAML document of a manifest file. */
export interface ManifestDocument {
  file: string;
  /** 0-based position of the document in its file. */
  index: number;
  doc: Record<string, unknown>;
}

export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

/** `*.yaml` / `*.yml` files under the given files or directories, sorted, recursively. */
export function manifestFiles(paths: string[]): string[] {
  const files: string[] = [];
  const walk = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) throw new ManifestError(`${path}: no such file or directory`);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        if (name.startsWith('.')) continue;
        const child = join(path, name);
        if (statSync(child).isDirectory() || /\.ya?ml$/.test(name)) walk(child);
      }
    } else files.push(path);
  };
  for (const path of paths) walk(path);
  return files;
}

/** Parses every document of the manifest files; a YAML syntax error names the file and line. */
export function loadManifests(paths: string[], cwd = process.cwd()): ManifestDocument[] {
  const out: ManifestDocument[] = [];
  for (const file of manifestFiles(paths)) {
    const shown = relative(cwd, file) || file;
    const docs = parseAllDocuments(readFileSync(file, 'utf8'));
    for (const [index, parsed] of docs.entries()) {
      if (parsed.errors.length > 0) {
        const e = parsed.errors[0];
        throw new ManifestError(`${shown}: document ${index + 1}: ${e?.message ?? 'invalid YAML'}`);
      }
      const doc = parsed.toJS() as unknown;
      if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
        out.push({ file: shown, index, doc: doc as Record<string, unknown> });
      }
    }
  }
  return out;
}

export const isGravitee = (doc: Record<string, unknown>) => doc.apiVersion === 'gravitee.io/v1alpha1';

/** `Kind namespace/name` of a document, for messages. */
export function describeDocument(doc: Record<string, unknown>, defaultNamespace = 'default'): string {
  const meta = (doc.metadata ?? {}) as { name?: string; namespace?: string };
  return `${String(doc.kind)} ${meta.namespace ?? defaultNamespace}/${meta.name ?? '(unnamed)'}`;
}
