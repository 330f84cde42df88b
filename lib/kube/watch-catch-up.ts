import { setTimeout as sleep } from 'node:timers/promises';
import type { KubernetesObject } from '@kubernetes/client-node';

const keyOf = (o: KubernetesObject) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
const versionOf = (o: KubernetesObject) => o.metadata?.resourceVersion ?? '';

/**
 * Lets a watch be stopped without dropping what the API server already sent. Changes committed before
 * the stop may still sit in the socket or the stream parser; aborting the request at once would lose
 * them for this process (the next start re-lists them, but only then). So before stopping, the watch
 * is compared with a fresh list: it has caught up once every listed object was delivered at its listed
 * resourceVersion, and every object the list no longer has was delivered as deleted. resourceVersions
 * are only compared for equality, as Kubernetes asks (they are opaque).
 */
export class WatchCatchUp {
  /** Deliveries (`key@version`, `key@deleted`) seen by the catch-ups in progress. */
  private readonly observers = new Set<Set<string>>();

  /** Call for every object the informer delivers (added or updated). */
  delivered(object: KubernetesObject): void {
    for (const seen of this.observers) seen.add(`${keyOf(object)}@${versionOf(object)}`);
  }

  /** Call for every deletion the informer delivers. */
  deleted(object: KubernetesObject): void {
    for (const seen of this.observers) seen.add(`${keyOf(object)}@deleted`);
  }

  /**
   * Resolves true once the watch delivered the state `listNow` returns, false when `timeoutMs` passed
   * first or the list failed (the caller stops anyway: nothing is lost for good, the next start
   * re-lists).
   *
   * @param cached the informer's cache: what was delivered before the catch-up began
   */
  async wait(
    listNow: () => Promise<{ items: KubernetesObject[] }>,
    cached: () => readonly KubernetesObject[],
    timeoutMs: number,
  ): Promise<boolean> {
    const seen = new Set<string>();
    this.observers.add(seen);
    const cancel = new AbortController();
    try {
      const baseline = new Map(cached().map((o) => [keyOf(o), versionOf(o)]));
      let timedOut = false;
      const deadline = sleep(timeoutMs, undefined, { signal: cancel.signal }).then(
        () => {
          timedOut = true;
        },
        () => undefined, // cancelled: the catch-up ended first
      );
      const listed = await Promise.race([listNow().then((list) => list.items), deadline]).catch(
        () => undefined,
      );
      if (!listed) return false;
      const expected = new Map(listed.map((o) => [keyOf(o), versionOf(o)]));
      const caughtUp = () => {
        for (const [key, version] of expected)
          if (baseline.get(key) !== version && !seen.has(`${key}@${version}`)) return false;
        for (const key of baseline.keys())
          if (!expected.has(key) && !seen.has(`${key}@deleted`)) return false;
        return true;
      };
      while (!caughtUp()) {
        if (timedOut) return false;
        await sleep(5);
      }
      return true;
    } finally {
      this.observers.delete(seen);
      cancel.abort();
    }
  }
}
