import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { AUTOMATION_OPENAPI_FILE } from './shared-paths.ts';

/**
 * Where the Portal Link schemas below come from. `PUT …/portals/{portalHrid}/links` is used by GKO
 * (`internal/apim/service/portallinks.go`) but is absent from the APIM 4.12.17 Automation OpenAPI
 * document; APIM's source declares it in
 * `gravitee-apim-rest-api/gravitee-apim-rest-api-automation/gravitee-apim-rest-api-automation-rest/src/main/resources/open-api.yaml`
 * and implements it in `resource/PortalLinksResource.java` (gravitee-api-management, commit 2b94b4c9,
 * 2026-08-21). The schemas are restated here, not copied from the mirror, so the test does not need it.
 */
export const PORTAL_LINK_SCHEMA_SOURCE =
  'gravitee-api-management@2b94b4c9 gravitee-apim-rest-api-automation-rest/src/main/resources/open-api.yaml';

const DOCUMENT_ID = 'https://gravitee.io/apim/automation/portal-links.json';

/** `PortalLinkSpec`: `hrid`, `name`, `href` required; `location` string; `order` integer. */
const PORTAL_LINK_SPEC = {
  type: 'object',
  properties: {
    hrid: { $ref: '#/components/schemas/Hrid' },
    name: { type: 'string' },
    href: { type: 'string' },
    location: { type: 'string' },
    order: { type: 'integer' },
  },
  required: ['hrid', 'name', 'href'],
};

/** `PortalLinkState`: the spec, `BaseStatus` and the read-only `portalHrid`. */
const PORTAL_LINK_STATE = {
  allOf: [
    { $ref: '#/components/schemas/PortalLinkSpec' },
    { $ref: '#/components/schemas/BaseStatus' },
    { type: 'object', properties: { portalHrid: { type: 'string' } } },
  ],
};

let ajv: Ajv2020 | undefined;

function portalLinkAjv(): Ajv2020 {
  if (!ajv) {
    // Hrid, BaseStatus and Errors are shared with every other kind: taken from the 4.12.17 document.
    const document = parse(readFileSync(AUTOMATION_OPENAPI_FILE, 'utf8')) as {
      components: { schemas: Record<string, unknown> };
    };
    const { Hrid, BaseStatus, Errors } = document.components.schemas;
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({
      $id: DOCUMENT_ID,
      components: {
        schemas: {
          Hrid,
          BaseStatus,
          Errors,
          PortalLinkSpec: PORTAL_LINK_SPEC,
          PortalLinkState: PORTAL_LINK_STATE,
        },
      },
    });
  }
  return ajv;
}

/** Validator of `PortalLinkSpec` or `PortalLinkState` as APIM's source declares them. */
export function portalLinkSchema(name: 'PortalLinkSpec' | 'PortalLinkState'): ValidateFunction {
  const validate = portalLinkAjv().getSchema(`${DOCUMENT_ID}#/components/schemas/${name}`);
  if (!validate) throw new Error(`no schema ${name}`);
  return validate;
}
