import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { AUTOMATION_OPENAPI_FILE } from './shared-paths.ts';

/** Ajv errors as one line per error: `<instance path> <message>`, joined by `; `. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`).join('; ');
}

let schemas: Record<string, { properties?: Record<string, unknown> }> | undefined;

/**
 * Top-level property names a component schema of the 4.12.17 Automation document declares. The
 * document never sets `additionalProperties: false` on these, so a body with an unknown field still
 * validates; this list lets a test say which extra fields a body may carry, and why.
 */
export function declaredProperties(schemaName: string): Set<string> {
  if (!schemas) {
    const document = parse(readFileSync(AUTOMATION_OPENAPI_FILE, 'utf8')) as {
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    schemas = document.components.schemas;
  }
  const schema = schemas[schemaName];
  if (!schema) throw new Error(`no schema ${schemaName} in ${AUTOMATION_OPENAPI_FILE}`);
  return new Set(Object.keys(schema.properties ?? {}));
}

/** Keys of `body` the schema does not declare, sorted. */
export function undeclaredKeys(body: object, schemaName: string): string[] {
  const declared = declaredProperties(schemaName);
  return Object.keys(body)
    .filter((key) => !declared.has(key))
    .sort();
}
