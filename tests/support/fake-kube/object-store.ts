import type { EventHistory } from './event-history.ts';
import { generateName } from './generate-name.ts';
import { cloneJson, isJsonObject, jsonEqual } from './json.ts';
import type { KubeObject } from './kube-object.ts';
import { validateName } from './object-validation.ts';
import { type PatchType, patchObject } from './patch-object.ts';
import type { ResourceDefinition } from './resource-definition.ts';
import type { ResourceRegistry } from './resource-registry.ts';
import {
  alreadyExists,
  badRequest,
  conflict,
  forbidden,
  invalid,
  notFound,
  unknownInternal,
} from './status-errors.ts';
import {
  markAsDeleting,
  prepareCreate,
  prepareMainUpdate,
  prepareStatusUpdate,
  toKubeObject,
} from './write-preparation.ts';

/** Which part of an object a write addresses. */
export type Subresource = 'status' | undefined;

/** `DeleteOptions.preconditions`: the delete only happens if the object still has this uid / resourceVersion. */
export interface DeletePreconditions {
  uid?: string;
  resourceVersion?: string;
}

/** Result of a delete: the object is either gone (`removed`) or waiting for its finalizers. */
export interface DeleteResult {
  object: KubeObject;
  removed: boolean;
}

/**
 * The fake's etcd plus registry semantics: stores objects per resource type, enforces optimistic
 * concurrency, generation and status-subresource rules, finalizer-driven deletion and namespace
 * lifecycle, and records every committed change in the {@link EventHistory} that watches read.
 *
 * Every method returns copies, and every failure is a KubeStatusError with the real server's Status.
 */
export class ObjectStore {
  readonly #objects = new Map<ResourceDefinition, Map<string, KubeObject>>();
  readonly #history: EventHistory;
  readonly #registry: ResourceRegistry;
  readonly #requireNamespaces: boolean;
  readonly #garbageCollection: boolean;

  constructor(
    history: EventHistory,
    registry: ResourceRegistry,
    options: { requireNamespaces: boolean; garbageCollection?: boolean },
  ) {
    this.#history = history;
    this.#registry = registry;
    this.#requireNamespaces = options.requireNamespaces;
    this.#garbageCollection = options.garbageCollection ?? false;
  }

  /** The stored object, or undefined. */
  find(definition: ResourceDefinition, namespace: string | undefined, name: string): KubeObject | undefined {
    const stored = this.#bucket(definition).get(key(definition, namespace, name));
    return stored ? cloneJson(stored) : undefined;
  }

  /** The stored object; 404 when missing. */
  get(definition: ResourceDefinition, namespace: string | undefined, name: string): KubeObject {
    const found = this.find(definition, namespace, name);
    if (!found) throw notFound(definition, name);
    return found;
  }

  /** Objects of a type, in one namespace or all of them, sorted by namespace then name like an etcd range read. */
  list(definition: ResourceDefinition, namespace?: string): KubeObject[] {
    const prefix = definition.namespaced && namespace ? `${namespace}/` : '';
    return [...this.#bucket(definition).entries()]
      .filter(([k]) => k.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, object]) => cloneJson(object));
  }

  /** POST: creates an object in `namespace` (ignored for cluster-scoped types). */
  create(definition: ResourceDefinition, namespace: string | undefined, body: unknown): KubeObject {
    const object = toKubeObject(definition, body);
    if (object.metadata.resourceVersion) {
      // etcd3 store refuses this before anything else; the error is not a Status, hence 500/Unknown.
      throw unknownInternal('resourceVersion should not be set on objects to be created');
    }
    return this.#insert(definition, namespace, object);
  }

  /** PUT on the object or its status subresource. Creates only for types that allow create-on-update. */
  update(
    definition: ResourceDefinition,
    namespace: string | undefined,
    name: string,
    body: unknown,
    subresource?: Subresource,
  ): { object: KubeObject; created: boolean } {
    const proposed = toKubeObject(definition, body);
    checkUrlIdentity(definition, proposed, namespace, name);
    const existing = this.find(definition, namespace, name);
    if (!existing) {
      if (!definition.allowCreateOnUpdate || subresource) throw notFound(definition, name);
      delete proposed.metadata.resourceVersion;
      return { object: this.#insert(definition, namespace, proposed), created: true };
    }
    this.#checkResourceVersion(definition, existing, proposed.metadata.resourceVersion);
    return { object: this.#applyUpdate(definition, existing, proposed, subresource), created: false };
  }

  /** PATCH on the object or its status subresource, with the given patch Content-Type. */
  patch(
    definition: ResourceDefinition,
    namespace: string | undefined,
    name: string,
    patchType: PatchType,
    patch: unknown,
    subresource?: Subresource,
  ): KubeObject {
    const existing = this.get(definition, namespace, name);
    const patched = patchObject(definition, existing, patchType, patch);
    const proposed = toKubeObject(definition, patched);
    checkUrlIdentity(definition, proposed, namespace, name);
    // A patch that does not mention resourceVersion carries the current one: no precondition.
    const requested = proposed.metadata.resourceVersion || existing.metadata.resourceVersion;
    this.#checkResourceVersion(definition, existing, requested);
    return this.#applyUpdate(definition, existing, proposed, subresource);
  }

  /**
   * DELETE: removes the object, or, while finalizers remain, only marks it (deletionTimestamp,
   * deletionGracePeriodSeconds 0, generation + 1 the first time).
   */
  delete(
    definition: ResourceDefinition,
    namespace: string | undefined,
    name: string,
    preconditions: DeletePreconditions = {},
  ): DeleteResult {
    const existing = this.get(definition, namespace, name);
    const meta = existing.metadata;
    if (preconditions.uid && preconditions.uid !== meta.uid) {
      throw conflict(
        definition,
        name,
        `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${meta.uid ?? ''}`,
      );
    }
    if (preconditions.resourceVersion && preconditions.resourceVersion !== meta.resourceVersion) {
      throw conflict(
        definition,
        name,
        `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${meta.resourceVersion ?? ''}`,
      );
    }
    if (isNamespaceDefinition(definition)) return this.#deleteNamespace(definition, existing);
    if ((meta.finalizers ?? []).length > 0) {
      const next = cloneJson(existing);
      markAsDeleting(next);
      return { object: this.#commit(definition, existing, next), removed: false };
    }
    return { object: this.#remove(definition, existing), removed: true };
  }

  #insert(definition: ResourceDefinition, namespace: string | undefined, object: KubeObject): KubeObject {
    const meta = object.metadata;
    if (definition.namespaced) {
      if (meta.namespace && namespace && meta.namespace !== namespace) {
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      meta.namespace = namespace || meta.namespace || '';
    } else {
      delete meta.namespace;
    }
    if (!meta.name && meta.generateName)
      meta.name = this.#uniqueName(definition, meta.namespace, meta.generateName);
    const nameErrors = validateName(meta.name, definition.nameFormat);
    if (nameErrors.length > 0)
      throw invalid({ group: definition.group, kind: definition.kind }, meta.name ?? '', nameErrors);
    if (definition.namespaced)
      this.#checkNamespaceAcceptsContent(definition, meta.namespace ?? '', meta.name);
    if (this.find(definition, meta.namespace, meta.name)) throw alreadyExists(definition, meta.name);
    prepareCreate(definition, object);
    const resourceVersion = this.#history.allocate();
    object.metadata.resourceVersion = String(resourceVersion);
    this.#bucket(definition).set(
      key(definition, object.metadata.namespace, object.metadata.name),
      cloneJson(object),
    );
    this.#history.record({ type: 'ADDED', resourceVersion, resource: definition, object: cloneJson(object) });
    return object;
  }

  #uniqueName(definition: ResourceDefinition, namespace: string | undefined, base: string): string {
    for (let attempt = 0; attempt < 8; attempt++) {
      const candidate = generateName(base);
      if (!this.find(definition, namespace, candidate)) return candidate;
    }
    throw alreadyExists(definition, base);
  }

  #checkNamespaceAcceptsContent(definition: ResourceDefinition, namespace: string, name: string): void {
    const namespaces = this.#namespaceDefinition();
    if (!this.#requireNamespaces || !namespaces) return;
    const found = this.find(namespaces, undefined, namespace);
    if (!found) throw notFound(namespaces, namespace);
    if (found.metadata.deletionTimestamp) {
      throw forbidden(
        definition,
        name,
        `unable to create new content in namespace ${namespace} because it is being terminated`,
      );
    }
  }

  #checkResourceVersion(
    definition: ResourceDefinition,
    existing: KubeObject,
    requested: string | undefined,
  ): void {
    if (!requested) {
      if (definition.allowUnconditionalUpdate) return;
      // The real registry prints the group-resource where a kind is expected here (see store.go).
      throw invalid({ group: definition.group, kind: definition.plural }, existing.metadata.name, [
        {
          type: 'FieldValueInvalid',
          field: 'metadata.resourceVersion',
          body: 'Invalid value: 0x0: must be specified for an update',
        },
      ]);
    }
    if (requested !== existing.metadata.resourceVersion) throw conflict(definition, existing.metadata.name);
  }

  #applyUpdate(
    definition: ResourceDefinition,
    existing: KubeObject,
    proposed: KubeObject,
    subresource: Subresource,
  ): KubeObject {
    const next =
      subresource === 'status'
        ? prepareStatusUpdate(existing, proposed)
        : prepareMainUpdate(definition, existing, proposed);
    return this.#commit(definition, existing, next);
  }

  /**
   * Persists `next` over `existing`: nothing happens for a no-op (same resourceVersion, no event, as
   * etcd's GuaranteedUpdate short-circuits), and an object being deleted whose last finalizer is
   * gone is removed instead of updated.
   */
  #commit(definition: ResourceDefinition, existing: KubeObject, next: KubeObject): KubeObject {
    next.metadata.resourceVersion = existing.metadata.resourceVersion ?? '';
    if (jsonEqual(next, existing)) return next;
    if (next.metadata.deletionTimestamp && !hasPendingFinalizers(definition, next)) {
      this.#remove(definition, existing);
      // Like deleteWithoutFinalizers, the response is the object from the request, not a Status.
      return next;
    }
    const resourceVersion = this.#history.allocate();
    next.metadata.resourceVersion = String(resourceVersion);
    this.#bucket(definition).set(
      key(definition, next.metadata.namespace, next.metadata.name),
      cloneJson(next),
    );
    this.#history.record({
      type: 'MODIFIED',
      resourceVersion,
      resource: definition,
      object: cloneJson(next),
      previous: existing,
    });
    return next;
  }

  /** Removes the object; the DELETED event carries its last stored state stamped with the new resourceVersion. */
  #remove(definition: ResourceDefinition, existing: KubeObject): KubeObject {
    this.#bucket(definition).delete(key(definition, existing.metadata.namespace, existing.metadata.name));
    const resourceVersion = this.#history.allocate();
    const deleted = cloneJson(existing);
    deleted.metadata.resourceVersion = String(resourceVersion);
    this.#history.record({
      type: 'DELETED',
      resourceVersion,
      resource: definition,
      object: cloneJson(deleted),
    });
    if (definition.namespaced && existing.metadata.namespace)
      this.#finishNamespaceIfEmpty(existing.metadata.namespace);
    if (this.#garbageCollection && existing.metadata.uid) this.#collectDependentsOf(existing.metadata.uid);
    return deleted;
  }

  /**
   * The garbage collector's background deletion, done synchronously: objects listing the removed
   * object's uid in `metadata.ownerReferences` are deleted once none of their owners exists any more
   * (their own finalizers, if any, still hold them).
   */
  #collectDependentsOf(ownerUid: string): void {
    for (const definition of this.#registry.all()) {
      for (const object of [...this.#bucket(definition).values()]) {
        const owners = ownerUidsOf(object);
        if (!owners.includes(ownerUid) || owners.some((uid) => this.#existsWithUid(uid))) continue;
        if (object.metadata.deletionTimestamp) continue;
        this.delete(definition, object.metadata.namespace, object.metadata.name);
      }
    }
  }

  #existsWithUid(uid: string): boolean {
    return [...this.#objects.values()].some((bucket) =>
      [...bucket.values()].some((object) => object.metadata.uid === uid),
    );
  }

  /**
   * Namespace deletion, done synchronously where the real namespace controller is asynchronous:
   * the namespace turns Terminating, its content is deleted (objects with finalizers stay until
   * finalized), and the namespace disappears once empty.
   */
  #deleteNamespace(definition: ResourceDefinition, existing: KubeObject): DeleteResult {
    const name = existing.metadata.name;
    const next = cloneJson(existing);
    markAsDeleting(next);
    next.status = { ...(isJsonObject(next.status) ? next.status : {}), phase: 'Terminating' };
    const marked = this.#commit(definition, existing, next);
    for (const contentDefinition of this.#registry.all().filter((d) => d.namespaced)) {
      for (const object of this.list(contentDefinition, name)) {
        this.delete(contentDefinition, name, object.metadata.name);
      }
    }
    this.#finishNamespaceIfEmpty(name);
    const remaining = this.find(definition, undefined, name);
    return remaining ? { object: remaining, removed: false } : { object: marked, removed: true };
  }

  /** Once a terminating namespace is empty, the "namespace controller" clears its spec finalizer. */
  #finishNamespaceIfEmpty(namespace: string): void {
    const namespaces = this.#namespaceDefinition();
    const current = namespaces ? this.find(namespaces, undefined, namespace) : undefined;
    if (!namespaces || !current?.metadata.deletionTimestamp) return;
    if (this.#registry.all().some((d) => d.namespaced && this.list(d, namespace).length > 0)) return;
    const next = cloneJson(current);
    next.spec = { ...(isJsonObject(next.spec) ? next.spec : {}), finalizers: [] };
    this.#commit(namespaces, current, next);
  }

  #namespaceDefinition(): ResourceDefinition | undefined {
    return this.#registry.find('', 'v1', 'namespaces');
  }

  #bucket(definition: ResourceDefinition): Map<string, KubeObject> {
    let bucket = this.#objects.get(definition);
    if (!bucket) {
      bucket = new Map();
      this.#objects.set(definition, bucket);
    }
    return bucket;
  }
}

function ownerUidsOf(object: KubeObject): string[] {
  const references = object.metadata.ownerReferences;
  if (!Array.isArray(references)) return [];
  return references
    .map((reference) => (isJsonObject(reference) ? reference.uid : undefined))
    .filter((uid): uid is string => typeof uid === 'string');
}

function key(definition: ResourceDefinition, namespace: string | undefined, name: string): string {
  return definition.namespaced ? `${namespace ?? ''}/${name}` : name;
}

function isNamespaceDefinition(definition: ResourceDefinition): boolean {
  return definition.group === '' && definition.plural === 'namespaces';
}

/**
 * Finalizers still holding the object. A namespace is also held by its `spec.finalizers`
 * (`kubernetes`), which only the namespace "controller" in this store clears.
 */
function hasPendingFinalizers(definition: ResourceDefinition, object: KubeObject): boolean {
  if ((object.metadata.finalizers ?? []).length > 0) return true;
  if (!isNamespaceDefinition(definition)) return false;
  const spec = object.spec as { finalizers?: string[] } | undefined;
  return (spec?.finalizers ?? []).length > 0;
}

/** PUT/PATCH bodies must name the object of the URL (handlers.checkName). */
function checkUrlIdentity(
  definition: ResourceDefinition,
  object: KubeObject,
  namespace: string | undefined,
  name: string,
): void {
  if (object.metadata.name !== name) {
    throw badRequest(
      `the name of the object (${object.metadata.name ?? ''}) does not match the name on the URL (${name})`,
    );
  }
  const objectNamespace = object.metadata.namespace;
  if (definition.namespaced && namespace && objectNamespace && objectNamespace !== namespace) {
    throw badRequest(
      `the namespace of the object (${objectNamespace}) does not match the namespace on the URL (${namespace})`,
    );
  }
}
