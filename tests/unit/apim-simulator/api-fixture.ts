/**
 * A realistic minimal V4 proxy API in the automation `ApiV4Spec` shape: one HTTP listener, one HTTP proxy
 * endpoint and one published keyless plan.
 */
export function minimalApiSpec(hrid: string, contextPath = `/${hrid}`): Record<string, unknown> {
  return {
    hrid,
    name: `API ${hrid}`,
    version: '1.0.0',
    type: 'PROXY',
    state: 'STARTED',
    lifecycleState: 'CREATED',
    listeners: [
      {
        type: 'HTTP',
        paths: [{ path: contextPath }],
        entrypoints: [{ type: 'http-proxy' }],
      },
    ],
    endpointGroups: [
      {
        name: 'default-group',
        type: 'http-proxy',
        endpoints: [
          {
            name: 'default',
            type: 'http-proxy',
            inheritConfiguration: false,
            configuration: { target: 'https://api.gravitee.io/echo' },
          },
        ],
      },
    ],
    plans: [
      {
        hrid: 'keyless',
        name: 'Keyless',
        security: { type: 'KEY_LESS' },
        status: 'PUBLISHED',
        type: 'API',
        mode: 'STANDARD',
        validation: 'AUTO',
      },
    ],
  };
}
