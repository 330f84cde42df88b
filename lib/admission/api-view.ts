/**
 * A uniform reading of the two API kinds (ApiDefinition v2, ApiV4Definition), for the rules that apply
 * to both and for the kinds that reference APIs (Subscription, Documentation, PortalListing).
 */
import { entries, list, record, text } from './accessors.ts';
import { fieldPath } from './issue.ts';
import type { LookedUpResource } from './lookup.ts';
import { type ApiKind, type ObjectReference, referenceAt } from './references.ts';
import { namespaceOf } from './rule.ts';

/** One plan of an API. */
export interface ApiPlan {
  /** How subscriptions name the plan: its key in a v4 `plans` map, its `name` in a v2 `plans` list. */
  key: string;
  /** Path of the plan in the API's manifest. */
  field: string;
  /** `KEY_LESS`, `API_KEY`, `JWT`, `OAUTH2`, `MTLS`… (empty when unset). */
  securityType: string;
}

/** One context path an API claims on the gateway, with where it is declared. */
export interface ContextPath {
  /** `path`, or `host/path` when the entry names a host. */
  path: string;
  field: string;
}

/** An API, whatever its kind. */
export interface ApiView {
  kind: ApiKind;
  name: string;
  namespace: string;
  spec: Record<string, unknown>;
  /** `STARTED` unless the manifest says `STOPPED` (the CRD default is STARTED). */
  state: string;
  plans: ApiPlan[];
  contextRef: ObjectReference | undefined;
  /** Whether gateways take the definition from APIM (only such APIs accept subscriptions). */
  syncsFromManagement: boolean;
  contextPaths: ContextPath[];
  /** `status.processingStatus` when the resource has been processed. */
  processingStatus: string | undefined;
}

function v4Plans(spec: Record<string, unknown>): ApiPlan[] {
  return entries(spec.plans).map(([key, plan]) => ({
    key,
    field: fieldPath('spec', 'plans', key),
    securityType: text(record(plan.security).type) ?? '',
  }));
}

function v2Plans(spec: Record<string, unknown>): ApiPlan[] {
  return list(spec.plans).map((item, index) => {
    const plan = record(item);
    return {
      key: text(plan.name) ?? '',
      field: fieldPath('spec', 'plans', index),
      securityType: text(plan.security) ?? '',
    };
  });
}

function joinHost(host: string | undefined, path: string): string {
  return host ? `${host}/${path}` : path;
}

function v4ContextPaths(spec: Record<string, unknown>): ContextPath[] {
  const paths: ContextPath[] = [];
  list(spec.listeners).forEach((item, index) => {
    const listener = record(item);
    const type = text(listener.type)?.toUpperCase();
    if (type === 'HTTP') {
      list(listener.paths).forEach((entry, entryIndex) => {
        const { host, path } = record(entry);
        paths.push({
          path: joinHost(text(host), typeof path === 'string' ? path : ''),
          field: fieldPath('spec', 'listeners', index, 'paths', entryIndex, 'path'),
        });
      });
    } else if (type === 'TCP') {
      list(listener.hosts).forEach((host, hostIndex) => {
        if (typeof host === 'string')
          paths.push({ path: host, field: fieldPath('spec', 'listeners', index, 'hosts', hostIndex) });
      });
    }
  });
  return paths;
}

function v2ContextPaths(spec: Record<string, unknown>): ContextPath[] {
  return list(record(spec.proxy).virtual_hosts).map((item, index) => {
    const { host, path } = record(item);
    return {
      path: joinHost(text(host), typeof path === 'string' ? path : ''),
      field: fieldPath('spec', 'proxy', 'virtual_hosts', index, 'path'),
    };
  });
}

/**
 * GKO's rule for "the gateways read this API from APIM": a v4 API unless its definition context says
 * `syncFrom: KUBERNETES`; a v2 API unless it is `local` without a `syncFrom: management` context.
 */
function syncsFromManagement(kind: ApiKind, spec: Record<string, unknown>): boolean {
  if (kind === 'ApiV4Definition') {
    const syncFrom = text(record(spec.definitionContext).syncFrom);
    return syncFrom === undefined || syncFrom.toUpperCase() === 'MANAGEMENT';
  }
  const local = spec.local === true;
  const syncFrom = text(record(spec.definition_context).syncFrom);
  return !local || syncFrom?.toLowerCase() === 'management';
}

/** Reads an API of either kind. */
export function apiView(kind: ApiKind, resource: LookedUpResource): ApiView {
  const spec = record(resource.spec);
  const namespace = namespaceOf(resource);
  return {
    kind,
    name: text(resource.metadata?.name) ?? '',
    namespace,
    spec,
    state: text(spec.state) ?? 'STARTED',
    plans: kind === 'ApiV4Definition' ? v4Plans(spec) : v2Plans(spec),
    contextRef: referenceAt(spec.contextRef, namespace),
    syncsFromManagement: syncsFromManagement(kind, spec),
    contextPaths: kind === 'ApiV4Definition' ? v4ContextPaths(spec) : v2ContextPaths(spec),
    processingStatus: text(record(resource.status).processingStatus),
  };
}

/** The plan subscriptions call `key`, if the API has it. */
export function planOf(api: ApiView, key: string): ApiPlan | undefined {
  return api.plans.find((plan) => plan.key === key);
}
