import { ApimClient } from '../apim/apim-client.ts';
import { type PlannedCall, PlanningApim } from '../apim/planning-apim.ts';
import type { Logger } from '../log/logger.ts';
import type { ApimFactory, ApimPort } from '../ports/apim.ts';

/**
 * Local mode's APIM: the real client when the target answers at all, otherwise the offline planner, which
 * logs the request it would send. Reachability is checked once per base URL and re-checked after `ttlMs`.
 */
export function reachabilityAwareApim(
  logger: Logger,
  options: { timeoutMs: number; ttlMs: number; planned: PlannedCall[]; mode: 'auto' | 'offline' },
): ApimFactory & { offlineTargets: () => string[] } {
  const known = new Map<string, { reachable: boolean; at: number }>();
  const probe = async (baseUrl: string) => {
    const cached = known.get(baseUrl);
    if (cached && Date.now() - cached.at < options.ttlMs) return cached.reachable;
    let reachable = true;
    try {
      await fetch(baseUrl, { method: 'HEAD', signal: AbortSignal.timeout(options.timeoutMs) });
    } catch {
      reachable = false;
    }
    if (!reachable && cached?.reachable !== false)
      logger.warn('APIM unreachable: planning instead of sending', { baseUrl });
    known.set(baseUrl, { reachable, at: Date.now() });
    return reachable;
  };
  const factory: ApimFactory = (target, record, resource) => {
    const planner = new PlanningApim(
      target,
      options.planned,
      (exchange) => {
        record(exchange);
        const call = options.planned[options.planned.length - 1];
        logger.info('would send to APIM', {
          resource: call?.resource,
          method: call?.method,
          url: call?.url,
          body: call?.body,
        });
      },
      `${resource.kind} ${resource.namespace}/${resource.name}`,
    );
    if (options.mode === 'offline') return planner;
    const client = new ApimClient(target, { onExchange: record, timeoutMs: 10_000 });
    // Decide per call, so an APIM that comes up later is used from then on.
    const pick = async (): Promise<ApimPort> => ((await probe(target.baseUrl)) ? client : planner);
    return {
      probeEnvironment: async () => (await pick()).probeEnvironment(),
      upsert: async (collection, body, o) => (await pick()).upsert(collection, body, o),
      read: async (item) => (await pick()).read(item),
      remove: async (item) => (await pick()).remove(item),
      importV2Api: async (body, o) => (await pick()).importV2Api(body, o),
      deleteV2Api: async (id) => (await pick()).deleteV2Api(id),
    };
  };
  return Object.assign(factory, {
    offlineTargets: () => [...known.entries()].filter(([, v]) => !v.reachable).map(([k]) => k),
  });
}
