import { minimalApiSpec } from './api-fixture.ts';
import type { Exchange } from './automation-client.ts';

/** A plan of the automation `PlanV4` shape. */
export interface PlanFixture {
  readonly hrid: string;
  readonly security?: 'KEY_LESS' | 'API_KEY' | 'JWT' | 'OAUTH2' | 'MTLS';
  readonly status?: 'STAGING' | 'PUBLISHED' | 'DEPRECATED' | 'CLOSED';
  readonly mode?: 'STANDARD' | 'PUSH';
}

/** A V4 proxy API (see `minimalApiSpec`) whose plans are `plans`, published and STANDARD unless told otherwise. */
export function apiWithPlans(hrid: string, plans: readonly PlanFixture[]): Record<string, unknown> {
  return {
    ...minimalApiSpec(hrid),
    plans: plans.map((plan) => ({
      hrid: plan.hrid,
      name: `Plan ${plan.hrid}`,
      ...(plan.mode === 'PUSH' ? {} : { security: { type: plan.security ?? 'API_KEY' } }),
      status: plan.status ?? 'PUBLISHED',
      type: 'API',
      mode: plan.mode ?? 'STANDARD',
      validation: 'AUTO',
    })),
  };
}

/** A simple application. */
export function applicationSpec(hrid: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { hrid, name: `Application ${hrid}`, description: `The ${hrid} application`, ...extra };
}

/** A group without members. */
export function groupSpec(hrid: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { hrid, name: `Group ${hrid}`, ...extra };
}

/** A deployed MANUAL dictionary with one property. */
export function manualDictionarySpec(
  hrid: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    hrid,
    name: `Dictionary ${hrid}`,
    type: 'MANUAL',
    deployed: true,
    manual: { properties: { region: 'eu-west-1' } },
    ...extra,
  };
}

/** A PROXY request-phase shared policy group with one step. */
export function sharedPolicyGroupSpec(
  hrid: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    hrid,
    name: `Policy group ${hrid}`,
    description: 'Adds a header',
    apiType: 'PROXY',
    phase: 'REQUEST',
    steps: [
      {
        name: 'Add header',
        enabled: true,
        policy: 'transform-headers',
        configuration: { addHeaders: [{ name: 'x-team', value: 'orders' }] },
      },
    ],
    ...extra,
  };
}

/** A portal with a two-level navigation. */
export function portalSpec(hrid: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    hrid,
    name: `Portal ${hrid}`,
    navigation: [{ path: '/products', displayName: 'Products' }, { path: '/products/orders' }],
    ...extra,
  };
}

/** A listing placing `apiHrid` under `/products`. */
export function listingSpec(
  hrid: string,
  apiHrid = 'orders-api',
  location = '/products',
): Record<string, unknown> {
  return { hrid, apis: [{ apiHrid, location, order: 1 }] };
}

/** A markdown documentation page under `/products`. */
export function documentationSpec(
  hrid: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    hrid,
    name: `Page ${hrid}`,
    type: 'GRAVITEE_MARKDOWN',
    content: '# Getting started',
    location: '/products',
    order: 2,
    ...extra,
  };
}

/** A portal link under `/products`. */
export function linkSpec(hrid: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    hrid,
    name: `Link ${hrid}`,
    href: 'https://docs.example.com',
    location: '/products',
    order: 3,
    ...extra,
  };
}

/** A subscription of `applicationHrid` to `planHrid`. */
export function subscriptionSpec(
  hrid: string,
  applicationHrid: string,
  planHrid: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { hrid, applicationHrid, planHrid, ...extra };
}

/**
 * The state APIM answers for `spec` stored in the `DEFAULT` environment under `id`, plus `extra` fields
 * (e.g. the hrid of the parent: `{ portalHrid: 'dev-portal' }`).
 */
export function stateOf(
  spec: Record<string, unknown>,
  id: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { ...spec, id, organizationId: 'DEFAULT', environmentId: 'DEFAULT', ...extra };
}

/** APIM's answer for an hrid it does not know. */
export function hridNotFound(hrid: string): Exchange {
  return {
    status: 404,
    body: { httpStatus: 404, message: `HRID [${hrid}] cannot be found.`, technicalCode: 'hrid.notFound' },
  };
}

/** APIM's answer for a write to (or a subscription of) the archived application named `name`. */
export function applicationArchived(name: string): Exchange {
  return {
    status: 400,
    body: {
      httpStatus: 400,
      message: `Application [${name}] is archived and cannot be modified.`,
      technicalCode: 'application.archived',
      parameters: { application: name },
    },
  };
}
