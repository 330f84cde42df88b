import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { withDiscriminatorDispatch } from './discriminators.ts';
import type { LoadedDocument } from './operation-spec.ts';

/**
 * Validates values against schemas addressed by `<document $id>#<pointer>`, compiled lazily from the
 * loaded OpenAPI documents (OpenAPI 3.1 schemas are JSON Schema 2020-12, hence Ajv2020).
 */
export class SchemaValidator {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(documents: readonly LoadedDocument[]) {
    // strict: false because OpenAPI adds keywords JSON Schema does not know (`example`, `discriminator`…);
    // validateSchema: false because a whole OpenAPI document is registered, not a bare schema.
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    addFormats.default(this.ajv);
    for (const loaded of documents) {
      this.ajv.addSchema({ ...withDiscriminatorDispatch(loaded.document), $id: loaded.schemaId });
    }
  }

  /** Problems found in `value`, as `<instance path> <message>` lines; empty when it conforms. */
  validate(schemaRef: string, value: unknown): string[] {
    const validate = this.compile(schemaRef);
    if (validate(value)) {
      return [];
    }
    return (validate.errors ?? []).filter(isReportable).map(formatError);
  }

  private compile(schemaRef: string): ValidateFunction {
    let validate = this.compiled.get(schemaRef);
    if (!validate) {
      validate = this.ajv.compile({ $ref: schemaRef });
      this.compiled.set(schemaRef, validate);
    }
    return validate;
  }
}

// `if` failures only say "must match then schema"; the errors of the `then` branch already explain why.
function isReportable(error: ErrorObject): boolean {
  return error.keyword !== 'if';
}

function formatError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const detail =
    error.keyword === 'additionalProperties'
      ? ` '${String(error.params.additionalProperty)}'`
      : error.keyword === 'enum'
        ? ` ${JSON.stringify(error.params.allowedValues)}`
        : '';
  return `${where} ${error.message ?? error.keyword}${detail}`;
}
