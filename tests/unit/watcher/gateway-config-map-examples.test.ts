import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uuidFromStrings } from '../../../lib/apim/payload/api-v2-uuid.ts';
import type { ClusterObject } from '../../../lib/ports/cluster.ts';
import { gatewayConfigMapIntent } from '../../../lib/watcher/gateway-config-map.ts';
import { exampleTitle } from '../apim-payload/support/example-resources.ts';
import { asDeliveredSpec } from '../apim-payload/support/example-values.ts';
import { gkoExamplesOfKind } from '../apim-payload/support/gko-examples.ts';
import { asStoredSpec } from '../apim-payload/support/kind-crd-defaults.ts';

/**
 * A GKO example as the API server would store it (CRD defaults applied) in namespace `default`, its
 * templates rendered from the examples' Secrets and ConfigMaps (the writer renders them before).
 */
function stored(
  kind: 'ApiV4Definition' | 'ApiDefinition',
  plural: string,
  manifest: { metadata?: { name?: string }; spec?: unknown },
  edit: (spec: Record<string, unknown>) => void = () => {},
): ClusterObject {
  const name = String(manifest.metadata?.name);
  const spec = asDeliveredSpec(
    asStoredSpec(plural, structuredClone((manifest.spec ?? {}) as Record<string, unknown>)),
  );
  edit(spec);
  return {
    apiVersion: 'gravitee.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', generation: 1 },
    spec,
  };
}

/** Gateway spelling of an enum: lower case words joined by `-`. */
const GATEWAY_ENUM = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('gateway ConfigMaps of the GKO example v4 APIs switched to sync from kubernetes', () => {
  for (const example of gkoExamplesOfKind('ApiV4Definition')) {
    it(`${exampleTitle(example)} gives a definition gateways can deploy`, () => {
      // Prepare
      const api = stored('ApiV4Definition', 'apiv4definitions', example.manifest, (spec) => {
        delete spec.contextRef;
        spec.state = 'STARTED';
        spec.definitionContext = { origin: 'KUBERNETES', syncFrom: 'KUBERNETES' };
      });

      // Act
      const intent = gatewayConfigMapIntent('ApiV4Definition', api);

      // Assess
      assert.equal(intent.action, 'apply');
      const configMap = (intent as { configMap: { data: Record<string, string> } }).configMap;
      assert.equal(configMap.data.apiDefinitionVersion, '4.0.0');
      const definition = JSON.parse(configMap.data.definition ?? '') as Record<string, unknown>;
      const spec = api.spec as { id?: string; plans?: Record<string, unknown>; listeners: unknown[] };
      assert.equal(definition.id, spec.id || uuidFromStrings(`default-${api.metadata.name}`));
      assert.equal(definition.definitionVersion, '4.0.0');
      assert.match(String(definition.type), GATEWAY_ENUM);
      for (const listener of definition.listeners as Array<{
        type: string;
        entrypoints: Array<{ qos?: string }>;
      }>) {
        assert.match(listener.type, GATEWAY_ENUM);
        for (const entrypoint of listener.entrypoints) assert.match(entrypoint.qos ?? 'none', GATEWAY_ENUM);
      }
      const plans = definition.plans as Array<{ name: string; id: string; security?: { type: string } }>;
      assert.deepEqual(
        plans.map((p) => p.name),
        Object.keys(spec.plans ?? {}).sort(),
      );
      for (const plan of plans) {
        assert.ok(plan.id, `plan ${plan.name} has an id`);
        if (plan.security) assert.match(plan.security.type, GATEWAY_ENUM);
      }
      assert.equal(definition.contextRef, undefined);
    });
  }
});

describe('gateway ConfigMaps of the GKO example local v2 APIs', () => {
  const local = gkoExamplesOfKind('ApiDefinition').filter(
    (example) => (example.manifest.spec as { local?: boolean } | undefined)?.local === true,
  );

  it('the examples hold local APIs with and without context', () => {
    // Prepare
    const withContext = local.filter((e) => (e.manifest.spec as { contextRef?: unknown }).contextRef);

    // Act
    const counts = [withContext.length, local.length - withContext.length];

    // Assess
    assert.ok(
      counts.every((count) => count > 0),
      `with/without context: ${counts.join('/')}`,
    );
  });

  for (const example of local) {
    it(`${exampleTitle(example)} is written as GKO writes it once it may be`, () => {
      // Prepare
      const api = stored('ApiDefinition', 'apidefinitions', example.manifest);
      const withContext = Boolean((api.spec as { contextRef?: unknown }).contextRef);
      if (withContext) {
        api.status = {
          id: 'apim-id',
          conditions: [{ type: 'Accepted', status: 'True', observedGeneration: 1 }],
        };
      }

      // Act
      const intent = gatewayConfigMapIntent('ApiDefinition', api);

      // Assess
      if ((api.spec as { state?: string }).state === 'STOPPED') {
        assert.deepEqual(intent, { action: 'delete', reason: 'stopped' });
        return;
      }
      assert.equal(intent.action, 'apply');
      const configMap = (intent as { configMap: { data: Record<string, string> } }).configMap;
      assert.equal(configMap.data.apiDefinitionVersion, undefined);
      const definition = JSON.parse(configMap.data.definition ?? '') as Record<string, unknown>;
      assert.equal(
        definition.id,
        withContext ? 'apim-id' : (api.spec as { id?: string }).id || api.metadata.uid,
      );
      assert.equal(definition.local, true);
      assert.equal((definition.definition_context as { syncFrom: string }).syncFrom, 'KUBERNETES');
      for (const plan of (definition.plans ?? []) as Array<{ id?: string; crossId?: string }>) {
        assert.ok(plan.id && plan.crossId, 'every plan has an id and a cross id');
      }
    });
  }
});
