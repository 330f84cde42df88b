import { type ApiView, apiView } from '../api-view.ts';
import { type AdmissionIssue, admissionError } from '../issue.ts';
import { type ApiKind, apiKindOf } from '../references.ts';
import type { AdmissionContext } from '../rule.ts';

const API_KINDS: ApiKind[] = ['ApiDefinition', 'ApiV4Definition'];
const HTTP_ROUTE = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute' };

/** Go's `path.Clean`: GKO compares paths cleaned, so `/a/`, `/a` and `//a/./` collide. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(segment);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** What Go's `url.Parse` refuses in a path: control characters and broken percent escapes. */
function isParsablePath(path: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is rejected.
  if (/[\u0000-\u001f\u007f]/.test(path)) return false;
  return !/%(?![0-9a-fA-F]{2})/.test(path);
}

/**
 * An API may not claim a context path (v2 virtual host, v4 HTTP listener path, `host/path` when a host
 * is set, or TCP host) that another API already claims, in its namespace or, with the cluster scope,
 * anywhere. Needs the lookup's `list`. APIs generated from an HTTPRoute are exempt, as in GKO.
 */
export function contextPathsAreFree(context: AdmissionContext): AdmissionIssue[] {
  const { resource, lookup, namespace, name, contextPathScope } = context;
  const kind = apiKindOf(resource.kind);
  if (!kind) return [];
  const owners = resource.metadata?.ownerReferences ?? [];
  if (owners.some((o) => o.apiVersion === HTTP_ROUTE.apiVersion && o.kind === HTTP_ROUTE.kind)) return [];
  const api = apiView(kind, resource);
  const issues: AdmissionIssue[] = [];
  for (const { path, field } of api.contextPaths) {
    if (!isParsablePath(path))
      issues.push(admissionError(field, `context path "${path}" is not a valid path`));
  }
  if (!lookup.list) return issues;
  const others: ApiView[] = [];
  for (const otherKind of API_KINDS) {
    for (const other of lookup.list(otherKind)) {
      const view = apiView(otherKind, other);
      if (otherKind === kind && view.name === name && view.namespace === namespace) continue;
      if (contextPathScope === 'namespace' && view.namespace !== namespace) continue;
      others.push(view);
    }
  }
  for (const { path, field } of api.contextPaths) {
    const cleaned = cleanPath(path);
    const owner = others.find((other) => other.contextPaths.some((p) => cleanPath(p.path) === cleaned));
    if (owner) {
      issues.push(
        admissionError(
          field,
          `context path "${path}" is already used by ${owner.kind} ${owner.namespace}/${owner.name}`,
        ),
      );
    }
  }
  return issues;
}
