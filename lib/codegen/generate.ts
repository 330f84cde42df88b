/**
 * Regenerates the artifacts derived from the CRD contracts.
 *
 *   npx tsx lib/codegen/generate.ts           write the files
 *   npx tsx lib/codegen/generate.ts --check   fail if the files on disk are stale
 *
 * Each artifact family is a function returning `Map<path, content>`; add new families to
 * {@link generateAll} and both modes pick them up.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Artifacts, describeDrift, diffArtifacts, writeArtifacts } from './artifacts.ts';
import { generateAwsArtifacts } from './aws-artifacts.ts';
import { generateCrds } from './crd-artifacts.ts';
import { generateEventArtifacts } from './event-artifacts.ts';
import { generateImportCrdSchema } from './import-crd-schema.ts';

export { generateCrds } from './crd-artifacts.ts';

/** Absolute path of the repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Every generated artifact, from every generator. */
export function generateAll(): Artifacts {
  const artifacts: Artifacts = new Map();
  for (const family of [
    generateCrds(),
    generateEventArtifacts(),
    generateImportCrdSchema(),
    generateAwsArtifacts(repoRoot),
  ]) {
    for (const [path, content] of family) {
      if (artifacts.has(path)) throw new Error(`two generators produce ${path}`);
      artifacts.set(path, content);
    }
  }
  return artifacts;
}

/** Runs the generator; returns the process exit code. */
export function main(args: readonly string[], root: string = repoRoot): number {
  const artifacts = generateAll();
  if (args.includes('--check')) {
    const drift = diffArtifacts(artifacts, root);
    if (drift.length > 0) {
      process.stderr.write(
        `Generated files are out of date:\n${describeDrift(drift)}\nRun \`npm run generate\` and commit the result.\n`,
      );
      return 1;
    }
    process.stdout.write(`${artifacts.size} generated files are up to date.\n`);
    return 0;
  }
  writeArtifacts(artifacts, root);
  process.stdout.write(`Wrote ${artifacts.size} files: ${[...artifacts.keys()].join(', ')}\n`);
  return 0;
}

function invokedDirectly(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
}

if (invokedDirectly()) process.exitCode = main(process.argv.slice(2));
