/**
 * Every kind has an `applied` change sample and a `synced` status sample in events/samples, the resource in
 * the change validating against the kind's schema and the status, as the status writer
 * patches it onto the resource, against the kind's status schema.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { kinds } from '../../../lib/crds/kinds.ts';
import { formatIssues, validateResource } from '../../../lib/crds/validate.ts';
import { changeEventType } from '../../../lib/events/change-event.ts';
import { outcomeDetailType } from '../../../lib/events/status-event.ts';
import { statusFieldsByKind } from '../../../lib/watcher/watched-kinds.ts';

const samples = new URL('../../../events/samples/', import.meta.url).pathname;

/** `PortalListing` → `portal-listing`, the way the sample files are named. */
const slug = (kind: string) => kind.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

interface ChangeSample {
  id: string;
  type: string;
  gsokind: string;
  data: {
    apiVersion: string;
    kind: string;
    metadata: { name: string; namespace: string; uid: string };
    spec: unknown;
  };
}

interface StatusSample {
  'detail-type': string;
  detail: {
    kind: string;
    name: string;
    uid: string;
    outcome: string;
    status: Record<string, unknown>;
    correlationId: string;
  };
}

/**
 * Fields every status event carries, which some kinds' CRD status has no room for (the writer drops them:
 * an ApiResource's status, like GKO's, stays empty).
 */
const EVENT_ONLY_FIELDS = ['conditions', 'errors', 'processingStatus'];

const read = <T>(path: string): T => JSON.parse(readFileSync(join(samples, path), 'utf8')) as T;

describe('event samples per kind', () => {
  it('exist for every kind: an applied change and a synced status', () => {
    // Prepare
    const expected = Object.keys(kinds).flatMap((kind) => [
      `change/${slug(kind)}.applied.json`,
      `status/${slug(kind)}.synced.json`,
    ]);

    // Act
    const missing = expected.filter((path) => !existsSync(join(samples, path)));

    // Assess
    assert.deepEqual(missing, [], 'run `npm run generate`');
  });

  for (const [kind, definition] of Object.entries(kinds)) {
    it(`${kind}: the applied change carries a valid ${kind}, its synced status answers it`, () => {
      // Prepare
      const change = read<ChangeSample>(`change/${slug(kind)}.applied.json`);
      const status = read<StatusSample>(`status/${slug(kind)}.synced.json`);
      const { apiVersion, metadata, spec } = change.data;

      // Act
      const resource = validateResource({
        apiVersion,
        kind: change.data.kind,
        metadata: { name: metadata.name, namespace: metadata.namespace },
        spec,
      });
      // What the status writer patches onto the resource: the fields the kind's CRD status declares.
      const allowed = new Set(statusFieldsByKind()[kind]);
      const written = Object.fromEntries(
        Object.entries(status.detail.status).filter(([key]) => allowed.has(key)),
      );
      const dropped = Object.keys(status.detail.status).filter((key) => !allowed.has(key));
      const statusCheck = definition.status.safeParse(written);

      // Assess
      assert.equal(change.type, changeEventType('applied'));
      assert.equal(change.gsokind, kind);
      assert.equal(change.data.kind, kind);
      assert.ok(resource.ok, resource.ok ? '' : formatIssues(resource.issues));
      assert.equal(status['detail-type'], outcomeDetailType.Synced);
      assert.equal(status.detail.outcome, 'Synced');
      assert.equal(status.detail.kind, kind);
      assert.equal(status.detail.name, metadata.name);
      assert.equal(status.detail.uid, metadata.uid);
      assert.equal(status.detail.correlationId, change.id, 'the status answers the applied change');
      assert.ok(statusCheck.success, statusCheck.success ? '' : JSON.stringify(statusCheck.error.issues));
      assert.deepEqual(
        dropped.filter((key) => !EVENT_ONLY_FIELDS.includes(key)),
        [],
        `status fields ${kind} has no room for`,
      );
    });
  }
});
