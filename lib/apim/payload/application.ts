import {
  type AutomationAnswer,
  type AutomationBaseStatus,
  toAutomationBaseStatus,
} from './automation-status.ts';
import type { AutomationIdentity, CustomResourceInput, PreviousSyncState } from './custom-resource-input.ts';
import { namespacedHrid } from './hrid.ts';
import { dropEmpty, type JsonObject } from './json-object.ts';
import {
  InvalidSpecFieldError,
  optionalObject,
  optionalObjectArray,
  optionalString,
  requiredString,
} from './spec-fields.ts';

/**
 * Body of `PUT …/applications` (Automation schema `ApplicationSpec`). Fields not named here are the CR's,
 * passed through as GKO serialises them.
 */
export interface ApplicationAutomationSpec {
  hrid: string;
  /** Legacy UUID (resources first synced by GKO < 4.12, or a UUID written in `spec.id`). */
  id?: string;
  [key: string]: unknown;
}

/** APIM's answer (Automation schema `ApplicationState`: the spec as stored plus `BaseStatus`). */
export type ApplicationAutomationState = AutomationAnswer;

/**
 * The status fields of an `Application` that come from APIM (GKO copies the whole answer's status part:
 * `id`, `organizationId`, `environmentId`, `errors`). `subscriptions` is a count kept by the operator,
 * not something APIM answers, so it is not here.
 */
export type ApplicationStatusFields = AutomationBaseStatus;

/** How APIM knows the application; `id` is the UUID GKO also puts in the body, when it has one. */
export interface ApplicationIdentity extends AutomationIdentity {
  id?: string;
}

/**
 * Decides how GKO addresses an application (GKO: `Application.PopulateIDs` in
 * `api/v1alpha1/application_types.go`, then `Applications.createOrUpdate` in
 * `internal/apim/service/applications.go`).
 *
 * A UUID wins over the HRID whenever GKO has one: `spec.id` as written, or `status.id` of a resource GKO
 * synced before it used HRIDs. Unlike groups, a `spec.id` is used even once the resource is
 * HRID-managed, because GKO's service only looks at `spec.id`.
 *
 * @example
 * applicationIdentity({ metadata: { name: 'echo-client', namespace: 'default' }, spec: {} });
 * // { hrid: 'default-echo-client', hridContainsUuid: false }
 */
export function applicationIdentity(
  resource: CustomResourceInput,
  previous: PreviousSyncState = {},
): ApplicationIdentity {
  const specId = optionalString(resource.spec, 'id', 'spec') ?? '';
  const legacyId = previous.automationApiManaged ? '' : (previous.id ?? '');
  const id = legacyId || specId;
  if (id !== '') return { hrid: id, hridContainsUuid: true, id };
  return {
    hrid: namespacedHrid(resource.metadata.namespace, resource.metadata.name),
    hridContainsUuid: false,
  };
}

/**
 * The application's HRID (`hrid` of the body, `{hrid}` of `applications/{hrid}`).
 *
 * @example
 * applicationHrid({ metadata: { name: 'echo-client', namespace: 'default' }, spec: {} }); // 'default-echo-client'
 */
export function applicationHrid(resource: CustomResourceInput, previous?: PreviousSyncState): string {
  return applicationIdentity(resource, previous).hrid;
}

/** Automation collection of applications, relative to the environment root. */
export function applicationCollectionPath(): string {
  return 'applications';
}

/**
 * Maps an `Application` to the body GKO sends to the Automation API. Pure: the resource is not modified.
 *
 * What changes against the CR spec (GKO: `CreateOrUpdate` in
 * `controllers/apim/application/internal/update.go`, which serialises `spec` after
 * `ResolveClientCertificates` in `internal/apim/application/resolve.go`):
 * - `hrid` is `<namespace>-<name>`, or the UUID of {@link applicationIdentity} (then also sent as `id`);
 * - `contextRef` is left out: GKO serialises it too, but it only selects the APIM instance and APIM
 *   ignores fields it does not know;
 * - each `settings.tls.clientCertificates[]` entry loses its `ref` once its `content` holds the referenced
 *   value (the watcher restores it there), has its `content` base64-decoded when `encoded` is true, and is
 *   named `<spec.name>-<index>` when it has no name;
 * - `groups` are sent as written: GKO's Application has no group references, only names, HRIDs or UUIDs
 *   of existing groups that APIM resolves itself;
 * - empty `omitempty` strings and lists are left out; absent fields stay absent (Go sends some as `null`).
 *
 * @example
 * toApplicationSpec({
 *   metadata: { name: 'echo-client', namespace: 'default' },
 *   spec: { contextRef: { name: 'dev-ctx' }, name: 'echo-client', description: 'client', settings: { app: { type: 'WEB' } } },
 * });
 * // { name: 'echo-client', description: 'client', settings: { app: { type: 'WEB' } }, hrid: 'default-echo-client' }
 */
export function toApplicationSpec(
  resource: CustomResourceInput,
  previous?: PreviousSyncState,
): ApplicationAutomationSpec {
  const identity = applicationIdentity(resource, previous);
  const body: JsonObject = structuredClone(resource.spec);
  delete body.contextRef;
  body.hrid = identity.hrid;
  if (identity.id) body.id = identity.id;
  else delete body.id;

  const settings = optionalObject(body, 'settings', 'spec');
  const tls = settings && optionalObject(settings, 'tls', 'spec.settings');
  if (tls) {
    const path = 'spec.settings.tls';
    const certificates = optionalObjectArray(tls, 'clientCertificates', path);
    if (certificates) {
      const defaultName = () => requiredString(resource.spec, 'name', 'spec');
      tls.clientCertificates = certificates.map((certificate, index) =>
        toClientCertificate(certificate, index, defaultName, `${path}.clientCertificates[${index}]`),
      );
    }
    dropEmpty(tls, ['clientCertificate', 'clientCertificates']);
  }
  return dropEmpty(body, ['id', 'hrid']) as ApplicationAutomationSpec;
}

/**
 * Maps APIM's answer to the application's status fields.
 *
 * @example
 * toApplicationStatus({ hrid: 'default-app', id: 'u1', organizationId: 'DEFAULT', environmentId: 'DEFAULT' });
 * // { id: 'u1', organizationId: 'DEFAULT', environmentId: 'DEFAULT', errors: { severe: [], warning: [] } }
 */
export function toApplicationStatus(answer: ApplicationAutomationState): ApplicationStatusFields {
  return toAutomationBaseStatus(answer);
}

/** One client certificate as GKO has it after `ResolveClientCertificates`. */
function toClientCertificate(
  certificate: JsonObject,
  index: number,
  defaultName: () => string,
  path: string,
): JsonObject {
  const out: JsonObject = { ...certificate };
  const content = optionalString(certificate, 'content', path) ?? '';
  // GKO drops `ref` once resolved; without content the reference is unresolved and stays visible.
  if (content !== '') delete out.ref;
  if (certificate.encoded === true && content !== '') {
    out.content = decodeBase64(content, `${path}.content`);
    delete out.encoded;
  } else if (certificate.encoded === false) {
    delete out.encoded;
  }
  if (!optionalString(certificate, 'name', path)) out.name = `${defaultName()}-${index}`;
  return dropEmpty(out, ['content', 'startsAt', 'endsAt']);
}

/** Standard base64 with padding; line breaks are skipped, as Go's decoder skips them. */
const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Decodes the content of a certificate marked `encoded`, as strictly as Go's `base64.StdEncoding`: a
 * malformed value fails (GKO reports it as an unresolved reference) instead of being half decoded.
 */
function decodeBase64(value: string, field: string): string {
  const compact = value.replace(/[\r\n]/g, '');
  if (!STANDARD_BASE64.test(compact)) throw new InvalidSpecFieldError(field, 'base64 when encoded is true');
  return Buffer.from(compact, 'base64').toString('utf8');
}
