/** Credentials every test simulator accepts. */
export const TOKEN = 'test-token';
export const BASIC = { username: 'gko', password: 's3cret' } as const;

/** `Authorization: Bearer <TOKEN>` plus a JSON content type. */
export const BEARER_JSON = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } as const;

/** `…/automation/organizations/{org}/environments/{env}/apis` below a simulator base URL. */
export function apisUrl(baseUrl: string, environmentId = 'DEFAULT', organizationId = 'DEFAULT'): string {
  return `${baseUrl}/automation/organizations/${organizationId}/environments/${environmentId}/apis`;
}

/** `PUT …/apis?dryRun=<dryRun>` with a bearer token. */
export function putApi(baseUrl: string, spec: unknown, dryRun = false): Promise<Response> {
  return fetch(`${apisUrl(baseUrl)}?dryRun=${dryRun}`, {
    method: 'PUT',
    headers: BEARER_JSON,
    body: JSON.stringify(spec),
  });
}

/** Parses a JSON response body as a plain object. */
export async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}
