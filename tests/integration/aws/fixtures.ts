import { buildChangeEvent, type ChangeEvent, type ChangeType } from '../../../lib/events/change-event.ts';
import type { Outcome, StatusDetail } from '../../../lib/events/status-event.ts';

export interface ChangeFixture {
  cluster?: string;
  kind?: string;
  namespace?: string;
  name: string;
  /** resourceVersion and generation of this change. */
  revision?: number;
  change?: ChangeType;
  spec?: Record<string, unknown>;
}

/**
 * A valid change event for tests.
 *
 * @example changeEvent({ kind: 'ApiV4Definition', name: 'echo', revision: 2 })
 */
export function changeEvent(fixture: ChangeFixture): ChangeEvent {
  const revision = fixture.revision ?? 1;
  const name = fixture.name;
  return buildChangeEvent(
    fixture.change ?? 'applied',
    {
      cluster: fixture.cluster ?? 'dev',
      apiVersion: 'gravitee.io/v1alpha1',
      kind: fixture.kind ?? 'ApiV4Definition',
      metadata: {
        name,
        namespace: fixture.namespace ?? 'default',
        uid: `uid-${name}`,
        resourceVersion: String(revision),
        generation: revision,
      },
      spec: fixture.spec ?? { name, description: `revision ${revision}` },
    },
    { time: new Date('2026-11-21T09:00:00Z') },
  );
}

/**
 * A valid status detail for tests.
 *
 * @example statusDetail({ cluster: 'a', name: 'echo', outcome: 'Synced' })
 */
export function statusDetail(fixture: { cluster: string; name: string; outcome?: Outcome }): StatusDetail {
  return {
    cluster: fixture.cluster,
    kind: 'ApiV4Definition',
    namespace: 'default',
    name: fixture.name,
    uid: `uid-${fixture.name}`,
    generation: 1,
    outcome: fixture.outcome ?? 'Synced',
    status: {
      errors: { severe: [], warning: [] },
      processingStatus: 'Completed',
      conditions: [
        {
          type: 'Accepted',
          status: 'True',
          reason: 'Accepted',
          message: '',
          observedGeneration: 1,
          lastTransitionTime: '2026-11-21T09:00:00Z',
        },
      ],
    },
    apim: [{ method: 'PUT', url: 'https://apim.example/apis/echo', wrote: true, status: 200 }],
    correlationId: `change-${fixture.name}`,
    attempt: 1,
    durationMs: 12,
    time: '2026-11-21T09:00:01Z',
  };
}
