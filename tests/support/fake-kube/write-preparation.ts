import { randomUUID } from 'node:crypto';
import { cloneJson, isJsonObject, jsonEqual } from './json.ts';
import type { KubeObject, ObjectMeta } from './kube-object.ts';
import { validateNoNewFinalizers, validateOwnerReferences } from './object-validation.ts';
import { apiVersionOf, type ResourceDefinition } from './resource-definition.ts';
import { badRequest, invalid } from './status-errors.ts';
import { nowTimestamp } from './timestamps.ts';

/**
 * Pure "strategy" steps of a write, reproducing rest.BeforeCreate / rest.BeforeUpdate and the
 * custom-resource strategies: which fields the server owns, when generation moves, what a status
 * write may touch. The store sequences them; nothing here touches storage.
 */

/** Checks the body is an object with the endpoint's apiVersion/kind; fills them in for built-ins (typed decoding does). */
export function toKubeObject(definition: ResourceDefinition, body: unknown): KubeObject {
  if (!isJsonObject(body)) badRequestThrow('the body of the request must be a JSON object');
  const object = cloneJson(body) as Record<string, unknown>;
  const expectedApiVersion = apiVersionOf(definition);
  if (definition.custom && !object.kind)
    badRequestThrow(`Object 'Kind' is missing in '${JSON.stringify(body)}'`);
  if (object.apiVersion !== undefined && object.apiVersion !== expectedApiVersion) {
    badRequestThrow(
      `the API version in the data (${String(object.apiVersion)}) does not match the expected API version (${expectedApiVersion})`,
    );
  }
  if (object.kind !== undefined && object.kind !== definition.kind) {
    badRequestThrow(
      `the kind in the data (${String(object.kind)}) does not match the expected kind (${definition.kind})`,
    );
  }
  if (object.metadata !== undefined && !isJsonObject(object.metadata))
    badRequestThrow('metadata must be an object');
  return {
    ...object,
    apiVersion: expectedApiVersion,
    kind: definition.kind,
    metadata: (object.metadata ?? {}) as ObjectMeta,
  };
}

function badRequestThrow(message: string): never {
  throw badRequest(message);
}

/** Drops empty metadata collections, as the typed ObjectMeta round trip (`omitempty`) does on the real server. */
export function normalizeMetadata(object: KubeObject): void {
  const meta = object.metadata;
  for (const key of ['finalizers', 'labels', 'annotations', 'ownerReferences'] as const) {
    const value = meta[key];
    if (value === null || (Array.isArray(value) && value.length === 0)) delete meta[key];
    else if (isJsonObject(value) && Object.keys(value).length === 0) delete meta[key];
  }
}

/** System fields and type defaults of a new object (resourceVersion is set at commit). */
export function prepareCreate(definition: ResourceDefinition, object: KubeObject): void {
  const meta = object.metadata;
  meta.uid = randomUUID();
  meta.creationTimestamp = nowTimestamp();
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.resourceVersion;
  if (definition.custom) meta.generation = 1;
  else delete meta.generation;
  // With a status subresource, create cannot set status (CRD strategy; built-ins reset it in prepareForCreate).
  if (definition.statusSubresource) delete object.status;
  definition.prepareForCreate?.(object);
  definition.normalize?.(object);
  normalizeMetadata(object);
  const ownerErrors = validateOwnerReferences(meta);
  if (ownerErrors.length > 0)
    throw invalid({ group: definition.group, kind: definition.kind }, meta.name, ownerErrors);
}

/** Every top-level field but metadata: what the CRD strategy compares to decide a generation bump. */
function nonMetadata(object: KubeObject): Record<string, unknown> {
  const { metadata: _metadata, ...rest } = object;
  return rest;
}

/**
 * A main-resource update: the client's object with the server-owned fields put back, `.status`
 * kept when a status subresource exists, and generation bumped on any non-metadata change
 * (custom resources only: built-ins in this fake have no generation).
 *
 * @throws KubeStatusError 422 when finalizers are added to an object being deleted
 */
export function prepareMainUpdate(
  definition: ResourceDefinition,
  existing: KubeObject,
  proposed: KubeObject,
): KubeObject {
  const next = cloneJson(proposed);
  const meta = next.metadata;
  const old = existing.metadata;
  meta.name = old.name;
  if (old.namespace !== undefined) meta.namespace = old.namespace;
  else delete meta.namespace;
  copyOrDelete(meta, old, 'uid');
  copyOrDelete(meta, old, 'creationTimestamp');
  copyOrDelete(meta, old, 'generation');
  if (old.deletionTimestamp) {
    meta.deletionTimestamp = old.deletionTimestamp;
    meta.deletionGracePeriodSeconds = old.deletionGracePeriodSeconds ?? 0;
  } else {
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
  }
  if (definition.statusSubresource) {
    if (existing.status !== undefined) next.status = cloneJson(existing.status);
    else delete next.status;
  }
  definition.normalize?.(next);
  normalizeMetadata(next);
  if (definition.custom && !jsonEqual(nonMetadata(next), nonMetadata(existing))) {
    meta.generation = (old.generation ?? 0) + 1;
  }
  const errors = [...validateNoNewFinalizers(meta, old), ...validateOwnerReferences(meta)];
  if (errors.length > 0) throw invalid({ group: definition.group, kind: definition.kind }, meta.name, errors);
  return next;
}

function copyOrDelete(
  target: ObjectMeta,
  source: ObjectMeta,
  key: 'uid' | 'creationTimestamp' | 'generation',
): void {
  if (source[key] !== undefined) target[key] = source[key] as never;
  else delete target[key];
}

/** A status-subresource update: the stored object with only `.status` taken from the client. */
export function prepareStatusUpdate(existing: KubeObject, proposed: KubeObject): KubeObject {
  const next = cloneJson(existing);
  if (proposed.status !== undefined) next.status = cloneJson(proposed.status);
  else delete next.status;
  return next;
}

/**
 * What DELETE does to an object with pending finalizers (registry.markAsDeleting): stamp
 * deletionTimestamp once, zero the grace period, and bump a non-zero generation the first time.
 */
export function markAsDeleting(object: KubeObject): void {
  const meta = object.metadata;
  if (!meta.deletionTimestamp && (meta.generation ?? 0) > 0) meta.generation = (meta.generation ?? 0) + 1;
  meta.deletionTimestamp ??= nowTimestamp();
  meta.deletionGracePeriodSeconds = 0;
}
