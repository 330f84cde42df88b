import { createHash, createHmac, randomBytes } from 'node:crypto';
import { canonicalJson } from '../apim/payload/canonical-json.ts';
import { buildChangeEvent, type ChangeEvent, type ChangeType } from '../events/change-event.ts';
import type { ClusterObject } from '../ports/cluster.ts';
import { encryptionContextOf } from '../sealing/encryption-context.ts';
import type { EnvelopeSealer } from '../sealing/envelope.ts';
import { type CollectOptions, collectSecrets, type ReferenceProblem } from './secret-collector.ts';
import { describeReference } from './templating/reference-problem.ts';

/** A change ready to forward, with the digest that decides whether it is worth forwarding. */
export interface BuiltChange {
  event: ChangeEvent;
  /** sha256 of the spec plus a keyed digest of secret values; never leaves the process. */
  digest: string;
  /** References that could not be resolved (names only, never values); the change is forwarded anyway. */
  problems: ReferenceProblem[];
}

// Per-process key: secret digests cannot be compared across processes or brute-forced from a dump.
const digestKey = randomBytes(32);

/**
 * Builds the change event of an object: takes secret values out of the spec, seals them bound to the
 * object, and computes the forwarding digest.
 */
export async function buildChange(
  object: ClusterObject,
  kind: string,
  cluster: string,
  change: ChangeType,
  deps: CollectOptions & { sealer: EnvelopeSealer; now?: Date; salt?: string },
): Promise<BuiltChange> {
  const collected = await collectSecrets(kind, object, deps);
  const { metadata } = object;
  const data = {
    cluster,
    apiVersion: 'gravitee.io/v1alpha1' as const,
    kind,
    metadata: {
      name: metadata.name,
      namespace: metadata.namespace,
      uid: metadata.uid,
      resourceVersion: metadata.resourceVersion,
      generation: metadata.generation ?? 0,
      ...(metadata.labels ? { labels: metadata.labels } : {}),
      ...(metadata.annotations ? { annotations: withoutLastApplied(metadata.annotations) } : {}),
      ...(metadata.finalizers ? { finalizers: metadata.finalizers } : {}),
      ...(metadata.deletionTimestamp ? { deletionTimestamp: metadata.deletionTimestamp } : {}),
    },
    spec: collected.spec,
  };
  const sealed = await deps.sealer.seal(collected.values, encryptionContextOf(data));
  const secretDigest = createHmac('sha256', digestKey).update(canonicalJson(collected.values)).digest('hex');
  const digest = createHash('sha256')
    .update(
      canonicalJson({
        spec: collected.spec,
        annotations: data.metadata.annotations ?? {},
        secretDigest,
        // A problem that changes (Secret created without the key) changes what the function reports.
        problems: collected.problems.map((p) => `${p.pointer} ${p.reason}`),
      }),
    )
    .digest('hex');
  // A resync re-sends an unchanged resourceVersion: its content (the digest) is what makes it a new event.
  const salt = change === 'resync' ? digest : deps.salt;
  const unresolved = collected.problems.map((problem) => ({
    field: problem.field,
    message: problem.message,
    recoverable: problem.recoverable,
    ...(problem.reference ? { reference: describeReference(problem.reference, true) } : {}),
  }));
  const event = buildChangeEvent(
    change,
    { ...data, ...(sealed ? { sealed } : {}), ...(unresolved.length ? { unresolved } : {}) },
    {
      ...(deps.now ? { time: deps.now } : {}),
      ...(salt ? { salt } : {}),
    },
  );
  return { event, digest, problems: collected.problems };
}

/** kubectl's last-applied annotation repeats the whole spec (possibly with inline secrets): never forward it. */
function withoutLastApplied(annotations: Record<string, string>): Record<string, string> {
  const { 'kubectl.kubernetes.io/last-applied-configuration': _dropped, ...rest } = annotations;
  return rest;
}
