import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ChangeEventSchema } from '../../../lib/events/change-event.ts';
import { StatusEventSchema } from '../../../lib/events/status-event.ts';

const events = new URL('../../../events/', import.meta.url).pathname;

function compile(name: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(events, 'schemas', name), 'utf8')));
}

function samples(dir: string): Array<[string, unknown]> {
  return readdirSync(join(events, 'samples', dir))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(events, 'samples', dir, f), 'utf8'))]);
}

describe('event contracts', () => {
  const change = compile('change-event.schema.json');
  const status = compile('status-event.schema.json');

  for (const [file, sample] of samples('change')) {
    it(`change sample ${file} validates against the JSON Schema and the zod schema`, () => {
      assert.equal(change(sample), true, JSON.stringify(change.errors));
      assert.equal(ChangeEventSchema.safeParse(sample).success, true);
    });
  }

  for (const [file, sample] of samples('status')) {
    it(`status sample ${file} validates against the JSON Schema and the zod schema`, () => {
      assert.equal(status(sample), true, JSON.stringify(status.errors));
      assert.equal(StatusEventSchema.safeParse(sample).success, true);
    });
  }

  it('covers every change type and every outcome of both kinds', () => {
    const names = [...samples('change'), ...samples('status')].map(([f]) => f);
    for (const expected of ['applied', 'deleted', 'resync'])
      assert.ok(names.some((n) => n.includes(`.${expected}.`)));
    for (const expected of ['synced', 'sync-failed', 'deleted'])
      assert.ok(names.some((n) => n.includes(`.${expected}.`)));
    for (const kind of ['management-context', 'api-v4-definition'])
      assert.ok(names.some((n) => n.startsWith(kind)));
  });

  it('rejects a change event without its CloudEvents specversion', () => {
    const [, sample] = samples('change')[0] as [string, Record<string, unknown>];
    const { specversion: _dropped, ...broken } = sample;
    assert.equal(change(broken), false);
  });

  it('rejects a status event whose outcome is unknown', () => {
    const [, sample] = samples('status')[0] as [string, { detail: Record<string, unknown> }];
    const broken = { ...sample, detail: { ...sample.detail, outcome: 'Maybe' } };
    assert.equal(status(broken), false);
  });

  it('keeps secret values out of the samples: inline credentials are placeholders', () => {
    const [, sample] = samples('change').find(([f]) => f === 'management-context.applied.json') as [
      string,
      { data: { spec: { auth: { bearerToken: string } } } },
    ];
    assert.equal(sample.data.spec.auth.bearerToken, '<sealed>');
  });
});
