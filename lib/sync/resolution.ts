import type { ChangeData } from '../events/change-event.ts';
import { encryptionContextOf } from '../sealing/encryption-context.ts';
import type { EnvelopeSealer } from '../sealing/envelope.ts';

/** A resource's spec with secret values restored, and the values of Secrets it references. Memory only. */
export interface ResolvedDocument {
  spec: Record<string, unknown>;
  refs: { secrets: Record<string, Record<string, Record<string, string>>> };
}

function decodePointer(pointer: string): string[] {
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Escapes one JSON pointer segment. */
export function pointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function setAt(root: Record<string, unknown>, path: string[], value: string): void {
  let node = root;
  for (const [i, part] of path.entries()) {
    if (i === path.length - 1) {
      node[part] = value;
      return;
    }
    const next = node[part];
    if (next === null || typeof next !== 'object') node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
}

/**
 * Unseals the secret values of a change and puts them where they belong: inline values back into the
 * spec, referenced Secret values under `refs.secrets[namespace][name][key]`.
 */
export async function resolveDocument(data: ChangeData, sealer: EnvelopeSealer): Promise<ResolvedDocument> {
  const doc: ResolvedDocument = { spec: structuredClone(data.spec), refs: { secrets: {} } };
  if (!data.sealed) return doc;
  const values = await sealer.unseal(data.sealed, encryptionContextOf(data));
  for (const { pointer, value } of values) {
    const path = decodePointer(pointer);
    setAt(doc as unknown as Record<string, unknown>, path, value);
  }
  return doc;
}
