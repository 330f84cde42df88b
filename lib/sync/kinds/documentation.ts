import {
  documentationCollectionPath,
  documentationHrid,
  documentationParent,
  toDocumentationSpec,
  toDocumentationStatus,
} from '../../apim/payload/documentation.ts';
import type { ResourceKey } from '../../resource-key.ts';
import { type AutomationKind, automationKindSync } from '../automation-sync.ts';
import { apiRefKey, goneWithParent, parentContext, portalRefKey } from './parent-context.ts';
import { splitErrors } from './split-errors.ts';

/** The portal or API that owns the page (exactly one of `portalRef` and `apiRef`). */
function parentKeyOf(key: ResourceKey, spec: Record<string, unknown>): ResourceKey | undefined {
  if (spec.portalRef) return portalRefKey(key, spec);
  return spec.apiRef ? apiRefKey(key, spec.apiRef) : undefined;
}

/** Where the page lives in APIM: under its portal or API. */
function locate(key: ResourceKey, spec: Record<string, unknown>) {
  const resource = { metadata: { name: key.name, namespace: key.namespace }, spec };
  const collection = documentationCollectionPath(documentationParent(resource));
  return { resource, collection, item: `${collection}/${encodeURIComponent(documentationHrid(resource))}` };
}

/**
 * Documentation: a page of a portal or of a v4 API, upserted under its parent
 * (`portals/{hrid}/documentations` or `apis/{hrid}/documentations`) in the parent's APIM.
 */
export const documentationKind: AutomationKind = {
  kind: 'Documentation',

  references(key, data) {
    const parent = parentKeyOf(key, data.spec);
    return parent ? [parent] : [];
  },

  context: (input) => parentContext(input, parentKeyOf(input.key, input.data.spec)),

  async request({ key, spec, refs }) {
    const parentKey = parentKeyOf(key, spec);
    if (parentKey) await refs.require(spec.portalRef ? 'spec.portalRef' : 'spec.apiRef', parentKey);
    const { resource, collection, item } = locate(key, spec);
    return { collection, item, body: toDocumentationSpec(resource) };
  },

  status: (state) => splitErrors(toDocumentationStatus(state)),

  async deletion(input) {
    const gone = await goneWithParent(input, parentKeyOf(input.key, input.spec), 'parent');
    return gone ?? { item: locate(input.key, input.spec).item };
  },
};

export const documentationSync = automationKindSync(documentationKind);
