import { invalidRequest } from '../../http-errors.ts';
import { topLevelId } from '../../ids/hrid-to-uuid.ts';
import { isJsonObject, type JsonObject } from '../../json.ts';
import type { HridResourceKind } from '../hrid-resource-kind.ts';
import { KIND } from './kind-names.ts';

/**
 * Dictionaries through the automation API, as APIM 4.12 handles them:
 * - the id derives from organization + hrid + environment (the hrid is the dictionary key);
 * - a MANUAL dictionary needs properties and no `dynamic` part, a DYNAMIC one a provider and a trigger
 *   and no properties: APIM rejects anything else with a 400 at once, dry runs included;
 * - a dry run answers the spec as sent, without ids; an import and a read answer the stored dictionary
 *   (`deployed` as applied, `manual` or `dynamic` after the type) and never carry `errors`.
 */
export const dictionariesKind: HridResourceKind = {
  kind: KIND.dictionary,
  operations: {
    createOrUpdate: 'createOrUpdateDictionaries',
    get: 'getDictionary',
    delete: 'deleteDictionary',
  },
  precheck: (spec) => {
    const problem = typeMismatch(spec);
    if (problem) {
      throw invalidRequest(problem);
    }
  },
  identify: (context, spec) => ({
    id: topLevelId(context.organizationId, context.environment.id, String(spec.hrid)),
  }),
  present: (resource, view) =>
    view === 'dry-run'
      ? resource.spec
      : {
          ...exported(resource.spec),
          id: resource.id,
          organizationId: resource.organizationId,
          environmentId: resource.environmentId,
        },
  importErrors: 'never',
  dryRunErrors: 'never',
};

/** APIM's check that the members of a dictionary match its type. */
function typeMismatch(spec: JsonObject): string | undefined {
  const manual = isJsonObject(spec.manual) ? spec.manual : undefined;
  const dynamic = isJsonObject(spec.dynamic) ? spec.dynamic : undefined;
  const hasProperties = isJsonObject(manual?.properties) && Object.keys(manual.properties).length > 0;
  if (spec.type === 'MANUAL') {
    if (!hasProperties) {
      return 'Manual dictionary must have at least one property.';
    }
    if (dynamic?.provider !== undefined || dynamic?.trigger !== undefined) {
      return "Manual dictionary must not have 'dynamic' properties (provider, trigger). Set type to 'DYNAMIC' or remove them.";
    }
  } else if (spec.type === 'DYNAMIC') {
    if (dynamic?.provider === undefined || dynamic?.trigger === undefined) {
      return 'Dynamic dictionary must have a provider and a trigger.';
    }
    if (hasProperties) {
      return "Dynamic dictionary must not have 'manual' properties. Set type to 'MANUAL' or remove them.";
    }
  }
  return undefined;
}

/** The dictionary as APIM stores it: the `manual` or `dynamic` part matching its type, nothing else. */
function exported(spec: JsonObject): JsonObject {
  const { manual, dynamic, ...common } = spec;
  const manualPart = isJsonObject(manual) ? manual : {};
  const dynamicPart = isJsonObject(dynamic) ? dynamic : {};
  return spec.type === 'MANUAL'
    ? { ...common, deployed: spec.deployed === true, manual: { properties: manualPart.properties ?? {} } }
    : {
        ...common,
        deployed: spec.deployed === true,
        dynamic: { provider: dynamicPart.provider, trigger: dynamicPart.trigger },
      };
}
