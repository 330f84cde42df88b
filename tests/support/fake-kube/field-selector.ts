import type { KubeObject } from './kube-object.ts';
import type { ResourceDefinition } from './resource-definition.ts';

/** Thrown for a `fieldSelector` the real server would reject with 400. */
export class FieldSelectorError extends Error {
  override readonly name = 'FieldSelectorError';
}

interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

/** A parsed, validated field selector; `matches` applies it to an object. */
export interface FieldSelector {
  readonly requirements: readonly FieldRequirement[];
  matches(object: KubeObject): boolean;
}

/** Splits on unescaped commas and un-escapes `\,`, `\=` and `\\`, like fields.ParseSelector. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let current = '';
  for (let i = 0; i < selector.length; i++) {
    const char = selector[i];
    if (char === '\\' && i + 1 < selector.length) {
      current += `\\${selector[++i]}`;
    } else if (char === ',') {
      terms.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  terms.push(current);
  return terms.filter((t) => t !== '');
}

function unescapeSelector(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

function parseTerm(term: string): FieldRequirement {
  const make = (field: string, op: '=' | '!=', value: string) => ({
    field: unescapeSelector(field).trim(),
    op,
    value: unescapeSelector(value),
  });
  for (let i = 0; i < term.length; i++) {
    const char = term[i];
    if (char === '\\') {
      i++;
    } else if (char === '!' && term[i + 1] === '=') {
      return make(term.slice(0, i), '!=', term.slice(i + 2));
    } else if (char === '=') {
      return make(term.slice(0, i), '=', term.slice(i + (term[i + 1] === '=' ? 2 : 1)));
    }
  }
  throw new FieldSelectorError(`invalid selector: '${term}'; can't understand '${term}'`);
}

function readPath(object: KubeObject, path: string): string {
  let current: unknown = object;
  for (const part of path.split('.')) {
    current =
      typeof current === 'object' && current !== null
        ? (current as Record<string, unknown>)[part]
        : undefined;
  }
  return current === undefined || current === null ? '' : String(current);
}

/** Field → path of every field this resource can be selected on. */
function selectableFields(definition: ResourceDefinition): Record<string, string> {
  return {
    'metadata.name': 'metadata.name',
    ...(definition.namespaced ? { 'metadata.namespace': 'metadata.namespace' } : {}),
    ...definition.selectableFields,
  };
}

/**
 * Parses a field selector (`metadata.name=foo,metadata.namespace!=bar`) and checks each field is
 * selectable on `definition`.
 *
 * @throws FieldSelectorError with the real server's message (`field label not supported: spec.x`)
 */
export function parseFieldSelector(
  selector: string | null | undefined,
  definition: ResourceDefinition,
): FieldSelector {
  const fields = selectableFields(definition);
  const requirements = splitTerms(selector ?? '').map(parseTerm);
  for (const r of requirements) {
    if (!Object.hasOwn(fields, r.field))
      throw new FieldSelectorError(`field label not supported: ${r.field}`);
  }
  return {
    requirements,
    matches: (object) =>
      requirements.every(
        (r) => (readPath(object, fields[r.field] ?? r.field) === r.value) === (r.op === '='),
      ),
  };
}
