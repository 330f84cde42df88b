import { randomUUID } from 'node:crypto';
import {
  outcomeDetailType,
  STATUS_EVENT_SOURCE,
  type StatusDetail,
  type StatusEvent,
} from '../events/status-event.ts';
import type { StatusPublisher } from '../ports/status-publisher.ts';
import type { EmbeddedQueue } from './embedded-queue.ts';

/** A rule like the EventBridge one: status events of `cluster` go to `target`. */
export interface BusRule {
  name: string;
  cluster?: string;
  target: EmbeddedQueue | ((event: StatusEvent) => void);
}

/**
 * In-process stand-in for the EventBridge bus: wraps each status detail in the envelope EventBridge
 * delivers to targets, routes it by rule, and keeps an archive (what `gso dev` and the audit trail read).
 */
export class EmbeddedBus implements StatusPublisher {
  private readonly rules: BusRule[] = [];
  readonly archive: StatusEvent[] = [];

  addRule(rule: BusRule): void {
    this.rules.push(rule);
  }

  /** The last status detail of every resource, keyed `Kind namespace/name`, sorted by that key. */
  latestByResource(): Map<string, StatusDetail> {
    const latest = new Map<string, StatusDetail>();
    for (const { detail } of this.archive)
      latest.set(`${detail.kind} ${detail.namespace}/${detail.name}`, detail);
    return new Map([...latest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  async publish(details: StatusDetail[]): Promise<void> {
    for (const detail of details) {
      const event: StatusEvent = {
        version: '0',
        id: randomUUID(),
        'detail-type': outcomeDetailType[detail.outcome],
        source: STATUS_EVENT_SOURCE,
        account: '000000000000',
        time: detail.time,
        region: 'local',
        resources: [],
        detail: structuredClone(detail),
      };
      this.archive.push(event);
      for (const rule of this.rules) {
        if (rule.cluster !== undefined && rule.cluster !== detail.cluster) continue;
        if (typeof rule.target === 'function') rule.target(event);
        else rule.target.send(JSON.stringify(event));
      }
    }
  }
}
