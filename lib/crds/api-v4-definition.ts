/**
 * Contract of the `ApiV4Definition` custom resource: a Gravitee v4 API (proxy, message, native,
 * LLM/MCP/A2A proxy) with its plans, flows, endpoints and documentation.
 *
 * The nested structures live in `./api-v4/`; this module assembles the spec, status and resource.
 */
import { z } from 'zod';
import { Analytics } from './api-v4/analytics.ts';
import {
  ApiState,
  ApiType,
  ApiV4DefinitionVersion,
  ApiVisibility,
  LifecycleState,
} from './api-v4/api-enums.ts';
import { ApiResourceEntry } from './api-v4/api-resource.ts';
import { ConsoleNotification } from './api-v4/console-notification.ts';
import { DefinitionContext } from './api-v4/definition-context.ts';
import { EndpointGroup } from './api-v4/endpoint-group.ts';
import { Failover } from './api-v4/failover.ts';
import { Flow, FlowExecution } from './api-v4/flow.ts';
import { Listener } from './api-v4/listener.ts';
import { Member } from './api-v4/member.ts';
import { MetadataEntry } from './api-v4/metadata.ts';
import { Page } from './api-v4/page.ts';
import { Plan } from './api-v4/plan.ts';
import { NavigationPath } from './api-v4/portal-navigation.ts';
import { Property } from './api-v4/property.ts';
import { ResponseTemplates } from './api-v4/response-template.ts';
import { ApiServices } from './api-v4/service.ts';
import { ApiV4DefinitionStatus } from './api-v4/status.ts';
import { defineKind } from './kind-definition.ts';
import { ObjectRef } from './object-ref.ts';
import { customResource } from './resource.ts';
import { stringList } from './schema-helpers.ts';

export { ApiV4DefinitionStatus };

/** Desired state of a v4 API. */
export const ApiV4DefinitionSpec = z
  .strictObject({
    allowMultiJwtOauth2Subscriptions: z
      .boolean()
      .optional()
      .describe('Let an application subscribe to several JWT/OAuth2 plans of this API.'),
    allowedInApiProducts: z.boolean().optional().describe('Whether the API may be part of API products.'),
    analytics: Analytics.optional(),
    categories: stringList().default([]).describe('Portal categories of the API.'),
    consoleNotification: ConsoleNotification.optional(),
    contextRef: ObjectRef.optional().describe('ManagementContext used to sync the API with APIM.'),
    crossId: z.string().optional().describe('Identifies the API across environments when promoting it.'),
    definitionContext: DefinitionContext.optional(),
    definitionVersion: ApiV4DefinitionVersion.default('V4').describe('Definition version of the API.'),
    description: z.string().optional().describe('API description.'),
    endpointGroups: z.array(EndpointGroup).min(1).describe('Backend endpoint groups.'),
    failover: Failover.optional(),
    flowExecution: FlowExecution.optional(),
    flows: z.array(Flow).default([]).describe('API-level flows.'),
    groupRefs: z.array(ObjectRef).default([]).describe('Group custom resources granted access to the API.'),
    groups: stringList().default([]).describe('APIM groups (names or ids) granted access to the API.'),
    hrid: z.string().optional().describe('Human-readable id of the API.'),
    id: z.string().optional().describe('API id; derived from the resource when empty.'),
    labels: stringList().default([]).describe('Labels of the API.'),
    lifecycleState: LifecycleState.default('UNPUBLISHED').describe('Portal life cycle state.'),
    listeners: z
      .array(Listener)
      .min(1)
      .describe('How clients reach the API; each listener is typed by its "type" field.'),
    members: z.array(Member).optional().describe('Users granted a role on the API.'),
    metadata: z.array(MetadataEntry).default([]).describe('API metadata entries.'),
    name: z.string().describe('API name.'),
    notificationsRefs: z
      .array(ObjectRef)
      .default([])
      .describe('Notification custom resources configuring notifications for the API.'),
    notifyMembers: z.boolean().default(true).describe('Notify members added to the API when it is synced.'),
    pages: z.record(z.string(), Page).optional().describe('Documentation pages, by stable key.'),
    plans: z.record(z.string(), Plan).optional().describe('Plans, by stable key used to keep them in sync.'),
    portalNavigation: z
      .array(NavigationPath)
      .optional()
      .describe('Documentation navigation tree for the next-gen portal.'),
    properties: z.array(Property).default([]).describe('Properties available to policies.'),
    resources: z
      .array(ApiResourceEntry)
      .default([])
      .describe('Resources used by policies, inline or referencing ApiResource objects.'),
    responseTemplates: ResponseTemplates.optional(),
    services: ApiServices.optional(),
    state: ApiState.default('STARTED').describe('STOPPED makes the API unreachable through gateways.'),
    tags: stringList().optional().describe('Sharding tags selecting the gateways that deploy the API.'),
    type: ApiType.describe('API type.'),
    version: z.string().describe('API version.'),
    visibility: ApiVisibility.default('PRIVATE').describe(
      'Whether the API is visible to anonymous portal users.',
    ),
  })
  .describe('Desired state of a Gravitee v4 API.');

/** A complete ApiV4Definition resource. */
export const ApiV4DefinitionResource = customResource(
  'ApiV4Definition',
  ApiV4DefinitionSpec,
  ApiV4DefinitionStatus,
);

/** ApiV4Definition spec after defaults are applied. */
export type ApiV4DefinitionSpec = z.infer<typeof ApiV4DefinitionSpec>;
/** ApiV4Definition spec as written by a user (defaults not yet applied). */
export type ApiV4DefinitionSpecInput = z.input<typeof ApiV4DefinitionSpec>;
/** An ApiV4Definition resource after defaults are applied. */
export type ApiV4DefinitionResource = z.infer<typeof ApiV4DefinitionResource>;
/** An ApiV4Definition resource as written by a user (defaults not yet applied). */
export type ApiV4DefinitionResourceInput = z.input<typeof ApiV4DefinitionResource>;

/** The ApiV4Definition kind. */
export const apiV4DefinitionKind = defineKind({
  kind: 'ApiV4Definition',
  plural: 'apiv4definitions',
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
});
