import type { ValueReference } from './reference-problem.ts';

/** Reads a Secret's decoded data; undefined when it does not exist; rejects when it cannot be read. */
export type SecretReader = (namespace: string, name: string) => Promise<Record<string, string> | undefined>;

/** Reads a ConfigMap's `data`; undefined when it does not exist; rejects when it cannot be read. */
export type ConfigMapReader = (
  namespace: string,
  name: string,
) => Promise<Record<string, string> | undefined>;

/** How the collectors reach Secrets and ConfigMaps. Without `readConfigMap`, ConfigMaps are unreadable. */
export interface ReferenceReaders {
  readSecret: SecretReader;
  readConfigMap?: ConfigMapReader;
}

/** What reading one Secret or ConfigMap gave. */
export type ReadResult =
  | { status: 'found'; data: Record<string, string> }
  | { status: 'not-found' }
  | { status: 'unreadable' };

type ObjectReference = Omit<ValueReference, 'key'>;

/**
 * Reads each referenced Secret or ConfigMap at most once while one change is built, so a spec that uses
 * the same Secret in ten templates costs one API call and sees one consistent version of it. Remembers
 * what was read, so the caller can list the objects a resource depends on.
 */
export class ReferenceLookup {
  private readonly readers: ReferenceReaders;
  private readonly results = new Map<string, Promise<ReadResult>>();
  private readonly seen = new Map<string, ObjectReference>();

  constructor(readers: ReferenceReaders) {
    this.readers = readers;
  }

  /** The object's data, or why there is none. Never rejects. */
  read(reference: ObjectReference): Promise<ReadResult> {
    const id = `${reference.kind}/${reference.namespace}/${reference.name}`;
    let result = this.results.get(id);
    if (!result) {
      this.seen.set(id, { kind: reference.kind, namespace: reference.namespace, name: reference.name });
      result = this.load(reference);
      this.results.set(id, result);
    }
    return result;
  }

  /** Every Secret and ConfigMap looked up so far, found or not. */
  references(): ObjectReference[] {
    return [...this.seen.values()];
  }

  private async load({ kind, namespace, name }: ObjectReference): Promise<ReadResult> {
    const reader = kind === 'Secret' ? this.readers.readSecret : this.readers.readConfigMap;
    if (!reader) return { status: 'unreadable' };
    try {
      const data = await reader(namespace, name);
      return data ? { status: 'found', data } : { status: 'not-found' };
    } catch {
      // The reader's owner logs the error; the problem reported names the object only.
      return { status: 'unreadable' };
    }
  }
}
