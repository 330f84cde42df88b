import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** APIM releases whose OpenAPI documents are available under the shared spec folder. */
export type ApimVersion = '4.11.25' | '4.12.17';

/** The release the simulator mimics unless told otherwise. */
export const DEFAULT_APIM_VERSION: ApimVersion = '4.12.17';

/**
 * Which OpenAPI document an operation comes from. `management-v1` has no published document: the simulator
 * describes the v1 operations GKO uses for v2 APIs itself (`handlers/management-v1/`).
 */
export type DocumentKey = 'automation' | 'management' | 'management-v1';

/** Where a document lives and under which paths its operations are served. */
export interface SpecDocumentLocation {
  readonly key: DocumentKey;
  readonly file: string;
  /**
   * Route prefixes the document's paths hang below. When absent, the document's own relative `servers`
   * are used; the automation document only lists a cloud URL, so its self-hosted mount is given here.
   */
  readonly bases?: readonly string[];
}

// This file sits at tests/support/apim-simulator/openapi/, four levels below the repository root.
const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** `<repo>/../shared/apim-openapi`: the read-only spec folder shared by every checkout. */
export function defaultSpecRoot(): string {
  return resolve(REPOSITORY_ROOT, '..', 'shared', 'apim-openapi');
}

/**
 * The documents the simulator serves. The environment probe (`getEnvironmentById`) is described in
 * `openapi-installation.yaml`, not in `openapi-environments.yaml` (which only holds sub-resources).
 */
export function specDocumentLocations(version: ApimVersion, root: string): SpecDocumentLocation[] {
  return [
    { key: 'automation', file: join(root, version, 'automation', 'open-api.yaml'), bases: ['/automation'] },
    { key: 'management', file: join(root, version, 'management-v2', 'openapi-installation.yaml') },
  ];
}
