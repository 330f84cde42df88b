import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RESOURCES } from '../../support/fake-kube/default-resources.ts';
import { parseFieldSelector } from '../../support/fake-kube/field-selector.ts';
import { applyMergePatch } from '../../support/fake-kube/json-merge-patch.ts';
import { applyJsonPatch } from '../../support/fake-kube/json-patch.ts';
import { JsonPatchApplyError } from '../../support/fake-kube/json-pointer.ts';
import type { KubeObject } from '../../support/fake-kube/kube-object.ts';
import { LabelSelectorError, parseLabelSelector } from '../../support/fake-kube/label-selector.ts';

// These pure parsers and patchers have no client-node API to go through; the server tests cover them end to end.

const secrets = DEFAULT_RESOURCES.find((d) => d.plural === 'secrets');

describe('label selectors', () => {
  it('match equality, set, existence and negation requirements as Kubernetes does', () => {
    // Prepare
    const selector = parseLabelSelector('app=gso, tier in (gold,silver), !legacy, env!=prod, owner');

    // Act
    const matching = selector.matches({ app: 'gso', tier: 'gold', owner: 'me' });
    const negatedLabelAbsent = selector.matches({ app: 'gso', tier: 'silver', owner: 'x', env: 'dev' });
    const excluded = selector.matches({ app: 'gso', tier: 'gold', owner: 'me', legacy: 'true' });

    // Assess
    assert.equal(matching, true);
    assert.equal(negatedLabelAbsent, true);
    assert.equal(excluded, false);
  });

  it('reject malformed requirements', () => {
    // Act
    const parse = () => parseLabelSelector('app===gso');

    // Assess
    assert.throws(parse, LabelSelectorError);
  });
});

describe('field selectors', () => {
  it('select on metadata.name and on type-specific fields such as a Secret type', () => {
    // Prepare
    assert.ok(secrets);
    const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'a' }, type: 'Opaque' };

    // Act
    const byName = parseFieldSelector('metadata.name==a', secrets).matches(secret);
    const byType = parseFieldSelector('type!=Opaque', secrets).matches(secret);

    // Assess
    assert.equal(byName, true);
    assert.equal(byType, false);
  });
});

describe('patches', () => {
  it('merge patches delete keys set to null and replace arrays', () => {
    // Act
    const patched = applyMergePatch({ a: 1, b: { c: 2, d: 3 }, e: [1, 2] }, { b: { c: null }, e: [3] });

    // Assess
    assert.deepEqual(patched, { a: 1, b: { d: 3 }, e: [3] });
  });

  it('JSON patches apply add, remove, move and copy with RFC 6901 escaping', () => {
    // Act
    const patched = applyJsonPatch({ 'a/b': 1, list: [1, 3] }, [
      { op: 'add', path: '/list/1', value: 2 },
      { op: 'add', path: '/list/-', value: 4 },
      { op: 'move', from: '/a~1b', path: '/moved' },
      { op: 'copy', from: '/moved', path: '/copied' },
      { op: 'remove', path: '/list/0' },
    ]);

    // Assess
    assert.deepEqual(patched, { list: [2, 3, 4], moved: 1, copied: 1 });
  });

  it('JSON patches fail atomically on a failed test or a missing path', () => {
    // Prepare
    const document = { spec: { x: 1 } };

    // Act
    const failedTest = () => applyJsonPatch(document, [{ op: 'test', path: '/spec/x', value: 2 }]);
    const missing = () => applyJsonPatch(document, [{ op: 'replace', path: '/spec/y', value: 2 }]);

    // Assess
    assert.throws(failedTest, JsonPatchApplyError);
    assert.throws(missing, JsonPatchApplyError);
    assert.deepEqual(document, { spec: { x: 1 } });
  });
});
