import type {
  ApiV4ResolvedReferences,
  ResolvedSharedPolicyGroup,
} from '../apim/payload/api-v4-references.ts';
import { isJsonObject, type JsonObject } from '../apim/payload/json-object.ts';
import type { ClusterApi, ClusterObject, ResourceType } from '../ports/cluster.ts';
import type { GatewayConfigMapInputs } from './gateway-config-map.ts';
import { SpecSecrets } from './spec-secrets.ts';
import { ReferenceLookup } from './templating/reference-reader.ts';
import { resolveSpecTemplates } from './templating/resolve-spec-templates.ts';
import { isTemplatedKind } from './templating/templated-kinds.ts';

/** What a gateway ConfigMap is built from, read from the cluster. */
export interface GatewayConfigMapSources {
  /** The API with its templates rendered (plaintext: only ever written into the ConfigMap). */
  object: ClusterObject;
  inputs: GatewayConfigMapInputs;
  /** References that could not be resolved (never a value): the ConfigMap must not be written. */
  problems: string[];
}

const FLOW_PHASES = ['request', 'response', 'subscribe', 'publish', 'connect', 'interact'] as const;

interface Ref {
  name: string;
  namespace: string;
}

/**
 * Reads, in the cluster, what GKO resolves before it writes an API's ConfigMap (`createOrUpdateV4/V2`):
 * templates (`[[ secret … ]]`, `[[ configmap … ]]`) of the API and of the ApiResources and
 * SharedPolicyGroups it references, those references themselves, Group names, and the ids of the
 * referenced ManagementContext. A missing ApiResource or SharedPolicyGroup, or a template that cannot
 * be resolved, is a problem (GKO's reconcile fails and leaves the ConfigMap as it was); a missing Group
 * is skipped, as GKO does.
 */
export async function readGatewayConfigMapSources(
  cluster: ClusterApi,
  kinds: readonly ResourceType[],
  kind: string,
  object: ClusterObject,
  options: { templating: boolean },
): Promise<GatewayConfigMapSources> {
  const problems: string[] = [];
  const namespace = object.metadata.namespace;
  const typeOf = (name: string) => kinds.find((k) => k.kind === name);
  const lookup = new ReferenceLookup({
    readSecret: (ns, name) => cluster.readSecret(ns, name),
    readConfigMap: (ns, name) => cluster.readConfigMap(ns, name),
  });
  const render = async (resourceKind: string, spec: Record<string, unknown> | undefined, ns: string) => {
    const doc = new SpecSecrets(spec);
    if (options.templating && isTemplatedKind(resourceKind)) await resolveSpecTemplates(doc, ns, lookup);
    problems.push(...doc.problems.map((p) => `${resourceKind} ${ns}: ${p.message}`));
    return doc.spec;
  };
  const readSpecOf = async (resourceKind: string, ref: Ref) => {
    const type = typeOf(resourceKind);
    const found = type ? await cluster.get(type, ref.namespace, ref.name) : undefined;
    return found ? { found, spec: await render(resourceKind, found.spec, ref.namespace) } : undefined;
  };

  const spec = await render(kind, object.spec, namespace);
  const resources: Record<string, JsonObject> = {};
  const sharedPolicyGroups: Record<string, ResolvedSharedPolicyGroup> = {};
  const groups: string[] = [];

  for (const ref of refsIn(spec.resources, 'ref', namespace)) {
    const read = await readSpecOf('ApiResource', ref);
    if (!read) problems.push(`spec.resources: ApiResource ${ref.namespace}/${ref.name} not found`);
    else resources[`${ref.namespace}/${ref.name}`] = read.spec;
  }
  if (kind === 'ApiV4Definition') {
    for (const ref of sharedPolicyGroupRefs(spec, namespace)) {
      const read = await readSpecOf('SharedPolicyGroup', ref);
      if (!read) {
        problems.push(`flow step: SharedPolicyGroup ${ref.namespace}/${ref.name} not found`);
        continue;
      }
      sharedPolicyGroups[`${ref.namespace}/${ref.name}`] = {
        name: read.found.metadata.name,
        crossId: stringOf(read.found.status?.crossId),
        hrid: stringOf(read.spec.hrid),
      };
    }
  }
  const groupType = typeOf('Group');
  for (const ref of refsIn(spec.groupRefs, undefined, namespace)) {
    const group = groupType ? await cluster.get(groupType, ref.namespace, ref.name) : undefined;
    const name = stringOf(group?.spec?.name);
    if (name && !groups.includes(name)) groups.push(name);
  }

  const resolved: ApiV4ResolvedReferences = {
    ...(Object.keys(resources).length ? { resources } : {}),
    ...(Object.keys(sharedPolicyGroups).length ? { sharedPolicyGroups } : {}),
    ...(groups.length ? { groups } : {}),
  };
  const inputs: GatewayConfigMapInputs = { resolved };
  const contextRef = refsIn([spec.contextRef], undefined, namespace)[0];
  const contextType = typeOf('ManagementContext');
  if (contextRef && contextType && !object.status?.organizationId) {
    const context = await cluster.get(contextType, contextRef.namespace, contextRef.name);
    if (context?.spec) {
      inputs.context = {
        organizationId: stringOf(context.spec.organizationId),
        environmentId: stringOf(context.spec.environmentId),
      };
    }
  }
  return { object: { ...object, spec }, inputs, problems };
}

/** `{ name, namespace? }` references found in a list (at `field` of each entry, or the entries themselves). */
function refsIn(list: unknown, field: string | undefined, namespace: string): Ref[] {
  if (!Array.isArray(list)) return [];
  return list
    .map((entry) => (field && isJsonObject(entry) ? entry[field] : entry))
    .filter((ref): ref is JsonObject => isJsonObject(ref) && typeof ref.name === 'string' && ref.name !== '')
    .map((ref) => ({ name: ref.name as string, namespace: stringOf(ref.namespace) || namespace }));
}

function sharedPolicyGroupRefs(spec: Record<string, unknown>, namespace: string): Ref[] {
  const flows = [
    ...(Array.isArray(spec.flows) ? spec.flows : []),
    ...(isJsonObject(spec.plans)
      ? Object.values(spec.plans).flatMap((plan) =>
          isJsonObject(plan) && Array.isArray(plan.flows) ? plan.flows : [],
        )
      : []),
  ];
  const steps = flows.flatMap((flow) =>
    isJsonObject(flow) ? FLOW_PHASES.flatMap((phase) => (Array.isArray(flow[phase]) ? flow[phase] : [])) : [],
  );
  const refs = refsIn(steps, 'sharedPolicyGroupRef', namespace);
  return refs.filter(
    (ref, i) => refs.findIndex((r) => r.name === ref.name && r.namespace === ref.namespace) === i,
  );
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
