import { type ApimTarget, resolveTarget } from '../apim/target.ts';
import { MissingReferenceError, TerminalError } from '../errors/sync-errors.ts';
import type { ChangeData } from '../events/change-event.ts';
import type { Registry } from '../ports/registry.ts';
import type { ResourceRecord } from '../registry/resource-record.ts';
import type { ResourceKey } from '../resource-key.ts';
import type { EnvelopeSealer } from '../sealing/envelope.ts';
import { type ResolvedDocument, resolveDocument } from './resolution.ts';

export const MANAGEMENT_CONTEXT = 'ManagementContext';

interface SecretRef {
  name?: string;
  namespace?: string;
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
const asString = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Values of a referenced Secret, as the watcher sealed them; missing Secret → recoverable. */
function secretValues(doc: ResolvedDocument, ref: SecretRef, namespace: string, field: string) {
  const ns = ref.namespace ?? namespace;
  const values = doc.refs.secrets[ns]?.[ref.name ?? ''];
  if (!values) throw new MissingReferenceError(field, `Secret ${ns}/${ref.name}`);
  return values;
}

/**
 * The APIM target of a ManagementContext whose secrets are unsealed: inline bearer token, then basic
 * credentials, then the `secretRef` Secret's `bearerToken` or `username`/`password` keys; a cloud token
 * (inline or from its Secret's `cloudToken` key) overrides all of them, as in GKO.
 */
export function contextTargetOf(doc: ResolvedDocument, namespace: string): ApimTarget {
  const spec = doc.spec;
  const auth = asRecord(spec.auth);
  const credentials = asRecord(auth.credentials);
  const cloud = asRecord(spec.cloud);
  let bearerToken = asString(auth.bearerToken);
  let username = asString(credentials.username);
  let password = typeof credentials.password === 'string' ? credentials.password : undefined;
  if (!bearerToken && username === undefined && auth.secretRef) {
    const values = secretValues(doc, auth.secretRef as SecretRef, namespace, 'spec.auth.secretRef');
    bearerToken = asString(values.bearerToken);
    username = asString(values.username);
    password = values.password;
    if (!bearerToken && (username === undefined || password === undefined)) {
      throw new TerminalError(
        'InvalidSecret',
        'spec.auth.secretRef: the Secret has neither a "bearerToken" key nor "username" and "password" keys',
      );
    }
  }
  let cloudToken = asString(cloud.token);
  if (!cloudToken && cloud.secretRef) {
    cloudToken = asString(
      secretValues(doc, cloud.secretRef as SecretRef, namespace, 'spec.cloud.secretRef').cloudToken,
    );
    if (!cloudToken)
      throw new TerminalError('InvalidSecret', 'spec.cloud.secretRef: the Secret has no "cloudToken" key');
  }
  return resolveTarget({
    ...pick(spec, ['baseUrl', 'path', 'organizationId', 'environmentId']),
    ...(bearerToken ? { bearerToken } : {}),
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(cloudToken ? { cloudToken } : {}),
  });
}

function pick(spec: Record<string, unknown>, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = asString(spec[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** Key of the context a resource references through `spec.contextRef` (namespace defaults to its own). */
export function contextRefKey(key: ResourceKey, data: ChangeData): ResourceKey | undefined {
  const ref = asRecord(data.spec.contextRef);
  const name = asString(ref.name);
  if (!name) return undefined;
  return {
    cluster: key.cluster,
    kind: MANAGEMENT_CONTEXT,
    namespace: asString(ref.namespace) ?? key.namespace,
    name,
  };
}

/** Looks up a referenced context in the registry and resolves its APIM target. */
export async function referencedTarget(
  contextKey: ResourceKey,
  registry: Registry,
  sealer: EnvelopeSealer,
): Promise<{ target: ApimTarget; record: ResourceRecord }> {
  const record = await registry.get(contextKey);
  if (!record || record.deleted) {
    throw new MissingReferenceError(
      'spec.contextRef',
      `ManagementContext ${contextKey.namespace}/${contextKey.name}`,
    );
  }
  const doc = await resolveDocument(record.change.data, sealer);
  return { target: contextTargetOf(doc, contextKey.namespace), record };
}
