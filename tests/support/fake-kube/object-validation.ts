import type { ObjectMeta } from './kube-object.ts';
import type { FieldError } from './status-errors.ts';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/** Validates `metadata.name` (DNS-1123 label or subdomain) as ValidateObjectMeta does on create and update. */
export function validateName(name: string | undefined, format: 'label' | 'subdomain'): FieldError[] {
  if (!name) {
    return [
      {
        type: 'FieldValueRequired',
        field: 'metadata.name',
        body: 'Required value: name or generateName is required',
      },
    ];
  }
  const [pattern, max, message] =
    format === 'label' ? [DNS1123_LABEL, 63, LABEL_MESSAGE] : [DNS1123_SUBDOMAIN, 253, SUBDOMAIN_MESSAGE];
  const errors: FieldError[] = [];
  if (name.length > max) {
    errors.push({
      type: 'FieldValueInvalid',
      field: 'metadata.name',
      body: `Invalid value: "${name}": must be no more than ${max} characters`,
    });
  }
  if (!pattern.test(name)) {
    errors.push({
      type: 'FieldValueInvalid',
      field: 'metadata.name',
      body: `Invalid value: "${name}": ${message}`,
    });
  }
  return errors;
}

/** Go's `%#v` rendering of a string slice, used verbatim in the real finalizer message. */
function goStringSlice(values: readonly string[]): string {
  return `[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}`;
}

/**
 * Once `deletionTimestamp` is set, finalizers may only be removed: ValidateNoNewFinalizers answers
 * 422 Invalid with a `FieldValueForbidden` cause on `metadata.finalizers`.
 */
export function validateNoNewFinalizers(next: ObjectMeta, previous: ObjectMeta): FieldError[] {
  if (!previous.deletionTimestamp) return [];
  const old = new Set(previous.finalizers ?? []);
  const added = [...new Set((next.finalizers ?? []).filter((f) => !old.has(f)))].sort();
  if (added.length === 0) return [];
  return [
    {
      type: 'FieldValueForbidden',
      field: 'metadata.finalizers',
      body: `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(added)}`,
    },
  ];
}

/** An entry of `metadata.ownerReferences` as clients send it. */
interface OwnerReferenceInput {
  apiVersion?: unknown;
  kind?: unknown;
  name?: unknown;
  uid?: unknown;
  controller?: unknown;
}

/**
 * ValidateOwnerReferences: apiVersion, kind, name and uid are required (errors on
 * `metadata.ownerReferences.<field>`, without index, as the real server reports them), and at most one
 * reference may be the controller.
 */
export function validateOwnerReferences(meta: ObjectMeta): FieldError[] {
  const references = meta.ownerReferences;
  if (references === undefined) return [];
  if (!Array.isArray(references)) {
    return [
      { type: 'FieldValueInvalid', field: 'metadata.ownerReferences', body: 'Invalid value: must be a list' },
    ];
  }
  const errors: FieldError[] = [];
  const required: Array<[keyof OwnerReferenceInput, string]> = [
    ['apiVersion', 'version must not be empty'],
    ['kind', 'kind must not be empty'],
    ['name', 'name must not be empty'],
    ['uid', 'uid must not be empty'],
  ];
  for (const reference of references as OwnerReferenceInput[]) {
    for (const [field, message] of required) {
      const value = reference?.[field];
      if (typeof value !== 'string' || value === '') {
        errors.push({
          type: 'FieldValueInvalid',
          field: `metadata.ownerReferences.${field}`,
          body: `Invalid value: "": ${message}`,
        });
      }
    }
  }
  const controllers = (references as OwnerReferenceInput[]).filter((r) => r?.controller === true);
  if (controllers.length > 1) {
    errors.push({
      type: 'FieldValueInvalid',
      field: 'metadata.ownerReferences',
      body: `Invalid value: Only one reference can have Controller set to true. Found "true" in references for ${controllers
        .map((c) => `${String(c.kind)}/${String(c.name)}`)
        .join(' and ')}`,
    });
  }
  return errors;
}
