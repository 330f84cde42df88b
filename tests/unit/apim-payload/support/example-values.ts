import { gkoExamplesOfKind } from './gko-examples.ts';

type Values = Map<string, string>;

let secretValues: Values | undefined;
let configMapValues: Values | undefined;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `<name>/<key>` → value of every Secret of GKO's examples (`data` base64-decoded, `stringData` as is). */
function secrets(): Values {
  if (!secretValues) {
    secretValues = new Map();
    for (const { manifest } of gkoExamplesOfKind('Secret')) {
      const document = manifest as Record<string, unknown>;
      const name = String(manifest.metadata?.name);
      const data = isObject(document.data) ? document.data : {};
      const stringData = isObject(document.stringData) ? document.stringData : {};
      for (const [key, value] of Object.entries(data)) {
        if (!secretValues.has(`${name}/${key}`))
          secretValues.set(`${name}/${key}`, Buffer.from(String(value), 'base64').toString('utf8'));
      }
      for (const [key, value] of Object.entries(stringData)) {
        if (!secretValues.has(`${name}/${key}`)) secretValues.set(`${name}/${key}`, String(value));
      }
    }
  }
  return secretValues;
}

/** `<name>/<key>` → value of every ConfigMap of GKO's examples. */
function configMaps(): Values {
  if (!configMapValues) {
    configMapValues = new Map();
    for (const { manifest } of gkoExamplesOfKind('ConfigMap')) {
      const document = manifest as Record<string, unknown>;
      const name = String(manifest.metadata?.name);
      for (const [key, value] of Object.entries(isObject(document.data) ? document.data : {})) {
        if (!configMapValues.has(`${name}/${key}`)) configMapValues.set(`${name}/${key}`, String(value));
      }
    }
  }
  return configMapValues;
}

function lookUp(kind: string, reference: string): string {
  const value = (kind === 'configmap' || kind === 'configmaps' ? configMaps() : secrets()).get(reference);
  if (value === undefined) throw new Error(`no ${kind} ${reference} among GKO's examples`);
  return value;
}

/** GKO's template notation: `[[ secret "name/key" ]]` or `[[ configmap \`name/key\` ]]`. */
const TEMPLATE = /\[\[\s*(secret|configmap)\s+["`]([^"`]+)["`]\s*\]\]/g;

function renderTemplates(value: unknown): unknown {
  if (typeof value === 'string')
    return value.replace(TEMPLATE, (_match, kind, reference) => lookUp(kind, reference));
  if (Array.isArray(value)) return value.map(renderTemplates);
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderTemplates(v)]));
  return value;
}

/**
 * A copy of a spec as the watcher hands it to a function, values taken from the Secrets and ConfigMaps of
 * GKO's examples: `[[ secret … ]]` / `[[ configmap … ]]` templates rendered, and each application client
 * certificate with a `ref` given that value as `content` (the `ref` is kept, as the watcher keeps it).
 * Throws when an example names a value no example provides, so a placeholder never passes for a value.
 */
export function asDeliveredSpec<T>(spec: T): T {
  const copy = renderTemplates(structuredClone(spec)) as T;
  const settings = isObject(copy) && isObject(copy.settings) ? copy.settings : undefined;
  const tls = settings && isObject(settings.tls) ? settings.tls : undefined;
  const certificates = tls && Array.isArray(tls.clientCertificates) ? tls.clientCertificates : [];
  for (const certificate of certificates) {
    if (!isObject(certificate) || !isObject(certificate.ref)) continue;
    const ref = certificate.ref;
    certificate.content = lookUp(
      String(ref.kind ?? 'secrets'),
      `${String(ref.name)}/${String(ref.key ?? 'tls.crt')}`,
    );
  }
  return copy;
}
