import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { main } from '../../../lib/cli/main.ts';
import { apiObject, contextObject } from '../../support/factories/resources.ts';

const examples = new URL('../../../../shared/gko/examples/', import.meta.url).pathname;

function manifests(files: Record<string, unknown[]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gso-cli-'));
  for (const [name, docs] of Object.entries(files)) {
    writeFileSync(join(dir, name), docs.map((d) => stringify(d)).join('---\n'));
  }
  return dir;
}

const strip = (o: ReturnType<typeof apiObject>) => ({
  apiVersion: o.apiVersion,
  kind: o.kind,
  metadata: { name: o.metadata.name },
  spec: o.spec,
});

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(args, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('gso validate', () => {
  it('accepts GKO example manifests of the supported kinds', async () => {
    const { code, out } = await run([
      'validate',
      join(examples, 'management_context/dev/management-context-with-credentials.yml'),
      join(examples, 'apim/api_definition/v4/api-v4-with-context.yml'),
    ]);
    assert.equal(code, 0, out);
    assert.match(out, /2 gravitee\.io resources checked: 0 errors/);
  });

  it('fails naming the file, the resource and the field of a schema error', async () => {
    const dir = manifests({
      'bad.yaml': [strip(apiObject('broken', { type: 'SOAP' })), strip(contextObject())],
    });
    const { code, out } = await run(['validate', dir]);
    assert.equal(code, 1);
    assert.match(out, /bad\.yaml \(document 1\): ApiV4Definition default\/broken: spec\.type: /);
  });

  it('fails when a contextRef names a context that is not among the manifests', async () => {
    const dir = manifests({
      'api.yaml': [strip(apiObject('lonely', { contextRef: { name: 'missing-ctx' } }))],
    });
    const { code, out } = await run(['validate', dir]);
    assert.equal(code, 1);
    assert.match(
      out,
      /ApiV4Definition default\/lonely: spec\.contextRef: ManagementContext default\/missing-ctx is not among the manifests/,
    );
  });

  it('reports a YAML syntax error with the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gso-cli-'));
    writeFileSync(join(dir, 'broken.yaml'), 'kind: [unclosed\n');
    const { code, out } = await run(['validate', dir]);
    assert.equal(code, 1);
    assert.match(out, /broken\.yaml: document 1:/);
  });

  it('answers a usage error with exit code 2', async () => {
    const { code, out } = await run(['validate']);
    assert.equal(code, 2);
    assert.match(out, /usage: gso/);
  });
});

describe('gso plan', () => {
  it('lists the APIM calls per resource as JSON, without sending any', async () => {
    const dir = manifests({
      'all.yaml': [
        strip(contextObject('dev-ctx', { baseUrl: 'http://127.0.0.1:9' })),
        strip(apiObject('orders')),
      ],
    });
    const { code, out } = await run(['plan', dir, '--output', 'json']);
    assert.equal(code, 0, out);
    const plan = JSON.parse(out) as Array<{
      resource: string;
      outcome: string;
      calls: Array<{ method: string; url: string; body?: { hrid?: string } }>;
    }>;
    const api = plan.find((p) => p.resource === 'ApiV4Definition default/orders');
    assert.equal(api?.outcome, 'Synced');
    const put = api?.calls.find((c) => c.method === 'PUT');
    assert.equal(
      put?.url,
      'http://127.0.0.1:9/automation/organizations/DEFAULT/environments/DEFAULT/apis?dryRun=false',
    );
    assert.equal(put?.body?.hrid, 'default-orders');
    const context = plan.find((p) => p.resource === 'ManagementContext default/dev-ctx');
    assert.equal(
      context?.calls[0]?.url,
      'http://127.0.0.1:9/management/v2/organizations/DEFAULT/environments/DEFAULT',
    );
    assert.doesNotMatch(out, /s3cr3t-token-value/, 'credentials stay out of the plan');
  });

  it('says which resource would not sync, and why, with exit code 2', async () => {
    const dir = manifests({ 'api.yaml': [strip(apiObject('orphan', { contextRef: { name: 'nowhere' } }))] });
    const { code, out } = await run(['plan', dir]);
    assert.equal(code, 2);
    assert.match(out, /ApiV4Definition default\/orphan .*SyncFailed: .*ManagementContext default\/nowhere/);
  });
});
