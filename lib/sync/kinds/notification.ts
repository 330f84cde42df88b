import { refKeyOf } from '../referenced.ts';
import { registryOnlyKindSync } from '../registry-only-sync.ts';

/**
 * Notification: console notification settings that APIs reference from `spec.notificationsRefs`. No APIM call
 * of its own; an API folds the first one for API events on the console into its definition.
 */
export const notificationSync = registryOnlyKindSync({
  kind: 'Notification',
  usedBy: 'folded into the APIs that reference it',
  references(key, data) {
    const console = (data.spec.console ?? {}) as { groupRefs?: unknown };
    const refs = Array.isArray(console.groupRefs) ? console.groupRefs : [];
    return refs.map((ref) => refKeyOf(key, 'Group', ref)).filter((k) => k !== undefined);
  },
  deletionBlockedBy: ['ApiV4Definition', 'ApiDefinition'],
  // APIs send the Groups' names: a renamed Group must reach them through this Notification.
  async resolvedContent(key, spec, refs) {
    const console = (spec.console ?? {}) as { groupRefs?: unknown };
    const names: Array<string | null> = [];
    for (const ref of Array.isArray(console.groupRefs) ? console.groupRefs : []) {
      const groupKey = refKeyOf(key, 'Group', ref);
      const found = groupKey ? await refs.find(groupKey) : undefined;
      names.push(typeof found?.spec.name === 'string' ? found.spec.name : null);
    }
    return names;
  },
});
