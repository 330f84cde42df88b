import {
  dictionaryCollectionPath,
  dictionaryHrid,
  toDictionarySpec,
  toDictionaryStatus,
} from '../../apim/payload/dictionary.ts';
import { type AutomationKind, automationKindSync } from '../automation-sync.ts';
import { contextRefKey } from '../context-target.ts';
import { splitErrors } from './split-errors.ts';

/** Dictionary: the manual or dynamic dictionary of the environment, upserted through the Automation API keyed by HRID. */
export const dictionaryKind: AutomationKind = {
  kind: 'Dictionary',
  references(key, data) {
    const context = contextRefKey(key, data);
    return context ? [context] : [];
  },
  async request({ key, spec }) {
    const resource = { metadata: { name: key.name, namespace: key.namespace }, spec };
    const hrid = dictionaryHrid(resource);
    return {
      collection: dictionaryCollectionPath(),
      item: `${dictionaryCollectionPath()}/${encodeURIComponent(hrid)}`,
      body: toDictionarySpec(resource),
    };
  },
  status: (state) => splitErrors(toDictionaryStatus(state)),
};

export const dictionarySync = automationKindSync(dictionaryKind);
