import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Our gravitee.yml template (see the file for what it configures and why). */
export const GRAVITEE_TEMPLATE = fileURLToPath(new URL('./gravitee.template.yml', import.meta.url));

/** Every value the template needs, named as its `{{placeholders}}`. */
export interface GraviteeYmlValues {
  httpPort: number;
  baseUrl: string;
  pluginsDir: string;
  pluginsWorkDir: string;
  jdbcUrl: string;
  jdbcUser: string;
  jdbcPassword: string;
  searchDataDir: string;
  templatesDir: string;
  adminUser: string;
  adminPassword: string;
  jwtSecret: string;
  encryptionSecret: string;
}

/** Thrown when the template and the values do not match one to one. */
export class GraviteeTemplateError extends Error {
  override readonly name = 'GraviteeTemplateError';
}

/**
 * Fills the template. Strings become double-quoted YAML scalars (JSON string syntax is valid YAML), so
 * URLs and paths need no escaping thought; numbers stay plain. Fails on a placeholder without a value and
 * on a value without a placeholder, so the two cannot drift apart silently.
 */
export function renderGraviteeYml(
  values: GraviteeYmlValues,
  template = readFileSync(GRAVITEE_TEMPLATE, 'utf8'),
): string {
  const provided = new Map<string, string | number>(Object.entries(values));
  const used = new Set<string>();
  const rendered = template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = provided.get(name);
    if (value === undefined) throw new GraviteeTemplateError(`no value for {{${name}}}`);
    used.add(name);
    return typeof value === 'number' ? String(value) : JSON.stringify(value);
  });
  const unused = [...provided.keys()].filter((name) => !used.has(name));
  if (unused.length > 0)
    throw new GraviteeTemplateError(`values without a placeholder: ${unused.join(', ')}`);
  return rendered;
}
