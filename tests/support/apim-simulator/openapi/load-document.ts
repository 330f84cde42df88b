import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { isJsonObject, type JsonObject } from '../json.ts';

/** Raised when a spec file is missing or is not an OpenAPI document. */
export class SpecDocumentError extends Error {
  override name = 'SpecDocumentError';
}

// Parsing the 3,000+ line YAML documents costs hundreds of milliseconds; every simulator in a process shares them.
const documents = new Map<string, JsonObject>();

/** Reads and parses an OpenAPI document once per process. Callers must not mutate the result. */
export function loadOpenApiDocument(file: string): JsonObject {
  const cached = documents.get(file);
  if (cached) {
    return cached;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new SpecDocumentError(`Cannot read OpenAPI document ${file}`, { cause });
  }
  const document: unknown = parse(text);
  if (!isJsonObject(document) || typeof document.openapi !== 'string' || !isJsonObject(document.paths)) {
    throw new SpecDocumentError(`${file} is not an OpenAPI document`);
  }
  documents.set(file, document);
  return document;
}
