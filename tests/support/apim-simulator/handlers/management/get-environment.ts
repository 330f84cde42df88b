import type { OperationBinding } from '../operation-handler.ts';

/**
 * `GET /management/v2/organizations/{orgId}/environments/{envId}`: the environment, which the request
 * context already resolved (by id or hrid). Empty `name`/`description` are left out because the spec
 * gives them `minLength: 1`.
 */
export const getEnvironmentBinding: OperationBinding = {
  document: 'management',
  operationId: 'getEnvironmentById',
  handle: ({ environment }) => ({
    status: 200,
    body: {
      id: environment.id,
      name: environment.name || environment.id,
      ...(environment.description ? { description: environment.description } : {}),
    },
  }),
};
