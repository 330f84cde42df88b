import {
  type AutomationAnswer,
  type AutomationBaseStatus,
  toAutomationBaseStatus,
} from './automation-status.ts';
import type { CustomResourceInput } from './custom-resource-input.ts';
import { namespacedHrid } from './hrid.ts';
import { dropEmpty, type JsonObject } from './json-object.ts';
import {
  optionalBoolean,
  optionalObject,
  optionalObjectArray,
  optionalString,
  optionalStringMap,
  requiredString,
} from './spec-fields.ts';

/** Body of `PUT …/dictionaries` (Automation schema `DictionarySpec`). */
export interface DictionaryAutomationSpec {
  hrid: string;
  name: string;
  description?: string;
  deployed: boolean;
  type: string;
  manual?: { properties: Record<string, string> | null };
  dynamic?: { provider: JsonObject; trigger: JsonObject };
}

/** APIM's answer (Automation schema `DictionaryState`: spec plus `BaseStatus`). */
export type DictionaryAutomationState = AutomationAnswer;

/** The status fields of a `Dictionary` that come from APIM (GKO keeps `id`, `organizationId`, `environmentId`). */
export type DictionaryStatusFields = AutomationBaseStatus;

/**
 * The dictionary's HRID: always `<namespace>-<name>`, dictionaries never had UUID-managed resources
 * (GKO: `Dictionaries.createOrUpdate` in `internal/apim/service/dictionaries.go`).
 *
 * @example
 * dictionaryHrid({ metadata: { name: 'manual-dict', namespace: 'default' }, spec: {} }); // 'default-manual-dict'
 */
export function dictionaryHrid(resource: CustomResourceInput): string {
  return namespacedHrid(resource.metadata.namespace, resource.metadata.name);
}

/** Automation collection of dictionaries, relative to the environment root. */
export function dictionaryCollectionPath(): string {
  return 'dictionaries';
}

/**
 * Maps a `Dictionary` to the body GKO sends: its `dictionary.Type` (everything but `contextRef`) plus
 * `hrid` (GKO: `model.DictionaryDTO`).
 *
 * Go's `omitempty` is reproduced: an empty `description`, an empty provider `body`, `useSystemProxy:
 * false` and an empty `headers` list are left out; `deployed` is always sent (`false` when absent).
 *
 * @example
 * toDictionarySpec({
 *   metadata: { name: 'manual-dict', namespace: 'default' },
 *   spec: { name: 'manual-dict', type: 'MANUAL', deployed: true, manual: { properties: { env: 'test' } } },
 * });
 * // { hrid: 'default-manual-dict', name: 'manual-dict', deployed: true, type: 'MANUAL', manual: { properties: { env: 'test' } } }
 */
export function toDictionarySpec(resource: CustomResourceInput): DictionaryAutomationSpec {
  const { spec } = resource;
  const body: DictionaryAutomationSpec = {
    hrid: dictionaryHrid(resource),
    name: requiredString(spec, 'name', 'spec'),
    deployed: optionalBoolean(spec, 'deployed', 'spec') ?? false,
    type: requiredString(spec, 'type', 'spec'),
  };
  const description = optionalString(spec, 'description', 'spec');
  if (description) body.description = description;

  const manual = optionalObject(spec, 'manual', 'spec');
  if (manual) body.manual = { properties: optionalStringMap(manual, 'properties', 'spec.manual') ?? null };

  const dynamic = optionalObject(spec, 'dynamic', 'spec');
  if (dynamic) {
    const provider = optionalObject(dynamic, 'provider', 'spec.dynamic');
    const trigger = optionalObject(dynamic, 'trigger', 'spec.dynamic');
    body.dynamic = {
      provider: provider ? toProvider(provider) : {},
      trigger: trigger ? structuredClone(trigger) : {},
    };
  }
  return body;
}

/**
 * Maps APIM's answer to the dictionary's status fields.
 *
 * @example
 * toDictionaryStatus({ hrid: 'default-manual-dict', id: 'd1', organizationId: 'DEFAULT', environmentId: 'DEFAULT' });
 * // { id: 'd1', organizationId: 'DEFAULT', environmentId: 'DEFAULT', errors: { severe: [], warning: [] } }
 */
export function toDictionaryStatus(answer: DictionaryAutomationState): DictionaryStatusFields {
  return toAutomationBaseStatus(answer);
}

/** The HTTP provider of a dynamic dictionary, with Go's `omitempty` on body, proxy flag and headers. */
function toProvider(provider: JsonObject): JsonObject {
  const path = 'spec.dynamic.provider';
  const out: JsonObject = structuredClone(provider);
  if (optionalBoolean(provider, 'useSystemProxy', path) !== true) delete out.useSystemProxy;
  if (optionalObjectArray(provider, 'headers', path) === undefined) delete out.headers;
  return dropEmpty(out, ['body', 'headers']);
}
