/**
 * Contract of the `ApiDefinition` custom resource: a Gravitee v2 API (definition version 2.0.0)
 * with its proxy, plans, flows, services and documentation. Field names follow the APIM v2
 * definition format (snake_case and hyphenated keys included) because GKO sends the spec to the
 * management API v1 nearly as written.
 *
 * The nested structures live in `./api-v2/`; pieces GKO shares between v2 and v4 APIs are taken
 * from `./api-v4/`.
 */
import { z } from 'zod';
import { ApiV2LifecycleState, ExecutionMode, FlowMode } from './api-v2/api-enums.ts';
import { ConsoleNotificationConfiguration } from './api-v2/console-notification.ts';
import { DefinitionContext } from './api-v2/definition-context.ts';
import { Flow } from './api-v2/flow.ts';
import { Page } from './api-v2/page.ts';
import { Plan } from './api-v2/plan.ts';
import { ApiProxy } from './api-v2/proxy.ts';
import { Services } from './api-v2/service.ts';
import { ApiDefinitionStatus } from './api-v2/status.ts';
import { ApiState, ApiVisibility } from './api-v4/api-enums.ts';
import { ApiResourceEntry } from './api-v4/api-resource.ts';
import { Member } from './api-v4/member.ts';
import { MetadataEntry } from './api-v4/metadata.ts';
import { Property } from './api-v4/property.ts';
import { ResponseTemplates } from './api-v4/response-template.ts';
import { defineKind } from './kind-definition.ts';
import { ObjectRef } from './object-ref.ts';
import { customResource } from './resource.ts';
import { int64, stringList } from './schema-helpers.ts';

export { ApiDefinitionStatus };

/** Desired state of a v2 API. */
export const ApiDefinitionSpec = z
  .strictObject({
    categories: stringList().default([]).describe('Portal categories of the API.'),
    consoleNotificationConfiguration: ConsoleNotificationConfiguration.optional(),
    contextRef: ObjectRef.optional().describe('ManagementContext used to sync the API with APIM.'),
    crossId: z.string().optional().describe('Identifies the API across environments when promoting it.'),
    definition_context: DefinitionContext.optional(),
    deployedAt: int64().optional().describe('When the API was last deployed (epoch milliseconds).'),
    description: z.string().describe('API description.'),
    execution_mode: ExecutionMode.default('v4-emulation-engine').describe('Gateway engine running the API.'),
    flow_mode: FlowMode.default('DEFAULT').describe('How flows are matched.'),
    flows: z.array(Flow).default([]).describe('API-level flows.'),
    gravitee: z.string().default('2.0.0').describe('Definition version; always 2.0.0 for this kind.'),
    groupRefs: z.array(ObjectRef).default([]).describe('Group custom resources granted access to the API.'),
    groups: stringList().default([]).describe('APIM groups (names or ids) granted access to the API.'),
    id: z.string().optional().describe('API id; derived from the resource when empty.'),
    labels: stringList().default([]).describe('Labels of the API.'),
    lifecycle_state: ApiV2LifecycleState.default('CREATED').describe('Portal life cycle state.'),
    local: z
      .boolean()
      .default(false)
      .describe('Let gateways load the API from Kubernetes instead of the management repository.'),
    members: z.array(Member).optional().describe('Users granted a role on the API.'),
    metadata: z.array(MetadataEntry).default([]).describe('API metadata entries.'),
    name: z.string().describe('API name.'),
    notificationsRefs: z
      .array(ObjectRef)
      .default([])
      .describe('Notification custom resources configuring notifications for the API.'),
    notifyMembers: z.boolean().default(true).describe('Notify members added to the API when it is synced.'),
    pages: z.record(z.string(), Page).optional().describe('Documentation pages, by stable key.'),
    path_mappings: stringList().optional().describe('Path patterns reported separately in analytics.'),
    plans: z.array(Plan).default([]).describe('Plans of the API, matched by name when syncing.'),
    properties: z.array(Property).default([]).describe('Properties available to policies.'),
    proxy: ApiProxy.optional(),
    resources: z
      .array(ApiResourceEntry)
      .default([])
      .describe('Resources used by policies, inline or referencing ApiResource objects.'),
    response_templates: ResponseTemplates.optional(),
    services: Services.optional(),
    state: ApiState.default('STARTED').describe('STOPPED makes the API unreachable through gateways.'),
    tags: stringList().optional().describe('Sharding tags selecting the gateways that deploy the API.'),
    version: z.string().describe('API version.'),
    visibility: ApiVisibility.default('PRIVATE').describe(
      'Whether the API is visible to anonymous portal users.',
    ),
  })
  .describe('Desired state of a Gravitee v2 API.');

/** A complete ApiDefinition resource. */
export const ApiDefinitionResource = customResource('ApiDefinition', ApiDefinitionSpec, ApiDefinitionStatus);

/** ApiDefinition spec after defaults are applied. */
export type ApiDefinitionSpec = z.infer<typeof ApiDefinitionSpec>;
/** ApiDefinition spec as written by a user (defaults not yet applied). */
export type ApiDefinitionSpecInput = z.input<typeof ApiDefinitionSpec>;
/** An ApiDefinition resource after defaults are applied. */
export type ApiDefinitionResource = z.infer<typeof ApiDefinitionResource>;
/** An ApiDefinition resource as written by a user (defaults not yet applied). */
export type ApiDefinitionResourceInput = z.input<typeof ApiDefinitionResource>;

/** The ApiDefinition kind (v2 APIs). */
export const apiDefinitionKind = defineKind({
  kind: 'ApiDefinition',
  plural: 'apidefinitions',
  shortNames: ['graviteeapis'],
  // GKO guards v2 and v4 APIs with the same finalizer.
  finalizer: 'finalizers.gravitee.io/apidefinitiondeletion',
  description: 'A Gravitee v2 API definition.',
  spec: ApiDefinitionSpec,
  status: ApiDefinitionStatus,
  resource: ApiDefinitionResource,
  printerColumns: [
    {
      name: 'Entrypoint',
      jsonPath: '.spec.proxy.virtual_hosts[*].path',
      type: 'string',
      description: 'API entrypoint.',
    },
    {
      name: 'Endpoint',
      jsonPath: '.spec.proxy.groups[*].endpoints[*].target',
      type: 'string',
      description: 'API endpoint.',
    },
    { name: 'Version', jsonPath: '.spec.version', type: 'string', description: 'API version.' },
  ],
});
