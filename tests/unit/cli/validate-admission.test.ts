import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { runValidate } from '../../../lib/cli/validate-command.ts';

/** Writes manifest files (name → documents) into a fresh directory. */
function manifests(files: Record<string, unknown[]>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gso-validate-'));
  for (const [name, docs] of Object.entries(files)) {
    writeFileSync(join(dir, name), docs.map((d) => stringify(d)).join('---\n'));
  }
  return dir;
}

function validate(dir: string): { code: number; lines: string[] } {
  const lines: string[] = [];
  const code = runValidate([dir], (line) => lines.push(line));
  return { code, lines };
}

const gravitee = (kind: string, name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'gravitee.io/v1alpha1',
  kind,
  metadata: { name },
  spec,
});

const managementContext = gravitee('ManagementContext', 'dev-ctx', {
  baseUrl: 'http://apim.example.com:8083',
  organizationId: 'DEFAULT',
  environmentId: 'DEFAULT',
  auth: { bearerToken: 'token' },
});

const api = (name: string, path: string) =>
  gravitee('ApiV4Definition', name, {
    contextRef: { name: 'dev-ctx' },
    name,
    version: '1.0',
    type: 'PROXY',
    listeners: [{ type: 'HTTP', paths: [{ path }], entrypoints: [{ type: 'http-proxy' }] }],
    endpointGroups: [
      {
        name: 'default',
        type: 'http-proxy',
        endpoints: [
          {
            name: 'backend',
            type: 'http-proxy',
            inheritConfiguration: false,
            configuration: { target: 'https://backend.example.com' },
          },
        ],
      },
    ],
    plans: {
      free: { name: 'Free', security: { type: 'KEY_LESS' } },
      keys: { name: 'Keys', security: { type: 'API_KEY' } },
    },
  });

const application = gravitee('Application', 'client', {
  contextRef: { name: 'dev-ctx' },
  name: 'client',
  description: 'a client',
  settings: { app: { type: 'WEB' } },
});

const subscription = (name: string, plan: string, app = 'client') =>
  gravitee('Subscription', name, { api: { name: 'orders' }, application: { name: app }, plan });

describe('gso validate with admission rules', () => {
  it('a subscription whose API and application are in other files of the set is accepted', () => {
    // Prepare
    const dir = manifests({
      'context.yaml': [managementContext],
      'api.yaml': [api('orders', '/orders')],
      'app.yaml': [application],
      'subscription.yaml': [subscription('client-orders', 'keys')],
    });

    // Act
    const { code, lines } = validate(dir);

    // Assess
    assert.equal(code, 0, lines.join('\n'));
    assert.doesNotMatch(lines.join('\n'), /^error/m);
  });

  it('admission errors fail the command and name file, document, resource and field', () => {
    // Prepare
    const dir = manifests({
      'context.yaml': [managementContext],
      'apis.yaml': [api('orders', '/orders'), api('orders-copy', '/orders/')],
      'subscriptions.yaml': [subscription('to-free', 'free'), subscription('from-nobody', 'keys', 'nobody')],
      'app.yaml': [application],
    });

    // Act
    const { code, lines } = validate(dir);

    // Assess
    assert.equal(code, 1);
    const errors = lines.filter((l) => l.startsWith('error:'));
    assert.ok(
      errors.some((l) =>
        /apis\.yaml \(document 2\): ApiV4Definition default\/orders-copy: spec\.listeners\[0\]\.paths\[0\]\.path: context path "\/orders\/" is already used by ApiV4Definition default\/orders/.test(
          l,
        ),
      ),
      errors.join('\n'),
    );
    assert.ok(
      errors.some((l) =>
        /subscriptions\.yaml \(document 1\): Subscription default\/to-free: spec\.plan: plan "free" .* KEY_LESS, which takes no subscription/.test(
          l,
        ),
      ),
      errors.join('\n'),
    );
    assert.ok(
      errors.some((l) =>
        /subscriptions\.yaml \(document 2\): Subscription default\/from-nobody: spec\.application: Application default\/nobody is not among the manifests/.test(
          l,
        ),
      ),
      errors.join('\n'),
    );
  });

  it('admission warnings are printed but leave the exit code at 0', () => {
    // Prepare
    const withGroup = api('orders', '/orders');
    (withGroup.spec as Record<string, unknown>).groupRefs = [{ name: 'developers' }];
    const dir = manifests({ 'all.yaml': [managementContext, withGroup] });

    // Act
    const { code, lines } = validate(dir);

    // Assess
    assert.equal(code, 0, lines.join('\n'));
    assert.ok(
      lines.some(
        (l) =>
          l.startsWith('warning: ') &&
          l.includes(
            'ApiV4Definition default/orders: spec.groupRefs[0]: Group default/developers does not exist',
          ),
      ),
      lines.join('\n'),
    );
    assert.match(lines.at(-1) ?? '', /2 gravitee\.io resources checked: 0 errors, [1-9]\d* warnings/);
  });
});
