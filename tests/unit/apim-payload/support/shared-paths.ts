import { fileURLToPath } from 'node:url';

/**
 * The `shared/` folder that sits beside the project (`<repo>/../shared`): GKO's CRDs and examples and
 * APIM's OpenAPI documents, read in place as a compatibility corpus, never copied.
 */
export const SHARED_DIR = fileURLToPath(new URL('../../../../../shared/', import.meta.url));

/** GKO's example manifests. */
export const GKO_EXAMPLES_DIR = `${SHARED_DIR}gko/examples`;

/** GKO's `ApiV4Definition` CRD. */
export const API_V4_CRD_FILE = `${SHARED_DIR}gko/crds/gravitee.io/gravitee.io_apiv4definitions.yaml`;

/** The Automation API document of the APIM release the payloads target. */
export const AUTOMATION_OPENAPI_FILE = `${SHARED_DIR}apim-openapi/4.12.17/automation/open-api.yaml`;
