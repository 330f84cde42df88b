import { apiVersionOf, type ResourceDefinition } from './resource-definition.ts';
import type { ResourceRegistry } from './resource-registry.ts';

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** Distinct group → versions of the non-core registered resources, in registration order. */
function groups(registry: ResourceRegistry): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of registry.all()) {
    if (d.group === '') continue;
    const versions = out.get(d.group) ?? [];
    if (!versions.includes(d.version)) versions.push(d.version);
    out.set(d.group, versions);
  }
  return out;
}

function groupEntry(name: string, versions: readonly string[]) {
  const entries = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions: entries, preferredVersion: entries[0] };
}

/** `GET /api`: the legacy core group's versions. */
export function coreVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

/** `GET /apis`: every named group. */
export function groupList(registry: ResourceRegistry) {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...groups(registry)].map(([name, versions]) => groupEntry(name, versions)),
  };
}

/** `GET /apis/<group>`; undefined for an unknown group. */
export function groupDocument(registry: ResourceRegistry, group: string) {
  const versions = groups(registry).get(group);
  return versions ? { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(group, versions) } : undefined;
}

function resourceEntries(definition: ResourceDefinition) {
  const main = {
    name: definition.plural,
    singularName: definition.singular,
    namespaced: definition.namespaced,
    kind: definition.kind,
    verbs: VERBS,
    ...(definition.shortNames.length > 0 ? { shortNames: [...definition.shortNames] } : {}),
  };
  if (!definition.statusSubresource) return [main];
  const status = {
    name: `${definition.plural}/status`,
    singularName: '',
    namespaced: definition.namespaced,
    kind: definition.kind,
    verbs: ['get', 'patch', 'update'],
  };
  return [main, status];
}

/** `GET /api/v1` or `/apis/<group>/<version>`; undefined when nothing is served there. */
export function resourceList(registry: ResourceRegistry, group: string, version: string) {
  const definitions = registry.all().filter((d) => d.group === group && d.version === version);
  if (definitions.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: apiVersionOf(definitions[0] as ResourceDefinition),
    resources: definitions.flatMap(resourceEntries),
  };
}

/** `GET /version`: a plausible kube-apiserver version document. */
export function versionInfo() {
  return {
    major: '1',
    minor: '33',
    gitVersion: 'v1.33.0-fake',
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-01-01T00:00:00Z',
    goVersion: 'go1.24.0',
    compiler: 'gc',
    platform: `${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
  };
}
