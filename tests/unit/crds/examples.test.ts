import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kinds } from '../../../lib/crds/kinds.ts';
import { formatIssues, validateResource } from '../../../lib/crds/validate.ts';
import { GKO_SCHEMA_REJECTIONS } from './gko-example-rejections.ts';
import { exampleDocuments } from './gko-reference.ts';

/** Example documents that are expected NOT to validate, by `file#documentIndex`, with the reason. */
const EXCLUDED = GKO_SCHEMA_REJECTIONS;

const KINDS = Object.keys(kinds) as Array<keyof typeof kinds>;

describe('GKO example manifests', () => {
  const documents = exampleDocuments(KINDS);

  it('are found for every kind in the shared examples folder', () => {
    // Prepare / Act
    const perKind = KINDS.map((kind) => documents.filter((example) => example.document.kind === kind).length);

    // Assess
    assert.ok(
      perKind.every((count) => count > 0),
      `expected examples of every kind, got ${KINDS.map((kind, i) => `${kind}=${perKind[i]}`).join(', ')}`,
    );
  });

  it('validate against the resource schema of their kind, except the documented exclusions', () => {
    // Prepare
    const unexpectedFailures: string[] = [];
    const unexpectedSuccesses: string[] = [];
    const seenExclusions = new Set<string>();

    // Act
    for (const { file, index, document } of documents) {
      const id = `${file}#${index}`;
      const result = validateResource(document);
      if (id in EXCLUDED) {
        seenExclusions.add(id);
        if (result.ok) unexpectedSuccesses.push(`${id} (excluded because: ${EXCLUDED[id]})`);
      } else if (!result.ok) {
        unexpectedFailures.push(`${id} (${String(document.kind)}):\n${formatIssues(result.issues)}`);
      }
    }
    const missingExclusions = Object.keys(EXCLUDED).filter((id) => !seenExclusions.has(id));

    // Assess
    assert.deepEqual(
      unexpectedFailures,
      [],
      `examples failing validation:\n${unexpectedFailures.join('\n\n')}`,
    );
    assert.deepEqual(unexpectedSuccesses, [], 'excluded examples now validate: remove them from EXCLUDED');
    assert.deepEqual(missingExclusions, [], 'EXCLUDED lists documents that no longer exist');
  });
});
