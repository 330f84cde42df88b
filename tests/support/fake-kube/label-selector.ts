/** Thrown for a `labelSelector` the real server would reject with 400. */
export class LabelSelectorError extends Error {
  override readonly name = 'LabelSelectorError';
}

type Requirement =
  | { key: string; op: 'exists' | 'doesNotExist' }
  | { key: string; op: 'in' | 'notin'; values: readonly string[] }
  | { key: string; op: 'gt' | 'lt'; bound: number };

/** A parsed label selector; `matches` applies it to an object's labels. */
export interface LabelSelector {
  readonly requirements: readonly Requirement[];
  matches(labels: Readonly<Record<string, string>> | undefined): boolean;
}

const KEY = '[A-Za-z0-9](?:[-A-Za-z0-9_./]*[A-Za-z0-9])?';
const VALUE = '(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?';
const EXISTS = new RegExp(`^(${KEY})$`);
const NOT_EXISTS = new RegExp(`^!\\s*(${KEY})$`);
const EQUALITY = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*(${VALUE})$`);
const SET = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^)]*)\\)$`);
const ORDER = new RegExp(`^(${KEY})\\s*(>|<)\\s*(-?\\d+)$`);
const VALUE_ONLY = new RegExp(`^${VALUE}$`);

/** Splits on commas that are not inside `( … )`, as the set-based syntax requires. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function parseRequirement(text: string): Requirement {
  let m = NOT_EXISTS.exec(text);
  if (m?.[1]) return { key: m[1], op: 'doesNotExist' };
  m = EXISTS.exec(text);
  if (m?.[1]) return { key: m[1], op: 'exists' };
  m = EQUALITY.exec(text);
  if (m?.[1] && m[2]) return { key: m[1], op: m[2] === '!=' ? 'notin' : 'in', values: [m[3] ?? ''] };
  m = SET.exec(text);
  if (m?.[1] && m[2]) {
    const values = (m[3] ?? '').split(',').map((v) => v.trim());
    if (!values.every((v) => VALUE_ONLY.test(v)))
      throw new LabelSelectorError(`unable to parse requirement: ${text}`);
    return { key: m[1], op: m[2] === 'in' ? 'in' : 'notin', values };
  }
  m = ORDER.exec(text);
  if (m?.[1] && m[2]) return { key: m[1], op: m[2] === '>' ? 'gt' : 'lt', bound: Number(m[3]) };
  throw new LabelSelectorError(`unable to parse requirement: ${text}`);
}

function requirementMatches(requirement: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.hasOwn(labels, requirement.key);
  const value = labels[requirement.key];
  switch (requirement.op) {
    case 'exists':
      return has;
    case 'doesNotExist':
      return !has;
    case 'in':
      return has && requirement.values.includes(value ?? '');
    case 'notin':
      // `!=` and `notin` also match objects without the label, as in Kubernetes.
      return !has || !requirement.values.includes(value ?? '');
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(value ?? '')) return false;
      const n = Number(value);
      return requirement.op === 'gt' ? n > requirement.bound : n < requirement.bound;
    }
  }
}

/**
 * Parses a Kubernetes label selector (`a=b,c!=d,e in (f,g),!h,i`). An empty selector matches everything.
 *
 * @throws LabelSelectorError on syntax the real server rejects
 */
export function parseLabelSelector(selector: string | null | undefined): LabelSelector {
  const requirements = splitRequirements(selector ?? '').map(parseRequirement);
  return {
    requirements,
    matches: (labels) => requirements.every((r) => requirementMatches(r, labels ?? {})),
  };
}
