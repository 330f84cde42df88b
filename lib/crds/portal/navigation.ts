import { z } from 'zod';
import { NavigationPath } from '../api-v4/portal-navigation.ts';

/** One entry of a portal area's navigation; its position in the list is its display order. */
export const NavigationEntry = z.strictObject({
  displayName: z
    .string()
    .optional()
    .describe('Label of the node; listing a path is the only way to name it.'),
  path: z
    .string()
    .regex(/^\//)
    .describe('Slash-separated position of the node; missing parent folders are created by APIM.'),
});

/** A portal navigation entry. */
export type NavigationEntry = z.infer<typeof NavigationEntry>;

/**
 * A navigation list keyed by `path`, as a Kubernetes list-map.
 *
 * The API server rejects two entries with the same path; the check is repeated here so that
 * `gso validate` reports it before the manifest reaches a cluster.
 */
export function navigationList<Item extends z.ZodType<{ path: string }>>(item: Item): z.ZodArray<Item> {
  return z
    .array(item)
    .superRefine((entries, ctx) => {
      const seen = new Set<string>();
      entries.forEach((entry, index) => {
        if (seen.has(entry.path)) {
          ctx.addIssue({ code: 'custom', path: [index, 'path'], message: `duplicate path "${entry.path}"` });
        }
        seen.add(entry.path);
      });
    })
    .meta({ 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['path'] });
}

/** The portal navigation, grouped by portal area; an area left out is left untouched in APIM. */
export const NavigationStructure = z
  .strictObject({
    topNavbar: navigationList(NavigationEntry).optional().describe('Top navbar entries, in display order.'),
  })
  .describe('Navigation of the portal, per area.');

/** Portal navigation per area. */
export type NavigationStructure = z.infer<typeof NavigationStructure>;

/** The deprecated flat navigation list, whose entries carry an explicit order. */
export const DeprecatedNavigation = navigationList(NavigationPath);
