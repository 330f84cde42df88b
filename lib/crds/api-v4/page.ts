import { z } from 'zod';
import { freeFormObject, int64, stringMap } from '../schema-helpers.ts';

/** Kinds of documentation pages. */
export const PageType = z.enum([
  'MARKDOWN',
  'SWAGGER',
  'ASYNCAPI',
  'ASCIIDOC',
  'FOLDER',
  'SYSTEM_FOLDER',
  'ROOT',
]);
/** Who can see a page. */
export const PageVisibility = z.enum(['PUBLIC', 'PRIVATE']);

/** External source a page content is fetched from; the configuration belongs to the fetcher. */
export const PageSource = z
  .strictObject({
    configuration: freeFormObject().describe('Fetcher plugin configuration.'),
    type: z.string().describe('Fetcher plugin identifier (e.g. http-fetcher, github-fetcher).'),
  })
  .describe('Fetches the page content from an external source, replacing inline content.');

/** A documentation page or folder of the API. */
export const Page = z.strictObject({
  api: z.string().optional().describe('Id of the API owning the page; filled in automatically when empty.'),
  configuration: stringMap().optional().describe('Rendering options (e.g. use Redoc instead of Swagger UI).'),
  content: z.string().optional().describe('Inline page content.'),
  crossId: z.string().optional().describe('Identifies the page across environments.'),
  homepage: z.boolean().default(false).describe('Use this page as the documentation home page.'),
  hrid: z.string().optional().describe('Human-readable id of the page.'),
  id: z.string().optional().describe('Page id.'),
  name: z.string().describe('Display name of the page.'),
  order: int64().optional().describe('Display order.'),
  parent: z.string().optional().describe('Key, in the pages map, of the folder containing this page.'),
  parentHrid: z.string().optional().describe('Human-readable id of the parent folder.'),
  parentId: z.string().optional().describe('Id of the parent folder.'),
  published: z.boolean().default(false).describe('Show the page on the portal.'),
  source: PageSource.optional(),
  type: PageType.describe('Page or folder type.'),
  visibility: PageVisibility.default('PUBLIC').describe('Who can see the page.'),
});

/** A documentation page. */
export type Page = z.infer<typeof Page>;
