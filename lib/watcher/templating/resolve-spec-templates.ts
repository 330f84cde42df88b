import type { SpecPath, SpecSecrets } from '../spec-secrets.ts';
import { invalidTemplateProblem, referenceProblem, type ValueReference } from './reference-problem.ts';
import type { ReferenceLookup } from './reference-reader.ts';
import { specLocation } from './spec-location.ts';
import {
  containsTemplate,
  parseTemplate,
  type TemplatePart,
  TemplateSyntaxError,
} from './template-parser.ts';

/** Every string of the spec that Go would parse as a template, with its path. */
function templatedStrings(node: unknown, path: Array<string | number> = []): Array<[SpecPath, string]> {
  if (typeof node === 'string') return containsTemplate(node) ? [[path, node]] : [];
  if (Array.isArray(node)) return node.flatMap((item, i) => templatedStrings(item, [...path, i]));
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([key, value]) => templatedStrings(value, [...path, key]));
  return [];
}

/**
 * Resolves GKO templates (`[[ secret "name/key" ]]`, `[[ configmap "name/key" ]]`) in every string of
 * `doc.spec`, reading the Secrets and ConfigMaps of the object's own namespace, as GKO does.
 *
 * - A string whose template reads the cluster gets its rendered text sealed at its own pointer, whether
 *   the template is the whole string or embedded in text (`Bearer [[ secret "api/token" ]]`).
 * - A template that reads nothing (a comment, a literal) is rendered in clear.
 * - A string that cannot be resolved keeps its template text (it names references, holds no value) and a
 *   problem is reported per failing reference; GKO counts an empty value as a missing key.
 */
export async function resolveSpecTemplates(
  doc: SpecSecrets,
  namespace: string,
  lookup: ReferenceLookup,
): Promise<void> {
  for (const [path, text] of templatedStrings(doc.spec)) {
    const at = specLocation(path);
    let parts: TemplatePart[];
    try {
      parts = parseTemplate(text);
    } catch (error) {
      if (!(error instanceof TemplateSyntaxError)) throw error;
      doc.report(invalidTemplateProblem(at, error.message), path);
      continue;
    }
    let rendered = '';
    let readsCluster = false;
    let resolved = true;
    for (const part of parts) {
      if (part.type === 'text') {
        rendered += part.text;
        continue;
      }
      readsCluster = true;
      const reference: ValueReference = {
        kind: part.source === 'secret' ? 'Secret' : 'ConfigMap',
        namespace,
        name: part.name,
        key: part.key,
      };
      const result = await lookup.read(reference);
      const value = result.status === 'found' ? result.data[part.key] : undefined;
      if (value) {
        rendered += value;
        continue;
      }
      resolved = false;
      const reason =
        result.status === 'found' ? 'KeyNotFound' : result.status === 'not-found' ? 'NotFound' : 'Unreadable';
      doc.report(referenceProblem(at, reason, reference), path);
    }
    if (!resolved) continue;
    if (readsCluster) doc.sealField(path, rendered);
    else doc.replaceField(path, rendered);
  }
}
