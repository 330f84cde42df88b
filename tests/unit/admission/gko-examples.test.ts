/**
 * GKO's example manifests through the admission rules, with every example standing for the cluster: the
 * examples GKO's webhook would reject must be exactly the ones listed here, each with the reason.
 */
import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { describe, it } from 'node:test';
import {
  type AdmissionResource,
  admissionIssues,
  type LookedUpResource,
  type ResourceLookup,
} from '../../../lib/admission/admission-issues.ts';
import { GKO_ADMISSION_REJECTIONS } from '../crds/gko-example-rejections.ts';
import { type ExampleDocument, exampleDocuments } from '../crds/gko-reference.ts';

const GRAVITEE_KINDS = [
  'ManagementContext',
  'ApiV4Definition',
  'ApiDefinition',
  'ApiResource',
  'Application',
  'Subscription',
  'Group',
  'Notification',
  'SharedPolicyGroup',
  'Dictionary',
  'Portal',
  'PortalListing',
  'PortalLink',
  'Documentation',
];

/** Subscriptions check `endingAt` against now; the examples date theirs well ahead of this. */
const now = new Date('2026-06-01T00:00:00Z');

const keyOf = (kind: string, namespace: string, name: string) => `${kind}/${namespace}/${name}`;

function identity(document: Record<string, unknown>): string {
  const metadata = (document.metadata ?? {}) as { name?: string; namespace?: string };
  return keyOf(String(document.kind), metadata.namespace ?? 'default', metadata.name ?? '');
}

/**
 * All examples as one cluster. Several examples reuse a name (every use case has its `dev-ctx`, two use
 * cases an `echo-client`), so a point lookup prefers the definition in the asking example's own folder,
 * the way a use case is applied on its own.
 */
function examplesLookup(examples: ExampleDocument[], asking: ExampleDocument): ResourceLookup {
  const folder = dirname(asking.file);
  const byKey = new Map<string, LookedUpResource>();
  for (const example of examples) {
    const key = identity(example.document);
    const local = dirname(example.file) === folder;
    if (!byKey.has(key) || local) byKey.set(key, example.document as unknown as LookedUpResource);
  }
  return {
    get: (kind, namespace, name) => byKey.get(keyOf(kind, namespace, name)),
    list: (kind) =>
      examples.filter((e) => e.document.kind === kind).map((e) => e.document as unknown as LookedUpResource),
  };
}

/** `file#document field` of every example error, the way the expectations below are written. */
function rejections(): string[] {
  const examples = exampleDocuments(GRAVITEE_KINDS);
  const found: string[] = [];
  for (const example of examples) {
    const issues = admissionIssues(
      example.document as unknown as AdmissionResource,
      examplesLookup(examples, example),
      undefined,
      { now },
    );
    for (const issue of issues.filter((i) => i.severity === 'error')) {
      found.push(`${example.file}#${example.index} ${issue.field}: ${issue.message}`);
    }
  }
  return found;
}

describe('GKO examples through the admission rules', () => {
  it('rejects exactly the examples GKO rejects, for the same reasons', () => {
    // Prepare
    const expected = [...GKO_ADMISSION_REJECTIONS];

    // Act
    const found = rejections();

    // Assess
    assert.deepEqual(found, expected);
  });

  // GKO also rejects examples for reasons these rules cannot see, because they need the cluster's Secrets
  // or APIM itself; they are not listed above but in GKO_CLUSTER_VALUE_REJECTIONS.
});
