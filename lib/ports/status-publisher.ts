import type { StatusDetail } from '../events/status-event.ts';

/** Publishes status events to the bus (EventBridge in AWS, the embedded bus locally). Throws if any is lost. */
export interface StatusPublisher {
  publish(details: StatusDetail[]): Promise<void>;
}
