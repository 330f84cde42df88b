/**
 * Test helpers for the admission rules: resources as a user would write them, and an in-memory lookup
 * over a set of them (with or without `list`, like `gso validate` and the functions).
 */
import type {
  AdmissionIssue,
  AdmissionResource,
  ResourceLookup,
} from '../../../../lib/admission/admission-issues.ts';

type Spec = Record<string, unknown>;

/** A gravitee.io resource of `kind` named `name` in the `default` namespace (unless `namespace` is given). */
export function resource(kind: string, name: string, spec: Spec, namespace?: string): AdmissionResource {
  return {
    apiVersion: 'gravitee.io/v1alpha1',
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec,
  };
}

/** A self-hosted ManagementContext. */
export function context(name = 'dev-ctx', spec: Spec = {}): AdmissionResource {
  return resource('ManagementContext', name, {
    baseUrl: 'http://apim.example.com:8083',
    organizationId: 'DEFAULT',
    environmentId: 'DEFAULT',
    auth: { bearerToken: 'token' },
    ...spec,
  });
}

/** A started v4 PROXY API with a keyless plan, on `/<name>`. */
export function apiV4(name = 'echo', spec: Spec = {}, namespace?: string): AdmissionResource {
  return resource(
    'ApiV4Definition',
    name,
    {
      contextRef: { name: 'dev-ctx' },
      name,
      version: '1.0',
      type: 'PROXY',
      listeners: [{ type: 'HTTP', paths: [{ path: `/${name}` }], entrypoints: [{ type: 'http-proxy' }] }],
      endpointGroups: [
        { name: 'default', type: 'http-proxy', endpoints: [{ name: 'backend', type: 'http-proxy' }] },
      ],
      plans: { keyless: { name: 'Free', security: { type: 'KEY_LESS' } } },
      ...spec,
    },
    namespace,
  );
}

/** A started v2 API with a keyless plan, on `/<name>`. */
export function apiV2(name = 'legacy', spec: Spec = {}): AdmissionResource {
  return resource('ApiDefinition', name, {
    contextRef: { name: 'dev-ctx' },
    name,
    version: '1.0',
    description: 'v2 API',
    proxy: { virtual_hosts: [{ path: `/${name}` }], groups: [] },
    plans: [{ name: 'free', description: 'free', security: 'KEY_LESS' }],
    ...spec,
  });
}

/** A simple application. */
export function application(
  name = 'client',
  settings: Spec = { app: { type: 'WEB' } },
  spec: Spec = {},
): AdmissionResource {
  return resource('Application', name, {
    contextRef: { name: 'dev-ctx' },
    name,
    description: 'client application',
    settings,
    ...spec,
  });
}

/** A subscription of `app` to plan `plan` of the v4 API `api`. */
export function subscription(api: string, app: string, plan: string, spec: Spec = {}): AdmissionResource {
  return resource('Subscription', `${app}-to-${api}`, {
    api: { name: api },
    application: { name: app },
    plan,
    ...spec,
  });
}

/** A lookup over `resources`; `withList: false` makes it a point-lookup store like the registry. */
export function lookupOf(resources: AdmissionResource[], { withList = true } = {}): ResourceLookup {
  const keyOf = (kind: string, namespace: string, name: string) => `${kind}/${namespace}/${name}`;
  const byKey = new Map(
    resources.map((r) => [keyOf(r.kind, r.metadata.namespace ?? 'default', r.metadata.name ?? ''), r]),
  );
  const get = (kind: string, namespace: string, name: string) => byKey.get(keyOf(kind, namespace, name));
  return withList ? { get, list: (kind) => resources.filter((r) => r.kind === kind) } : { get };
}

/** `field: message` of the errors only, for compact assertions. */
export function errorsOf(issues: AdmissionIssue[]): string[] {
  return issues.filter((i) => i.severity === 'error').map((i) => `${i.field}: ${i.message}`);
}

/** `field: message` of the warnings only. */
export function warningsOf(issues: AdmissionIssue[]): string[] {
  return issues.filter((i) => i.severity === 'warning').map((i) => `${i.field}: ${i.message}`);
}
