import type { KubeObject } from './kube-object.ts';

/**
 * Everything the fake API server needs to know to serve one resource type.
 *
 * The flags reproduce the per-type behaviour of the real kube-apiserver (the "strategy" of each
 * registry): custom resources and built-in types differ in generation handling, optimistic
 * concurrency, patch types and list encoding, and tests must see the same differences here.
 */
export interface ResourceDefinition {
  /** API group; `''` for the core group (`/api/v1`). */
  readonly group: string;
  readonly version: string;
  /** Lower-case plural used in URLs, e.g. `managementcontexts`. */
  readonly plural: string;
  readonly singular: string;
  readonly kind: string;
  readonly listKind: string;
  readonly namespaced: boolean;
  readonly shortNames: readonly string[];
  /** A `/status` subresource exists: main-resource writes keep the stored `.status`, status writes keep everything else. */
  readonly statusSubresource: boolean;
  /**
   * Custom-resource semantics (apiextensions-apiserver): `metadata.generation` starts at 1 and grows on
   * every non-metadata change, PUT requires `metadata.resourceVersion`, strategic merge patch is
   * rejected with 415, and list items keep their `apiVersion`/`kind`.
   */
  readonly custom: boolean;
  /** PUT on a missing object creates it (true for Lease and Event, false for most types). */
  readonly allowCreateOnUpdate: boolean;
  /** PUT without `metadata.resourceVersion` overwrites (built-ins) instead of failing with 422 (custom resources). */
  readonly allowUnconditionalUpdate: boolean;
  /** A successful immediate DELETE answers with the object instead of a `Status` (true only for a few built-ins such as Pod). */
  readonly returnDeletedObject: boolean;
  /** Names must be DNS-1123 labels (`label`, e.g. namespaces) or subdomains (`subdomain`, most types). */
  readonly nameFormat: 'label' | 'subdomain';
  /** Field-selector keys beyond `metadata.name`/`metadata.namespace`, mapped to the dotted path they read. */
  readonly selectableFields: Readonly<Record<string, string>>;
  /** Type-specific defaults applied once on create (after system fields are set). */
  readonly prepareForCreate?: (object: KubeObject) => void;
  /** Type-specific normalisation applied on every write (e.g. Secret `stringData` folded into `data`). */
  readonly normalize?: (object: KubeObject) => void;
}

/** Options shared by {@link customResource} and {@link builtinResource}. */
export interface ResourceOptions {
  namespaced?: boolean;
  statusSubresource?: boolean;
  shortNames?: readonly string[];
  singular?: string;
  allowCreateOnUpdate?: boolean;
  returnDeletedObject?: boolean;
  nameFormat?: 'label' | 'subdomain';
  selectableFields?: Readonly<Record<string, string>>;
  prepareForCreate?: (object: KubeObject) => void;
  normalize?: (object: KubeObject) => void;
}

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

function define(apiVersion: string, kind: string, plural: string, custom: boolean, options: ResourceOptions) {
  const { group, version } = splitApiVersion(apiVersion);
  const definition: ResourceDefinition = {
    group,
    version,
    plural,
    singular: options.singular ?? kind.toLowerCase(),
    kind,
    listKind: `${kind}List`,
    namespaced: options.namespaced ?? true,
    shortNames: options.shortNames ?? [],
    statusSubresource: options.statusSubresource ?? custom,
    custom,
    allowCreateOnUpdate: options.allowCreateOnUpdate ?? false,
    allowUnconditionalUpdate: !custom,
    returnDeletedObject: options.returnDeletedObject ?? false,
    nameFormat: options.nameFormat ?? 'subdomain',
    selectableFields: options.selectableFields ?? {},
    ...(options.prepareForCreate ? { prepareForCreate: options.prepareForCreate } : {}),
    ...(options.normalize ? { normalize: options.normalize } : {}),
  };
  return definition;
}

/**
 * A custom resource served as a CRD would be: namespaced with a status subresource unless told otherwise.
 *
 * @example customResource('gravitee.io/v1alpha1', 'ManagementContext', 'managementcontexts')
 */
export function customResource(
  apiVersion: string,
  kind: string,
  plural: string,
  options: ResourceOptions = {},
): ResourceDefinition {
  return define(apiVersion, kind, plural, true, options);
}

/**
 * A built-in type: no generation tracking, unconditional PUT allowed, strategic merge patch accepted,
 * no status subresource unless told otherwise.
 *
 * @example builtinResource('v1', 'ConfigMap', 'configmaps')
 */
export function builtinResource(
  apiVersion: string,
  kind: string,
  plural: string,
  options: ResourceOptions = {},
): ResourceDefinition {
  return define(apiVersion, kind, plural, false, { statusSubresource: false, ...options });
}

/** `gravitee.io/v1alpha1`, or `v1` for the core group. */
export function apiVersionOf(definition: ResourceDefinition): string {
  return definition.group ? `${definition.group}/${definition.version}` : definition.version;
}

/** The qualified resource as the server prints it in messages: `managementcontexts.gravitee.io`, `configmaps`. */
export function groupResourceOf(definition: ResourceDefinition): string {
  return definition.group ? `${definition.plural}.${definition.group}` : definition.plural;
}

/** The qualified kind as the server prints it in validation messages: `ManagementContext.gravitee.io`, `ConfigMap`. */
export function groupKindOf(definition: ResourceDefinition): string {
  return definition.group ? `${definition.kind}.${definition.group}` : definition.kind;
}

/** URL prefix of the definition's group-version: `/apis/gravitee.io/v1alpha1` or `/api/v1`. */
export function groupVersionPath(definition: ResourceDefinition): string {
  return definition.group ? `/apis/${definition.group}/${definition.version}` : `/api/${definition.version}`;
}
