import { isJsonObject, type JsonObject } from '../json.ts';

/**
 * Returns a copy of `document` in which every `oneOf`/`anyOf` carrying an OpenAPI `discriminator` is
 * rewritten as an explicit `if`/`then` dispatch on the discriminator property.
 *
 * Why: plain JSON Schema `oneOf` ignores discriminators, and APIM's listener and selector unions are not
 * mutually exclusive (an HTTP listener also satisfies `SubscriptionListener`, which only adds `type`), so
 * every valid body would fail `oneOf`. Discriminators without `oneOf`/`anyOf` (on base schemas reached
 * through `allOf`) are left alone: dispatching there would recurse into the very schema being validated.
 */
export function withDiscriminatorDispatch(document: JsonObject): JsonObject {
  const copy = structuredClone(document);
  visit(copy);
  return copy;
}

function visit(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(visit);
    return;
  }
  if (!isJsonObject(node)) {
    return;
  }
  rewriteDiscriminatedUnion(node);
  Object.values(node).forEach(visit);
}

function rewriteDiscriminatedUnion(schema: JsonObject): void {
  const discriminator = schema.discriminator;
  const unionKey = Array.isArray(schema.oneOf) ? 'oneOf' : Array.isArray(schema.anyOf) ? 'anyOf' : undefined;
  if (!isJsonObject(discriminator) || unionKey === undefined) {
    return;
  }
  const property = discriminator.propertyName;
  if (typeof property !== 'string') {
    return;
  }
  const mapping = discriminatorMapping(discriminator, schema[unionKey] as unknown[]);
  const values = Object.keys(mapping);
  delete schema[unionKey];
  const dispatch: JsonObject[] = values.map((value) => ({
    if: { required: [property], properties: { [property]: { const: value } } },
    // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword, not a thenable.
    then: { $ref: mapping[value] },
  }));
  const existing = Array.isArray(schema.allOf) ? schema.allOf : [];
  schema.allOf = [
    ...existing,
    { required: [property], properties: { [property]: { enum: values } } },
    ...dispatch,
  ];
}

/** Explicit mapping, or the implicit one OpenAPI defines: each branch's schema name maps to its `$ref`. */
function discriminatorMapping(discriminator: JsonObject, branches: unknown[]): Record<string, string> {
  if (isJsonObject(discriminator.mapping)) {
    return Object.fromEntries(
      Object.entries(discriminator.mapping).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  }
  const implicit: Record<string, string> = {};
  for (const branch of branches) {
    if (isJsonObject(branch) && typeof branch.$ref === 'string') {
      implicit[branch.$ref.split('/').at(-1) ?? branch.$ref] = branch.$ref;
    }
  }
  return implicit;
}
