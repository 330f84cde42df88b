/**
 * Registry of the custom resource kinds the operator handles.
 *
 * Adding a kind means writing its contract module (spec, status, resource schemas) and adding one
 * entry below; the CRD generator, the validator and the watchers all iterate this registry.
 */
import type { z } from 'zod';
import { ApiV4DefinitionResource, ApiV4DefinitionSpec, ApiV4DefinitionStatus } from './api-v4-definition.ts';
import {
  ManagementContextResource,
  ManagementContextSpec,
  ManagementContextStatus,
} from './management-context.ts';

/** Names of the supported kinds. */
export type KindName = 'ManagementContext' | 'ApiV4Definition';

/** An extra column shown by `kubectl get`. */
export interface PrinterColumn {
  name: string;
  jsonPath: string;
  type: string;
  description?: string;
}

/** Everything needed to serve, validate and publish the CRD of one kind. */
export interface KindDefinition {
  kind: KindName;
  group: 'gravitee.io';
  version: 'v1alpha1';
  /** Resource scope; every Gravitee kind is namespaced. */
  scope: 'Namespaced';
  plural: string;
  singular: string;
  listKind: string;
  shortNames: string[];
  /** Finalizer guarding APIM clean-up; GKO's name so resources it created are adopted. */
  finalizer: string;
  /** Description of the whole resource, shown by `kubectl explain`. */
  description: string;
  spec: z.ZodType;
  status: z.ZodType;
  resource: z.ZodType;
  printerColumns: PrinterColumn[];
}

/** Every supported kind, by name. */
export const kinds: Record<KindName, KindDefinition> = {
  ManagementContext: {
    kind: 'ManagementContext',
    group: 'gravitee.io',
    version: 'v1alpha1',
    scope: 'Namespaced',
    plural: 'managementcontexts',
    singular: 'managementcontext',
    listKind: 'ManagementContextList',
    shortNames: ['graviteecontexts'],
    finalizer: 'finalizers.gravitee.io/managementcontextdeletion',
    description: 'Connection and credentials for one Gravitee API Management environment.',
    spec: ManagementContextSpec,
    status: ManagementContextStatus,
    resource: ManagementContextResource,
    printerColumns: [{ name: 'BaseUrl', jsonPath: '.spec.baseUrl', type: 'string' }],
  },
  ApiV4Definition: {
    kind: 'ApiV4Definition',
    group: 'gravitee.io',
    version: 'v1alpha1',
    scope: 'Namespaced',
    plural: 'apiv4definitions',
    singular: 'apiv4definition',
    listKind: 'ApiV4DefinitionList',
    shortNames: ['graviteev4apis'],
    finalizer: 'finalizers.gravitee.io/apidefinitiondeletion',
    description: 'A Gravitee v4 API definition.',
    spec: ApiV4DefinitionSpec,
    status: ApiV4DefinitionStatus,
    resource: ApiV4DefinitionResource,
    printerColumns: [
      { name: 'State', jsonPath: '.spec.state', type: 'string', description: 'State' },
      {
        name: 'Lifecycle State',
        jsonPath: '.spec.lifecycleState',
        type: 'string',
        description: 'Lifecycle State',
      },
      { name: 'Version', jsonPath: '.spec.version', type: 'string', description: 'API version.' },
    ],
  },
};

/** All kind definitions, in registry order. */
export function allKinds(): KindDefinition[] {
  return Object.values(kinds);
}

/** Finds a kind by its plural resource name (e.g. `apiv4definitions`). */
export function kindByPlural(plural: string): KindDefinition | undefined {
  return allKinds().find((definition) => definition.plural === plural);
}

/** Finds a kind by its `kind` name, or `undefined` when the operator does not handle it. */
export function kindByName(kind: string): KindDefinition | undefined {
  return Object.hasOwn(kinds, kind) ? kinds[kind as KindName] : undefined;
}

/** `group/version` of a kind, as written in `apiVersion`. */
export function apiVersionOf(definition: KindDefinition): string {
  return `${definition.group}/${definition.version}`;
}
