/**
 * Builds the deployable bundles with esbuild:
 *
 *   dist/functions/<kind-folder>/handler.mjs   one self-contained ESM file per Lambda function
 *   dist/watcher/main.mjs                      the in-cluster watcher, one file (the container image runs it)
 *
 *   npm run build            bundle and print the size of each output
 *
 * Every dependency (AWS SDK v3 included) is bundled rather than taken from the Lambda runtime, so what is
 * tested is what runs.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Metafile } from 'esbuild';

/** Absolute path of the repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** One bundle to produce: the entry module and where its single output file goes. */
export interface BundleTarget {
  /** Entry module, relative to the repository root. */
  entry: string;
  /** Output file, relative to the repository root. */
  output: string;
}

/** What a build produced, for the size report and for tests. */
export interface BuiltBundle extends BundleTarget {
  bytes: number;
}

/** Options shared by every bundle: Node 22, ESM, minified, with an external source map. */
export const bundleDefaults: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: 'external',
  // Mappings only: stack traces still point at our files, and each zip stays small.
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies still call require() for Node built-ins; ESM output has none.
  banner: {
    js: "import { createRequire as __gsoCreateRequire } from 'node:module'; const require = __gsoCreateRequire(import.meta.url);",
  },
};

/** Every function folder under `functions/` that has a handler, plus the watcher. */
export function bundleTargets(root: string = repoRoot): BundleTarget[] {
  const functionsDir = join(root, 'functions');
  const functions = readdirSync(functionsDir)
    .filter((name) => statSync(join(functionsDir, name)).isDirectory())
    .filter((name) => {
      try {
        return statSync(join(functionsDir, name, 'handler.ts')).isFile();
      } catch {
        return false;
      }
    })
    .sort()
    .map((name) => ({ entry: `functions/${name}/handler.ts`, output: `dist/functions/${name}/handler.mjs` }));
  return [...functions, { entry: 'lib/watcher/main.ts', output: 'dist/watcher/main.mjs' }];
}

/** Bundles every target into `dist/` (emptied first) and returns the size of each output. */
export async function bundleAll(root: string = repoRoot, options: BuildOptions = {}): Promise<BuiltBundle[]> {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  const built: BuiltBundle[] = [];
  for (const target of bundleTargets(root)) {
    const result = await build({
      ...bundleDefaults,
      ...options,
      absWorkingDir: root,
      entryPoints: [join(root, target.entry)],
      outfile: join(root, target.output),
      metafile: true,
    });
    built.push({ ...target, bytes: outputBytes(result.metafile, root, target.output) });
  }
  return built;
}

function outputBytes(metafile: Metafile, root: string, output: string): number {
  const entry = Object.entries(metafile.outputs).find(
    ([path]) => relative(root, join(root, path)) === output || path === output,
  );
  if (!entry) throw new Error(`esbuild reported no output for ${output}`);
  return entry[1].bytes;
}

/** `123456` → `120.6 KiB`. */
export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`;
}

async function main(): Promise<void> {
  const started = performance.now();
  const built = await bundleAll();
  const width = Math.max(...built.map((b) => b.output.length));
  for (const bundle of built) {
    process.stdout.write(`${bundle.output.padEnd(width)}  ${formatBytes(bundle.bytes).padStart(10)}\n`);
  }
  const total = built.reduce((sum, b) => sum + b.bytes, 0);
  process.stdout.write(
    `${built.length} bundles, ${formatBytes(total)} in all, in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
