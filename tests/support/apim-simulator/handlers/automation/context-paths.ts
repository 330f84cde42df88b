import { isJsonObject, type JsonObject, objectItems, stringMember } from '../../json.ts';

/** A context path an HTTP listener claims, after APIM's sanitization. */
export interface ListenerPath {
  readonly host?: string;
  readonly path: string;
}

/**
 * APIM's path sanitization: an empty path is `/`, a leading and a trailing slash are added, and runs of
 * slashes collapse, so `/orders` and `orders//` both become `/orders/`.
 */
export function sanitizeContextPath(path: string): string {
  let sanitized = path === '' ? '/' : path;
  if (!sanitized.startsWith('/')) {
    sanitized = `/${sanitized}`;
  }
  if (!sanitized.endsWith('/')) {
    sanitized = `${sanitized}/`;
  }
  return sanitized.replace(/\/{2,}/g, '/');
}

/** Sanitized paths of the spec's HTTP listeners; `undefined` when it has no HTTP listener. */
export function httpListenerPaths(spec: JsonObject): ListenerPath[] | undefined {
  const listeners = objectItems(spec, 'listeners').filter((listener) => listener.type === 'HTTP');
  if (listeners.length === 0) {
    return undefined;
  }
  return listeners.flatMap((listener) =>
    objectItems(listener, 'paths').map((entry) => {
      const host = stringMember(entry, 'host');
      return { ...(host ? { host } : {}), path: sanitizeContextPath(stringMember(entry, 'path') ?? '') };
    }),
  );
}

/**
 * Sanitized paths of a v2 API's `proxy.virtual_hosts` (host and path, as APIM's path extraction reads them);
 * `undefined` when the spec has no `proxy`, i.e. is not a v2 API definition.
 */
export function virtualHostPaths(spec: JsonObject): ListenerPath[] | undefined {
  const proxy = spec.proxy;
  if (!isJsonObject(proxy)) {
    return undefined;
  }
  return objectItems(proxy, 'virtual_hosts').map((virtualHost) => {
    const host = stringMember(virtualHost, 'host');
    return { ...(host ? { host } : {}), path: sanitizeContextPath(stringMember(virtualHost, 'path') ?? '') };
  });
}

/** The context paths an API claims: a v4 API's HTTP listener paths, or a v2 API's virtual hosts. */
export function claimedContextPaths(spec: JsonObject): ListenerPath[] | undefined {
  return httpListenerPaths(spec) ?? virtualHostPaths(spec);
}

/**
 * Severe errors APIM's path verification reports for `spec` (a v4 or a v2 API), given the other APIs of the
 * environment (v4 and v2 alike, which APIM checks together):
 * an HTTP listener needs a path, a path may not be listed twice, and a path may not overlap (be a
 * prefix of, or extend) a path of another API on the same host, or with no host on either side.
 */
export function contextPathErrors(spec: JsonObject, otherApiSpecs: readonly JsonObject[]): string[] {
  const candidate = claimedContextPaths(spec);
  if (candidate === undefined) {
    return [];
  }
  if (candidate.length === 0) {
    return ['HTTP listener requires a minimum of one path'];
  }
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const entry of candidate) {
    const key = `${entry.host ?? ''} ${entry.path}`;
    if (seen.has(key)) {
      errors.push(`Path [${entry.path}] is duplicated`);
    }
    seen.add(key);
  }
  const existing = otherApiSpecs.flatMap((other) => claimedContextPaths(other) ?? []);
  for (const entry of candidate) {
    const conflict = existing.find(
      (taken) =>
        (taken.host ?? '') === (entry.host ?? '') &&
        (taken.path.startsWith(entry.path) || entry.path.startsWith(taken.path)),
    );
    if (conflict) {
      errors.push(`Path [${conflict.path}] already exists`);
    }
  }
  return errors;
}
