import { SEALED_PLACEHOLDER } from '../events/sealed.ts';
import type { PlainValue } from '../sealing/envelope.ts';
import type { ReferenceProblem, ValueReference } from './templating/reference-problem.ts';
import { specLocation } from './templating/spec-location.ts';

/** A path inside a spec: object keys and array indexes. */
export type SpecPath = ReadonlyArray<string | number>;

/** A spec with its secret values taken out, ready to be sealed; plus what could not be resolved. */
export interface CollectedSecrets {
  /** The spec to forward: {@link SEALED_PLACEHOLDER} wherever a value was taken out. */
  spec: Record<string, unknown>;
  /** The values taken out, by JSON pointer into the function's resolution document. */
  values: PlainValue[];
  /** Secrets and ConfigMaps the spec depends on (found or not), so a change of them can be noticed. */
  references: Array<Omit<ValueReference, 'key'>>;
  /** Reported, not fatal: the change is still forwarded and the function decides. Never carries a value. */
  problems: ReferenceProblem[];
}

/** The value at `path`, or undefined when the path does not exist. */
export function valueAt(root: unknown, path: SpecPath): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[String(segment)];
  }
  return node;
}

/** Sets the value at `path`, creating objects on the way. */
function setAt(root: Record<string, unknown>, path: SpecPath, value: unknown): void {
  let node = root;
  for (const [i, segment] of path.entries()) {
    const key = String(segment);
    if (i === path.length - 1) {
      node[key] = value;
      return;
    }
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
}

/**
 * The spec of one object while its secrets are collected: a plaintext copy (memory only) that templating
 * rewrites and kind collectors read, the fields to seal, the referenced values, and the problems met.
 * {@link collected} turns it into what the change carries.
 */
export class SpecSecrets {
  /** The spec with templates rendered: plaintext, never forwarded as is. */
  readonly spec: Record<string, unknown>;
  readonly problems: ReferenceProblem[] = [];
  private readonly sealedFields = new Map<string, SpecPath>();
  private readonly referencedValues = new Map<string, string>();
  /** Fields holding a well-formed template whose references could not be read. */
  private readonly unresolved = new Set<string>();

  constructor(spec: Record<string, unknown> | undefined) {
    this.spec = structuredClone(spec ?? {});
  }

  /** Seals the string at `path`; with `value`, puts it there first (a value read from a reference). */
  sealField(path: SpecPath, value?: string): void {
    if (value !== undefined) setAt(this.spec, path, value);
    this.sealedFields.set(specLocation(path).pointer, [...path]);
  }

  /** Replaces a field in clear: template output that read nothing from the cluster. */
  replaceField(path: SpecPath, value: string): void {
    setAt(this.spec, path, value);
  }

  /** Seals a value that has no place in the spec, e.g. `/refs/secrets/<ns>/<name>/<key>`. */
  sealReferencedValue(pointer: string, value: string): void {
    this.referencedValues.set(pointer, value);
  }

  /**
   * Records a problem about the field at `path` (or about no field). The field keeps its text; a malformed
   * template is not marked unresolved, since text that merely looks like one may be a credential.
   */
  report(problem: ReferenceProblem, path?: SpecPath): void {
    this.problems.push(problem);
    if (path && problem.reason !== 'InvalidTemplate') this.unresolved.add(specLocation(path).pointer);
  }

  /** True when the field holds a well-formed template that could not be resolved: references, no value. */
  isUnresolved(path: SpecPath): boolean {
    return this.unresolved.has(specLocation(path).pointer);
  }

  /** What the change carries: the spec with placeholders, the values to seal, references and problems. */
  collected(references: CollectedSecrets['references']): CollectedSecrets {
    const spec = structuredClone(this.spec);
    const values: PlainValue[] = [];
    for (const [pointer, path] of this.sealedFields) {
      const value = valueAt(this.spec, path);
      if (typeof value !== 'string') continue;
      values.push({ pointer, value });
      setAt(spec, path, SEALED_PLACEHOLDER);
    }
    for (const [pointer, value] of this.referencedValues) values.push({ pointer, value });
    return { spec, values, references, problems: [...this.problems] };
  }
}
