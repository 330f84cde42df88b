import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canonicalJson, payloadHash, sha256Hex } from '../../../lib/apim/payload/canonical-json.ts';

describe('Canonical JSON gives one text per JSON value', () => {
  test('objects that differ only in key order serialise identically, at every depth', () => {
    // Prepare
    const a = {
      name: 'echo',
      plans: [{ hrid: 'KeyLess', security: { type: 'KEY_LESS', configuration: {} } }],
    };
    const b = {
      plans: [{ security: { configuration: {}, type: 'KEY_LESS' }, hrid: 'KeyLess' }],
      name: 'echo',
    };

    // Act
    const [textA, textB] = [canonicalJson(a), canonicalJson(b)];

    // Assess
    assert.equal(textA, textB);
    assert.equal(
      textA,
      '{"name":"echo","plans":[{"hrid":"KeyLess","security":{"configuration":{},"type":"KEY_LESS"}}]}',
    );
  });

  test('array order is kept because it carries meaning', () => {
    // Act
    const [ab, ba] = [canonicalJson(['a', 'b']), canonicalJson(['b', 'a'])];

    // Assess
    assert.notEqual(ab, ba);
  });

  test('keys are sorted by code unit, integer-like keys included', () => {
    // Act
    const text = canonicalJson({ b: 1, 10: 2, 2: 3, a: 4, B: 5 });

    // Assess
    assert.equal(text, '{"10":2,"2":3,"B":5,"a":4,"b":1}');
  });

  test('undefined members are dropped and undefined items become null, like JSON.stringify', () => {
    // Act
    const text = canonicalJson({ a: undefined, b: [undefined, 1], c: 'x' });

    // Assess
    assert.equal(text, '{"b":[null,1],"c":"x"}');
  });

  test('a value that is not JSON data is refused', () => {
    // Assess
    assert.throws(() => canonicalJson(undefined), TypeError);
  });
});

describe('Payload hashes tell whether APIM needs a write', () => {
  test('sha256Hex matches the known digest of the empty string', () => {
    // Assess
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  test('the same payload with reordered keys hashes the same, a changed value does not', () => {
    // Prepare
    const applied = { hrid: 'default-echo', state: 'STARTED', tags: ['eu'] };

    // Act
    const same = payloadHash({ tags: ['eu'], state: 'STARTED', hrid: 'default-echo' });
    const changed = payloadHash({ ...applied, state: 'STOPPED' });

    // Assess
    assert.equal(same, payloadHash(applied));
    assert.notEqual(changed, payloadHash(applied));
    assert.match(same, /^[0-9a-f]{64}$/);
  });
});
