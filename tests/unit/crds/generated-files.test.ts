import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { diffArtifacts, writeArtifacts } from '../../../lib/codegen/artifacts.ts';
import { generateAll, generateCrds, repoRoot } from '../../../lib/codegen/generate.ts';
import { assertStructural, type JsonSchemaProps } from '../../../lib/codegen/structural-schema.ts';
import { kinds } from '../../../lib/crds/kinds.ts';

function withTempDir(run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'gso-codegen-'));
  try {
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('generated CRD files', () => {
  it('in infra/crds are up to date with the contracts', () => {
    // Prepare
    const artifacts = generateAll();

    // Act
    const drift = diffArtifacts(artifacts, repoRoot);

    // Assess
    assert.deepEqual(drift, [], 'run `npx tsx lib/codegen/generate.ts` to regenerate');
  });

  it('are identical from one generation to the next', () => {
    // Prepare / Act
    const first = generateCrds();
    const second = generateCrds();

    // Assess
    assert.deepEqual([...second], [...first]);
  });

  it('hold one CRD per kind and a kustomization listing them', () => {
    // Prepare / Act
    const artifacts = generateCrds();
    const kustomization = parse(artifacts.get('infra/crds/kustomization.yaml') ?? '');

    // Assess
    const expected = Object.values(kinds)
      .map((definition) => `${definition.plural}.gravitee.io.yaml`)
      .sort();
    assert.deepEqual(kustomization.resources, expected);
    for (const file of expected) assert.ok(artifacts.has(`infra/crds/${file}`), `${file} not generated`);
  });

  it('parse back into structural schemas with the status subresource enabled', () => {
    // Prepare
    const artifacts = generateCrds();

    for (const definition of Object.values(kinds)) {
      // Act
      const crd = parse(artifacts.get(`infra/crds/${definition.plural}.gravitee.io.yaml`) ?? '');
      const version = crd.spec.versions[0];
      const schema = version.schema.openAPIV3Schema as JsonSchemaProps;
      const text = JSON.stringify(schema);

      // Assess
      assert.equal(crd.apiVersion, 'apiextensions.k8s.io/v1');
      assert.deepEqual(version.subresources, { status: {} });
      assert.doesNotThrow(() => assertStructural(schema, ''));
      assert.ok(!text.includes('"$ref"') && !text.includes('"$schema"'), 'schema must be self-contained');
      assert.ok(!text.includes('"additionalProperties":false'), 'closed objects are expressed by pruning');
    }
  });
});

describe('the --check comparison', () => {
  it('reports outdated, missing and unexpected files by path', () => {
    withTempDir((dir) => {
      // Prepare
      const artifacts = generateCrds();
      writeArtifacts(artifacts, dir);
      writeFileSync(join(dir, 'infra/crds/managementcontexts.gravitee.io.yaml'), '# edited by hand\n');
      unlinkSync(join(dir, 'infra/crds/kustomization.yaml'));
      writeFileSync(join(dir, 'infra/crds/oldkinds.gravitee.io.yaml'), '# left over\n');

      // Act
      const drift = diffArtifacts(artifacts, dir);

      // Assess
      assert.deepEqual(drift, [
        { path: 'infra/crds/managementcontexts.gravitee.io.yaml', problem: 'outdated' },
        { path: 'infra/crds/kustomization.yaml', problem: 'missing' },
        { path: 'infra/crds/oldkinds.gravitee.io.yaml', problem: 'unexpected' },
      ]);
    });
  });

  it('finds nothing to report right after writing the artifacts', () => {
    withTempDir((dir) => {
      // Prepare
      const artifacts = generateAll();
      writeArtifacts(artifacts, dir);

      // Act
      const drift = diffArtifacts(artifacts, dir);

      // Assess
      assert.deepEqual(drift, []);
    });
  });
});
