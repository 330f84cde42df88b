import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseApiPath, resolveResourceTarget } from './api-path.ts';
import { coreVersions, groupDocument, groupList, resourceList, versionInfo } from './discovery.ts';
import type { FaultInjector } from './fault-injector.ts';
import { queryFlag, readBody, sendJson, sendStatusError, sendText } from './http-io.ts';
import { KubeStatusError, makeStatus } from './kube-status.ts';
import type { RecordedRequest } from './request-log.ts';
import { type EndpointContext, serveResource } from './resource-endpoint.ts';
import type { ResourceRegistry } from './resource-registry.ts';
import { internalError, pathNotFound, unauthorized } from './status-errors.ts';

/** Everything the HTTP front door needs from the server. */
export interface HandlerContext extends EndpointContext {
  registry: ResourceRegistry;
  faults: FaultInjector;
  requests: RecordedRequest[];
  token: string;
  /** `host:port` as clients reach the server, for `/api` discovery. */
  serverAddress(): string;
}

function parseLoggedBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function methodNotAllowed(): KubeStatusError {
  return new KubeStatusError(
    makeStatus({
      code: 405,
      reason: 'MethodNotAllowed',
      message: 'the server does not allow this method on the requested resource',
    }),
  );
}

function requireGet(method: string, body: unknown): unknown {
  if (method !== 'GET') throw methodNotAllowed();
  if (body === undefined) throw pathNotFound();
  return body;
}

/**
 * Routes one request: health and version (anonymous, as a default cluster allows), bearer-token
 * authentication (401 otherwise), injected faults, discovery, then resources.
 */
async function route(
  context: HandlerContext,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  rawBody: string,
): Promise<void> {
  const method = request.method ?? 'GET';
  const path = parseApiPath(url.pathname);
  if (path.type === 'health') return sendText(response, 200, 'ok');
  if (path.type === 'version') return sendJson(response, 200, versionInfo());
  if (request.headers.authorization !== `Bearer ${context.token}`) throw unauthorized();
  const fault = context.faults.take(method, url.pathname);
  if (fault) return sendStatusError(response, fault.error, fault.retryAfterSeconds);
  switch (path.type) {
    case 'coreVersions':
      return sendJson(response, 200, requireGet(method, coreVersions(context.serverAddress())));
    case 'groups':
      return sendJson(response, 200, requireGet(method, groupList(context.registry)));
    case 'group':
      return sendJson(response, 200, requireGet(method, groupDocument(context.registry, path.group)));
    case 'resources':
      return sendJson(
        response,
        200,
        requireGet(method, resourceList(context.registry, path.group, path.version)),
      );
    case 'resource': {
      const target = resolveResourceTarget(context.registry, path.group, path.version, path.segments);
      if (!target) throw pathNotFound();
      return serveResource(
        context,
        {
          method,
          target,
          query: url.searchParams,
          ...(request.headers['content-type'] ? { contentType: request.headers['content-type'] } : {}),
          rawBody,
        },
        response,
      );
    }
    default:
      throw pathNotFound();
  }
}

/** Builds the `http.Server` request listener: logs the request, routes it, turns errors into Status responses. */
export function createRequestHandler(context: HandlerContext) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://fake-kube.invalid');
    const rawBody = await readBody(request);
    const entry: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      ...(request.headers['content-type'] ? { contentType: request.headers['content-type'] } : {}),
      ...(rawBody !== '' ? { body: parseLoggedBody(rawBody) } : {}),
      watch: queryFlag(url.searchParams.get('watch')),
    };
    context.requests.push(entry);
    try {
      await route(context, request, response, url, rawBody);
    } catch (error) {
      const status = error instanceof KubeStatusError ? error : internalError((error as Error).message);
      if (response.headersSent) response.destroy();
      else sendStatusError(response, status);
    }
    entry.status = response.statusCode;
  };
}
